/// A bar whose length shows a fraction of its width to 1/8 of a cell (▏▎▍▌▋▊▉█), or to half
/// a cell in ASCII (`#` full, `=` at least half). The rest of the row is cleared.
struct HorizontalBar: Widget, Sendable {
  /// How much of the width is filled, clamped to 0...1 (NaN draws nothing).
  var fraction: Double
  var style: Style = .plain

  /// Filled eighths for a bar `width` cells long.
  static func eighths(_ fraction: Double, width: Int) -> Int {
    guard fraction.isFinite, fraction > 0, width > 0 else { return 0 }
    return Int((min(fraction, 1) * Double(width * 8)).rounded())
  }

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    guard !rect.isEmpty else { return }
    let total = Self.eighths(fraction, width: rect.width)
    let glyphs = theme.glyphs.eighths
    for i in 0..<rect.width {
      let filled = min(max(total - 8 * i, 0), 8)
      buffer[rect.x + i, rect.y] = filled == 0 ? .blank : Cell(glyphs[filled], style: style)
    }
  }
}

/// A histogram row: the observed frequency as a bar, and a marker where the exact
/// probability ends, so a student sees at a glance whether the samples match.
struct HistogramBar: Widget, Sendable {
  /// Observed frequency over the scale (0...1).
  var observed: Double
  /// Exact probability over the same scale (0...1).
  var exact: Double

  /// The column (0-based, inside the bar) the exact marker is drawn in.
  static func markerColumn(_ exact: Double, width: Int) -> Int {
    guard exact.isFinite, width > 0 else { return 0 }
    return min(max(Int(exact * Double(width)), 0), width - 1)
  }

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    guard !rect.isEmpty else { return }
    HorizontalBar(fraction: observed, style: theme.style(.bar)).draw(
      into: &buffer, in: rect, theme: theme)
    let column = Self.markerColumn(exact, width: rect.width)
    buffer[rect.x + column, rect.y] = Cell(theme.glyphs.exactMarker, style: theme.style(.marker))
  }
}
