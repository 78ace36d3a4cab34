import SampleGradCore

/// The preset list (name and title) with the highlighted preset's lesson, word-wrapped, or
/// its problem if the file could not be loaded.
struct PresetPickerOverlay: Sendable {
  var presets: [PresetSummary]
  var selected: Int

  func draw(into buffer: inout Buffer, theme: Theme) {
    let screen = Rect(buffer)
    let width = min(screen.width - 4, 96)
    let lessonLines = presets.map { detailLines($0, width: width - 4).count }.max() ?? 0
    let wanted = 2 + presets.count + 1 + lessonLines + 2
    let box = screen.centered(width: width, height: min(wanted, screen.height - 4))
    let inside = Box(title: "Presets").draw(into: &buffer, in: box, theme: theme)
    guard inside.height >= 6, !presets.isEmpty else { return }
    let listHeight = min(presets.count, max(inside.height - 3 - lessonLines, inside.height / 2 - 1))
    let (listArea, rest) = inside.splitTop(listHeight)
    drawList(into: &buffer, in: listArea, theme: theme)
    let (detail, hintRow) = rest.splitTop(1).rest.splitBottom(1)
    buffer.repeatCharacter(theme.glyphs.horizontal, in: rest.row(0), style: theme.style(.hint))
    let chosen = presets[min(max(selected, 0), presets.count - 1)]
    let style = theme.style(chosen.problem == nil ? .plain : .error)
    for (row, line) in detailLines(chosen, width: detail.width).prefix(detail.height).enumerated() {
      buffer.write(line, in: detail.row(row), style: style)
    }
    let keys = theme.glyphs.isASCII ? "j/k" : "↑↓"
    buffer.write(
      "\(keys) move   Enter load   Esc close", in: hintRow, align: .right, style: theme.style(.hint)
    )
  }

  /// The lesson of a preset, or why it cannot be loaded, wrapped.
  private func detailLines(_ preset: PresetSummary, width: Int) -> [String] {
    if let problem = preset.problem {
      return WordWrap.lines("cannot load: " + problem, width: width)
    }
    return WordWrap.lines(preset.lesson.isEmpty ? "(no lesson text)" : preset.lesson, width: width)
  }

  private func drawList(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let visible = rect.height
    let start = min(max(selected - visible / 2, 0), max(presets.count - visible, 0))
    let nameWidth = min(presets.map(\.name.count).max() ?? 0, rect.width / 2)
    for row in 0..<min(visible, presets.count - start) {
      let i = start + row
      let preset = presets[i]
      let line = rect.row(row)
      let isSelected = i == selected
      let marker = isSelected ? String(theme.glyphs.selection) : " "
      let head = "\(marker) " + ScreenFormat.pad(preset.name, nameWidth) + "  "
      let title = preset.problem == nil ? preset.title : "(cannot load)"
      let text =
        head + ScreenFormat.clip(title, line.width - head.count, ellipsis: theme.glyphs.ellipsis)
      let style =
        isSelected ? theme.style(.selected) : theme.style(preset.problem == nil ? .plain : .error)
      buffer.write(ScreenFormat.pad(text, line.width), in: line, style: style)
    }
  }
}
