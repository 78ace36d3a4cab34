import Foundation

/// Negative ELBO against step for each lane: a linear y axis over every value shown (the
/// numbers differ by tenths of a nat, which a log axis would flatten), a linear step axis,
/// each lane's points in its own glyph and style joined by dots, and the reference lane (the
/// exact one) drawn last so it is always seen.
struct ElboChart: Widget, Sendable {
  struct Series: Sendable {
    var steps: [Int]
    var values: [Double]
    var glyph: Character
    var style: Style
  }

  var series: [Series]
  /// The step axis runs from 0 to this.
  var lastStep: Int

  /// The y range over every finite value, padded by 3%, at least 0.1 tall.
  var range: (low: Double, high: Double)? {
    let all = series.flatMap(\.values).filter(\.isFinite)
    guard let low = all.min(), let high = all.max() else { return nil }
    let pad = max((high - low) * 0.03, 0.05)
    return (low - pad, high + pad)
  }

  func draw(into buffer: inout Buffer, in area: Rect, theme: Theme) {
    guard area.width >= 12, area.height >= 3, let (low, high) = range else { return }
    let labelWidth = 7
    let plot = Rect(
      x: area.x + labelWidth, y: area.y, width: area.width - labelWidth,
      height: area.height - 1)
    guard plot.width > 1, plot.height > 0 else { return }
    // Y labels: top, middle, bottom.
    for (fraction, row) in [(1.0, 0), (0.5, plot.height / 2), (0.0, plot.height - 1)] {
      let value = low + (high - low) * fraction
      buffer.write(
        String(format: "%6.2f", value), x: area.x, y: plot.y + row, style: theme.style(.label),
        maxWidth: labelWidth - 1)
      buffer[plot.x - 1, plot.y + row] = Cell(theme.glyphs.axisTick, style: theme.style(.label))
    }
    // X labels: 0 and the last step.
    let axisY = plot.maxY
    buffer.write("0", x: plot.x, y: axisY, style: theme.style(.label), maxWidth: 4)
    let last = String(lastStep)
    buffer.write(
      last, x: max(plot.maxX - last.count, plot.x + 2), y: axisY, style: theme.style(.label),
      maxWidth: last.count)
    func column(_ step: Int) -> Int {
      plot.x
        + Int((Double(step) / Double(max(lastStep, 1)) * Double(plot.width - 1)).rounded())
    }
    func row(_ value: Double) -> Int {
      let f = (value - low) / (high - low)
      return plot.y
        + min(max(Int(((1 - f) * Double(plot.height - 1)).rounded()), 0), plot.height - 1)
    }
    for s in series {
      var previous: (Int, Int)?
      for (step, value) in zip(s.steps, s.values) where value.isFinite {
        let point = (min(column(step), plot.maxX - 1), row(value))
        if let (x0, y0) = previous, point.0 - x0 > 1 {
          for x in (x0 + 1)..<point.0 {
            let t = Double(x - x0) / Double(point.0 - x0)
            let y = Int((Double(y0) + t * Double(point.1 - y0)).rounded())
            if buffer[x, y].character == " " {
              buffer[x, y] = Cell(Character(theme.glyphs.dot), style: s.style)
            }
          }
        }
        buffer[point.0, point.1] = Cell(s.glyph, style: s.style)
        previous = point
      }
    }
  }
}
