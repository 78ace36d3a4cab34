/// Text placement inside a rect: left, right or centred, always clipped to the rect.
enum Alignment: Sendable {
  case left, right, center
}

extension Buffer {
  /// Writes `text` on the first row of `rect`, aligned and clipped to the rect's width.
  /// Returns the column after the last cell written.
  @discardableResult
  mutating func write(
    _ text: String, in rect: Rect, align: Alignment = .left, style: Style = .plain
  ) -> Int {
    guard !rect.isEmpty else { return rect.x }
    let x: Int
    switch align {
    case .left: x = rect.x
    case .right: x = rect.x + max(rect.width - text.count, 0)
    case .center: x = rect.x + max((rect.width - text.count) / 2, 0)
    }
    return write(text, x: x, y: rect.y, style: style, maxWidth: rect.maxX - x)
  }

  /// Fills `rect` with one cell.
  mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
    fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, with: cell)
  }

  /// Applies `style` to every cell of `rect`, keeping the characters.
  mutating func restyle(_ rect: Rect, _ style: Style) {
    let area = rect.intersection(Rect(self))
    for row in area.y..<area.maxY {
      for column in area.x..<area.maxX { self[column, row].style = style }
    }
  }

  /// Repeats `character` across the first row of `rect`.
  mutating func repeatCharacter(_ character: Character, in rect: Rect, style: Style = .plain) {
    guard !rect.isEmpty else { return }
    for column in rect.x..<rect.maxX { self[column, rect.y] = Cell(character, style: style) }
  }
}
