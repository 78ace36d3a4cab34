/// A row of 8x8 images, each 8 columns by 4 rows: a cell shows two pixels one above the other
/// in half blocks (blank, ▀, ▄, █; a pixel is on at a mean of 1/2 or more), or with `--ascii`
/// the pair's mean on a 4-level ramp (` .:#`). Images are one column apart; as many as fit.
struct DigitRow: Widget, Sendable {
  /// Images of 64 values in 0...1 (row-major 8x8).
  var images: [[Double]]
  var style: Style = .plain

  static let width = 8
  static let height = 4
  /// The ASCII ramp, darkest last.
  static let ramp: [Character] = [" ", ".", ":", "#"]
  static let halfBlocks: [Character] = [" ", "▀", "▄", "█"]

  /// How many images fit in `width` columns.
  static func fitting(_ width: Int) -> Int { max((width + 1) / (Self.width + 1), 0) }

  /// The glyph for a cell whose upper pixel is `top` and lower pixel `bottom`.
  static func glyph(top: Double, bottom: Double, ascii: Bool) -> Character {
    if ascii {
      let mean = (top + bottom) / 2
      return ramp[min(max(Int(mean * 4), 0), 3)]
    }
    return halfBlocks[(top >= 0.5 ? 1 : 0) + (bottom >= 0.5 ? 2 : 0)]
  }

  func draw(into buffer: inout Buffer, in area: Rect, theme: Theme) {
    let count = min(images.count, Self.fitting(area.width))
    for n in 0..<count {
      let x0 = area.x + n * (Self.width + 1)
      let image = images[n]
      guard image.count == 64 else { continue }
      for row in 0..<min(Self.height, area.height) {
        for column in 0..<Self.width where x0 + column < area.maxX {
          let top = image[(2 * row) * 8 + column]
          let bottom = image[(2 * row + 1) * 8 + column]
          let glyph = Self.glyph(top: top, bottom: bottom, ascii: theme.glyphs.isASCII)
          buffer[x0 + column, area.y + row] = Cell(glyph, style: style)
        }
      }
    }
  }
}
