/// The screen as a grid of cells in memory. Everything is drawn here; the terminal layer
/// only copies the cells that changed, and tests read the lines back as text.
package struct Buffer: Sendable, Equatable {
  package private(set) var width: Int
  package private(set) var height: Int
  package internal(set) var cells: [Cell]
  /// While set (`clipped(to:_:)`), writes outside this rect are ignored too.
  private var clip: Rect?

  package init(width: Int, height: Int, filling cell: Cell = .blank) {
    self.width = max(width, 0)
    self.height = max(height, 0)
    cells = [Cell](repeating: cell, count: self.width * self.height)
  }

  /// The cell at column `x`, row `y`; writes outside the grid are ignored.
  package subscript(x: Int, y: Int) -> Cell {
    get {
      guard x >= 0, y >= 0, x < width, y < height else { return .blank }
      return cells[y * width + x]
    }
    set {
      guard x >= 0, y >= 0, x < width, y < height else { return }
      if let clip, x < clip.x || y < clip.y || x >= clip.maxX || y >= clip.maxY { return }
      cells[y * width + x] = newValue
    }
  }

  /// Runs `body` with writes outside `rect` ignored (inside any clip already set), for a
  /// widget whose columns are laid out for a width its area may not have: what does not fit
  /// is cut at the area's edge instead of spilling into the next one.
  package mutating func clipped<Result>(to rect: Rect, _ body: (inout Buffer) -> Result)
    -> Result
  {
    let outer = clip
    clip = outer.map { rect.intersection($0) } ?? rect
    defer { clip = outer }
    return body(&self)
  }

  /// Writes `text` from column `x` on row `y`, clipped to `maxWidth` cells and the grid.
  /// Returns the column after the last cell written.
  @discardableResult
  package mutating func write(
    _ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int = .max
  ) -> Int {
    var column = x
    let limit = maxWidth == .max ? width : min(width, x + maxWidth)
    // Most text is one scalar per character (ASCII, box lines, blocks, Greek): walking the
    // scalars is several times faster than walking grapheme clusters.
    if text.unicodeScalars.allSatisfy(Self.standsAlone) {
      for scalar in text.unicodeScalars {
        guard column < limit else { break }
        self[column, y] = Cell(Character(scalar), style: style)
        column += 1
      }
      return column
    }
    for character in text {
      guard column < limit else { break }
      self[column, y] = Cell(character, style: style)
      column += 1
    }
    return column
  }

  /// Whether a scalar is always a whole character on its own: printable ASCII, Latin-1,
  /// Greek, the punctuation, arrows, box lines and blocks of U+2010...U+27BF and the braille
  /// patterns (no combining marks, joiners or variation selectors in these ranges).
  static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return (0x20..<0x7F).contains(v) || (0xA0..<0x300).contains(v)
      || (0x370..<0x400).contains(v) || (0x2010..<0x2028).contains(v)
      || (0x2030..<0x20D0).contains(v) || (0x2100..<0x27C0).contains(v)
      || (0x2800..<0x2900).contains(v)
  }

  /// Fills a rectangle with one cell.
  package mutating func fill(x: Int, y: Int, width w: Int, height h: Int, with cell: Cell = .blank)
  {
    for row in y..<(y + max(h, 0)) {
      for column in x..<(x + max(w, 0)) { self[column, row] = cell }
    }
  }

  /// Clears every cell.
  package mutating func clear() {
    for i in cells.indices { cells[i] = .blank }
  }

  /// Row `y` as text (trailing spaces kept, so columns line up).
  package func line(_ y: Int) -> String {
    String((0..<width).map { self[$0, y].character })
  }

  /// All rows as text, trailing spaces removed: what a snapshot file records.
  package var lines: [String] {
    (0..<height).map { y in
      var text = line(y)
      while text.last == " " { text.removeLast() }
      return text
    }
  }
}
