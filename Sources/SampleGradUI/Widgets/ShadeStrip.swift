/// A vector of values in 0...1 as shaded cells (' ', ░, ▒, ▓, █; ASCII ` .:*#`), each value
/// `cellWidth` cells wide: a one-hot vector is one solid block, a flat one an even tint.
///
/// The shade is the nearest quarter of the value, except that anything from 1% up is at
/// least the lightest shade, so a flat vector over 64 categories (1/64 each) still shows:
/// below 0.01 blank, up to 0.375 light, then medium, dark from 0.625, full from 0.875.
struct ShadeStrip: Widget, Sendable {
  var values: [Double]
  var cellWidth: Int = 1
  var style: Style = .plain

  /// The shade index (0...4) of a value.
  static func level(_ value: Double) -> Int {
    guard value.isFinite, value >= 0.01 else { return 0 }
    return max(Int((min(value, 1) * 4).rounded()), 1)
  }

  /// Draws as many values as fit; returns how many were drawn.
  @discardableResult
  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) -> Int {
    guard !rect.isEmpty, cellWidth > 0 else { return 0 }
    let fitting = min(values.count, rect.width / cellWidth)
    for i in 0..<fitting {
      let cell = Cell(theme.glyphs.shades[Self.level(values[i])], style: style)
      for j in 0..<cellWidth { buffer[rect.x + i * cellWidth + j, rect.y] = cell }
    }
    return fitting
  }
}
