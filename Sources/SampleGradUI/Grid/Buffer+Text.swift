/// Text placement inside a rect: left, right or centred, always clipped to the rect.
enum Alignment: Sendable {
  case left, right, center
}

extension Buffer {
  /// Writes `text` on the first row of `rect`, aligned and clipped to the rect's width; with
  /// an `ellipsis`, text that does not fit is cut at a word and ends with it, so a reader sees
  /// that something is missing. Returns the column after the last cell written.
  @discardableResult
  mutating func write(
    _ text: String, in rect: Rect, align: Alignment = .left, style: Style = .plain,
    ellipsis: String? = nil
  ) -> Int {
    guard !rect.isEmpty else { return rect.x }
    var text = text
    if let ellipsis, text.count > rect.width {
      text = ScreenFormat.clip(text, rect.width, ellipsis: ellipsis)
    }
    let x: Int
    switch align {
    case .left: x = rect.x
    case .right: x = rect.x + max(rect.width - text.count, 0)
    case .center: x = rect.x + max((rect.width - text.count) / 2, 0)
    }
    return write(text, x: x, y: rect.y, style: style, maxWidth: rect.maxX - x)
  }

  /// Word-wraps `text` into the rows of `rect`; if it needs more rows than there are, the
  /// last row ends with `ellipsis`. Returns the rows written.
  @discardableResult
  mutating func writeWrapped(
    _ text: String, in rect: Rect, style: Style = .plain, ellipsis: String
  ) -> Int {
    guard !rect.isEmpty else { return 0 }
    let lines = WordWrap.lines(text, width: rect.width)
    let shown = min(lines.count, rect.height)
    for i in 0..<shown {
      var line = lines[i]
      if i == shown - 1, shown < lines.count {
        line = ScreenFormat.clip(lines[i...].joined(separator: " "), rect.width, ellipsis: ellipsis)
      }
      write(line, in: rect.row(i), style: style)
    }
    return shown
  }

  /// Fills `rect` with one cell.
  mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
    fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, with: cell)
  }

  /// Gives every cell without a colour of its own the colours of `base` (the light theme's
  /// background reaches every cell, blank ones included).
  mutating func paintBase(_ base: Style) {
    guard base.background != .default || base.foreground != .default else { return }
    for i in cells.indices { cells[i].style = cells[i].style.onto(base) }
  }

  /// Repeats `character` across the first row of `rect`.
  mutating func repeatCharacter(_ character: Character, in rect: Rect, style: Style = .plain) {
    guard !rect.isEmpty else { return }
    for column in rect.x..<rect.maxX { self[column, rect.y] = Cell(character, style: style) }
  }
}
