/// A framed, cleared area for overlays (help, preset picker, prompt), drawn over the panels.
struct Box: Widget, Sendable {
  var title: String

  /// Draws the frame and clears the inside; returns the inside rect.
  @discardableResult
  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) -> Rect {
    guard rect.width >= 2, rect.height >= 2 else {
      return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
    }
    let g = theme.glyphs
    let line = theme.style(.plain)
    buffer.fill(rect)
    buffer.repeatCharacter(g.horizontal, in: rect.row(0), style: line)
    buffer.repeatCharacter(g.horizontal, in: rect.row(rect.height - 1), style: line)
    for y in rect.y..<rect.maxY {
      buffer[rect.x, y] = Cell(g.vertical, style: line)
      buffer[rect.maxX - 1, y] = Cell(g.vertical, style: line)
    }
    buffer[rect.x, rect.y] = Cell(g.corners.topLeft, style: line)
    buffer[rect.maxX - 1, rect.y] = Cell(g.corners.topRight, style: line)
    buffer[rect.x, rect.maxY - 1] = Cell(g.corners.bottomLeft, style: line)
    buffer[rect.maxX - 1, rect.maxY - 1] = Cell(g.corners.bottomRight, style: line)
    if !title.isEmpty {
      buffer.write(" \(title) ", in: rect.row(0).inset(dx: 2), style: theme.style(.title))
    }
    return rect.inset(dx: 2, dy: 1)
  }
}
