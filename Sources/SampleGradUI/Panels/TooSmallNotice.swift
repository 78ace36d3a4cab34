/// Drawn instead of the panels when the terminal is smaller than 80x24: says what is needed,
/// centred, wrapped to whatever width there is.
struct TooSmallNotice: Widget, Sendable {
  func draw(into buffer: inout Buffer, in screen: Rect, theme: Theme) {
    guard !screen.isEmpty else { return }
    let text =
      "terminal too small: need \(Explorer.minimumWidth)x\(Explorer.minimumHeight), "
      + "have \(screen.width)x\(screen.height)"
    let lines = WordWrap.lines(text, width: screen.width)
    let top = max((screen.height - lines.count) / 2, 0)
    for (i, line) in lines.enumerated() where top + i < screen.height {
      buffer.write(line, in: screen.row(top + i), align: .center, style: theme.style(.title))
    }
  }
}
