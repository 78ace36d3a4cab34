import SampleGradCore

/// The preset list (name and title) with the highlighted preset's lesson, word-wrapped, or its
/// problem if the file could not be loaded. A list longer than the box scrolls with the
/// selection and says how many presets are above and below; `/` filters it as you type.
struct PresetPickerOverlay: Widget, Sendable {
  var presets: [PresetSummary]
  var picker: PresetPicker
  /// The presets the filter lets through, by index into `presets`.
  var shown: [Int]

  /// The box and, inside it, the list's rows, for a screen.
  static func geometry(screen: Rect, presets: [PresetSummary]) -> (box: Rect, list: Rect) {
    let width = min(screen.width - 4, 96)
    let lessonLines = presets.map { detailLines($0, width: width - 4).count }.max() ?? 0
    let wanted = 2 + presets.count + 2 + lessonLines + 2
    let box = screen.centered(width: width, height: min(wanted, screen.height - 2))
    let inside = box.inset(dx: 2, dy: 1)
    let listHeight = max(
      min(presets.count, inside.height - 3 - min(lessonLines, 8)), min(inside.height / 2, 4))
    return (box, inside.splitTop(listHeight).top)
  }

  /// The rows under the list where the highlighted preset's lesson goes.
  static func detailArea(screen: Rect, presets: [PresetSummary]) -> Rect {
    let (box, listArea) = geometry(screen: screen, presets: presets)
    let inside = box.inset(dx: 2, dy: 1)
    return inside.splitTop(listArea.height + 1).rest.splitBottom(1).rest
  }

  /// The pages the lesson of preset `selected` takes in the box: 1 when it fits.
  static func lessonPages(screen: Rect, presets: [PresetSummary], selected: Int) -> Int {
    guard presets.indices.contains(selected) else { return 1 }
    let detail = detailArea(screen: screen, presets: presets)
    guard detail.height > 0 else { return 1 }
    let lines = detailLines(presets[selected], width: detail.width).count
    return max((lines + detail.height - 1) / detail.height, 1)
  }

  /// Draws the box centred in `screen`.
  func draw(into buffer: inout Buffer, in screen: Rect, theme: Theme) {
    let (box, listArea) = Self.geometry(screen: screen, presets: presets)
    let g = theme.glyphs
    var title = "Presets"
    if picker.isFiltering || !picker.filter.isEmpty {
      title += "  / \(picker.filter)\(picker.isFiltering ? "_" : "")"
    }
    let inside = Box(title: title).draw(into: &buffer, in: box, theme: theme)
    guard inside.height >= 6, !presets.isEmpty else { return }
    let rest = inside.splitTop(listArea.height).rest
    let start = drawList(into: &buffer, in: listArea, theme: theme)
    let (detail, hintRow) = rest.splitTop(1).rest.splitBottom(1)
    let separator = rest.row(0)
    buffer.repeatCharacter(g.horizontal, in: separator, style: theme.style(.hint))
    let visible = min(listArea.height, shown.count - start)
    var position = ""
    if shown.isEmpty {
      position = " no preset matches "
    } else if shown.count > listArea.height {
      let above = start > 0 ? "\(g.moreAbove) \(start) above  " : ""
      let below = shown.count - start - visible
      position = " \(above)\(below > 0 ? "\(g.moreBelow) \(below) below  " : "")"
      position += "\(start + 1)-\(start + visible) of \(shown.count) "
    }
    buffer.write(position, in: separator, align: .right, style: theme.style(.plain))
    var pages = 1
    var page = 0
    if presets.indices.contains(picker.selected), shown.contains(picker.selected),
      detail.height > 0
    {
      let chosen = presets[picker.selected]
      let style = theme.style(chosen.problem == nil ? .plain : .error)
      // Whole lines a page at a time: every word of a long lesson can be read here.
      let lines = Self.detailLines(chosen, width: detail.width)
      pages = max((lines.count + detail.height - 1) / detail.height, 1)
      page = min(max(picker.lessonPage, 0), pages - 1)
      for (row, line) in lines.dropFirst(page * detail.height).prefix(detail.height).enumerated() {
        buffer.write(line, in: detail.row(row), style: style)
      }
    }
    var hint =
      picker.isFiltering
      ? "type to filter   Enter load   Esc clear"
      : "\(g.upDown) move   / filter   Enter load   Esc close"
    if pages > 1, !picker.isFiltering {
      let turn = page + 1 < pages ? "\(g.rightArrow) more" : "\(g.isASCII ? "<-" : "←") back"
      hint = "lesson \(page + 1)/\(pages): \(turn)   " + hint
    }
    buffer.write(hint, in: hintRow, align: .right, style: theme.style(.hint))
  }

  /// The lesson of a preset, or why it cannot be loaded, wrapped.
  private static func detailLines(_ preset: PresetSummary, width: Int) -> [String] {
    if let problem = preset.problem {
      return WordWrap.lines("cannot load: " + problem, width: width)
    }
    return WordWrap.lines(preset.lesson.isEmpty ? "(no lesson text)" : preset.lesson, width: width)
  }

  /// Draws the window of the list that keeps the selection in view; returns its first row.
  private func drawList(into buffer: inout Buffer, in rect: Rect, theme: Theme) -> Int {
    let visible = rect.height
    let position = shown.firstIndex(of: picker.selected) ?? 0
    let start = ScrollWindow.start(keeping: position, visible: visible, count: shown.count)
    let nameWidth = min(presets.map(\.name.count).max() ?? 0, rect.width / 2)
    for row in 0..<min(visible, shown.count - start) {
      let i = shown[start + row]
      let preset = presets[i]
      let line = rect.row(row)
      let isSelected = i == picker.selected
      let marker = isSelected ? String(theme.glyphs.selection) : " "
      let head = "\(marker) " + ScreenFormat.pad(preset.name, nameWidth) + "  "
      let title = preset.problem == nil ? preset.title : "(cannot load)"
      let text =
        head + ScreenFormat.clip(title, line.width - head.count, ellipsis: theme.glyphs.ellipsis)
      let style =
        isSelected ? theme.style(.selected) : theme.style(preset.problem == nil ? .plain : .error)
      buffer.write(ScreenFormat.pad(text, line.width), in: line, style: style)
    }
    return start
  }
}
