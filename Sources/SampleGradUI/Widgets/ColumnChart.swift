/// Vertical bars rising from the bottom of a rect (to 1/8 of a cell), each with an optional
/// marker at a second height: the gaussian's sample histogram against its exact density, and
/// D bits' probabilities against their sampled frequencies.
struct ColumnChart: Widget, Sendable {
  /// Bar heights as fractions of the rect's height (0...1), one per column group.
  var bars: [Double]
  /// Marker heights on the same scale, one per bar.
  var markers: [Double]
  /// Cells per bar.
  var columnWidth: Int = 1
  /// Blank cells after each bar.
  var gap: Int = 0
  /// A bar drawn in the title's style (the selected bit), so it stands out from the rest.
  var highlighted: Int? = nil
  /// Where a bar reaches into its marker's cell, keep the bar's glyph there in the marker's
  /// style instead of the dot, which would hide the bar's top exactly where it is compared
  /// with the marker (D bits' frequencies against their probabilities).
  var markerOnBar = false

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    guard !rect.isEmpty, columnWidth > 0 else { return }
    buffer.fill(rect)
    let barStyle = theme.style(.bar)
    let markerStyle = theme.style(.marker)
    let height = rect.height
    for (i, bar) in bars.enumerated() {
      let total = HorizontalBar.eighths(bar, width: height)
      let markerRow = marker(i, height: height)
      let style = i == highlighted ? theme.style(.title) : barStyle
      for j in 0..<columnWidth {
        let x = rect.x + i * (columnWidth + gap) + j
        guard x < rect.maxX else { return }
        for level in 0..<height {
          let filled = min(max(total - 8 * level, 0), 8)
          let y = rect.maxY - 1 - level
          if level == markerRow, markerOnBar, filled > 0 {
            buffer[x, y] = Cell(theme.glyphs.columnEighths[filled], style: markerStyle)
          } else if level == markerRow {
            buffer[x, y] = Cell(theme.glyphs.densityMarker, style: markerStyle)
          } else if filled > 0 {
            buffer[x, y] = Cell(theme.glyphs.columnEighths[filled], style: style)
          }
        }
      }
    }
  }

  /// The row (counted from the bottom) of marker `i`, or nil if too small to show. On a bar
  /// (`markerOnBar`) it is the cell holding the marker's height, so a bar that matches it
  /// always ends in that cell, whether its height is a whole number of cells or not.
  private func marker(_ i: Int, height: Int) -> Int? {
    guard i < markers.count, markers[i].isFinite else { return nil }
    let cells = min(markers[i], 1) * Double(height)
    guard cells >= 0.125 else { return nil }
    let row = markerOnBar ? Int(cells.rounded(.up)) - 1 : Int(cells)
    return min(max(row, 0), height - 1)
  }
}
