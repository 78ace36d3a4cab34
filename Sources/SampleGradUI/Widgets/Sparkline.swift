import Foundation

/// The recent history of a value in one row (▁▂▃▄▅▆▇█, ASCII `_.-=^`), or as a small area
/// chart over several rows (to 1/8 of a cell), newest on the right. When the values span a
/// decade or more it switches to a log scale, so a variance that falls from 100 to 0.01
/// still shows its shape instead of one spike.
struct Sparkline: Sendable {
  var values: [Double]

  /// Whether these values would be drawn on a log scale (all positive, max/min >= 10).
  static func usesLogScale(_ values: some Collection<Double>) -> Bool {
    var low = Double.infinity
    var high = 0.0
    for v in values where v.isFinite {
      if v < 0 { return false }
      if v > 0 {
        low = min(low, v)
        high = max(high, v)
      }
    }
    return low.isFinite && high / low >= 10
  }

  /// The level (0..<levels) of each value, or nil where it is not finite.
  static func levels(_ values: some Collection<Double>, levels: Int) -> [Int?] {
    let log = usesLogScale(values)
    var floor = Double.infinity
    if log { for v in values where v.isFinite && v > 0 { floor = min(floor, v) } }
    var low = Double.infinity
    var high = -Double.infinity
    var scaled = [Double](repeating: .nan, count: values.count)
    for (i, v) in values.enumerated() where v.isFinite {
      let s = log ? log10(max(v, floor)) : v
      scaled[i] = s
      low = min(low, s)
      high = max(high, s)
    }
    let top = Double(levels - 1)
    return scaled.map { s in
      guard s.isFinite else { return nil }
      if high == low { return low == 0 ? 0 : levels / 2 }
      return Int(((s - low) / (high - low) * top).rounded())
    }
  }

  /// Draws the newest `rect.width` values from the left edge, over all of the rect's rows;
  /// the rest of the rect is cleared.
  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme, style: Style) {
    guard !rect.isEmpty else { return }
    if rect.height > 1 {
      drawTall(into: &buffer, in: rect, theme: theme, style: style)
      return
    }
    let glyphs = theme.glyphs.spark
    let shown = Self.levels(values.suffix(rect.width), levels: glyphs.count)
    for i in 0..<rect.width {
      let level = i < shown.count ? shown[i] : nil
      buffer[rect.x + i, rect.y] = level.map { Cell(glyphs[$0], style: style) } ?? .blank
    }
  }

  /// Columns of eighths: the lowest value is one eighth (so it still shows), the highest
  /// fills the rect.
  private func drawTall(into buffer: inout Buffer, in rect: Rect, theme: Theme, style: Style) {
    let shown = Self.levels(values.suffix(rect.width), levels: rect.height * 8)
    var cells = theme.glyphs.columnEighths.map { Cell($0, style: style) }
    cells[0] = .blank
    // ASCII has no glyph for a sliver: the bottom cell always shows something.
    let floor = theme.glyphs.isASCII ? 3 : 1
    for i in 0..<rect.width {
      let filled = i < shown.count ? (shown[i] ?? -1) + 1 : 0
      for row in 0..<rect.height {
        var part = min(max(filled - 8 * row, 0), 8)
        if row == 0, part > 0 { part = max(part, floor) }
        buffer[rect.x + i, rect.maxY - 1 - row] = cells[part]
      }
    }
  }
}
