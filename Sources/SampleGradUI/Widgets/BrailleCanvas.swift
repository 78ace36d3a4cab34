/// A grid of Unicode braille cells, each 2 dots wide and 4 high (U+2800 to U+28FF), as
/// btop, gping and ratatui draw their line charts: a chart gets twice the columns and four
/// times the rows of its cells, so lines that would share a row of cells come apart.
///
/// Several series may draw on it; a cell shows every dot set in it, in the style of the
/// series with the most dots there (the lower index on a tie, so the first series is on top).
struct BrailleCanvas: Sendable {
  /// Size in cells.
  let width: Int
  let height: Int
  /// Size in dots.
  var dotWidth: Int { width * 2 }
  var dotHeight: Int { height * 4 }

  private var dots: [UInt8]
  /// Per cell and series, the dots that series set there.
  private var counts: [UInt8]
  private let seriesCount: Int

  init(width: Int, height: Int, series: Int) {
    self.width = max(width, 0)
    self.height = max(height, 0)
    seriesCount = max(series, 1)
    dots = [UInt8](repeating: 0, count: self.width * self.height)
    counts = [UInt8](repeating: 0, count: self.width * self.height * seriesCount)
  }

  /// The bit of the dot at column `dx` (0 or 1) and row `dy` (0 to 3, top down) of a cell,
  /// in the order of the Unicode braille patterns (dots 1-2-3 and 7 down the left, 4-5-6
  /// and 8 down the right).
  static func bit(dx: Int, dy: Int) -> UInt8 {
    let left: [UInt8] = [0x01, 0x02, 0x04, 0x40]
    let right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
    return dx == 0 ? left[dy] : right[dy]
  }

  /// The character of a cell with `bits` set.
  static func character(_ bits: UInt8) -> Character {
    Character(Unicode.Scalar(0x2800 + UInt32(bits))!)
  }

  /// Sets the dot at (`x`, `y`) in dots from the top left, for `series`; outside is ignored.
  mutating func set(_ x: Int, _ y: Int, series: Int) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight, (0..<seriesCount).contains(series)
    else { return }
    let cell = (y / 4) * width + x / 2
    let bit = Self.bit(dx: x % 2, dy: y % 4)
    guard dots[cell] & bit == 0 else { return }
    dots[cell] |= bit
    let slot = cell * seriesCount + series
    counts[slot] = counts[slot] &+ 1
  }

  /// A straight line of dots from (`x0`, `y0`) to (`x1`, `y1`), both ends included.
  mutating func line(from x0: Int, _ y0: Int, to x1: Int, _ y1: Int, series: Int) {
    let dx = abs(x1 - x0)
    let dy = -abs(y1 - y0)
    let sx = x0 < x1 ? 1 : -1
    let sy = y0 < y1 ? 1 : -1
    var error = dx + dy
    var x = x0
    var y = y0
    // Bresenham; the steps are bounded by the line's length.
    for _ in 0...(dx - dy) {
      set(x, y, series: series)
      if x == x1, y == y1 { break }
      let twice = 2 * error
      if twice >= dy {
        error += dy
        x += sx
      }
      if twice <= dx {
        error += dx
        y += sy
      }
    }
  }

  /// Whether cell (`column`, `row`) has a dot.
  func isSet(column: Int, row: Int) -> Bool {
    guard column >= 0, row >= 0, column < width, row < height else { return false }
    return dots[row * width + column] != 0
  }

  /// The cell at (`column`, `row`): its braille character and the series it belongs to, or
  /// nil if it has no dot.
  func cell(column: Int, row: Int) -> (character: Character, series: Int)? {
    guard isSet(column: column, row: row) else { return nil }
    let index = row * width + column
    var owner = 0
    var most: UInt8 = 0
    for s in 0..<seriesCount where counts[index * seriesCount + s] > most {
      most = counts[index * seriesCount + s]
      owner = s
    }
    return (Self.character(dots[index]), owner)
  }

  /// Every cell with a dot, as the layer of a chart: the cell's character in its series'
  /// style, at `origin` plus its position.
  func cells(styles: [Style]) -> [(x: Int, y: Int, cell: Cell)] {
    var result: [(x: Int, y: Int, cell: Cell)] = []
    for row in 0..<height {
      for column in 0..<width {
        guard let (character, series) = cell(column: column, row: row) else { continue }
        let style = styles.indices.contains(series) ? styles[series] : .plain
        result.append((column, row, Cell(character, style: style)))
      }
    }
    return result
  }
}
