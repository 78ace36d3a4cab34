/// Every key, from `KeyMap.help`, in a centred box.
struct HelpOverlay: Sendable {
  func draw(into buffer: inout Buffer, theme: Theme) {
    let screen = Rect(buffer)
    let sections = KeyMap.help
    let lineCount = sections.reduce(0) { $0 + 1 + $1.entries.count } + sections.count - 1 + 2
    let box = screen.centered(width: min(screen.width - 4, 64), height: lineCount + 2)
    let inside = Box(title: "Keys").draw(into: &buffer, in: box, theme: theme)
    let keyWidth = 16
    var row = 0
    for (s, section) in sections.enumerated() {
      if s > 0 { row += 1 }
      buffer.write(section.title, in: inside.row(row), style: theme.style(.title))
      row += 1
      for entry in section.entries {
        let line = inside.row(row)
        let keys = theme.glyphs.isASCII ? entry.asciiKeys : entry.keys
        buffer.write(keys, in: line.inset(dx: 1), style: theme.style(.key))
        buffer.write(entry.text, in: line.splitLeft(keyWidth + 1).rest, style: theme.style(.plain))
        row += 1
      }
    }
    buffer.write(
      "? or Esc closes", in: inside.row(row + 1), align: .right, style: theme.style(.hint))
  }
}
