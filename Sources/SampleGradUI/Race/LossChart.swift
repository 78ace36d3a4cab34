import Foundation
import SampleGradCore

/// The race chart: the exact loss of every lane against step, one glyph per lane and
/// column, with the optimum as a dotted line, loss labels on the left and step labels below.
/// A column shows the last recorded loss at or before its last step, so a curve is a step
/// plot that grows to the right as the race runs.
struct LossChart: Widget, Sendable {
  var snapshot: RaceSnapshot
  /// Each lane's glyph and colour, in lane order.
  var lanes: [LaneStyle]

  /// The loss range shown: from the optimum (or the lowest loss) to the start (or the highest).
  var range: ClosedRange<Double> {
    var low = snapshot.optimum ?? snapshot.startLoss
    var high = snapshot.startLoss
    for lane in snapshot.lanes {
      for loss in lane.curve.losses where loss.isFinite {
        low = min(low, loss)
        high = max(high, loss)
      }
    }
    if !(high > low) {
      let pad = max(abs(high) * 0.01, 1e-12)
      return (low - pad)...(high + pad)
    }
    return low...high
  }

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    guard rect.width >= 20, rect.height >= 4 else { return }
    let range = range
    // Labels resolve a tenth of the range (at least two decimals).
    let decimals = max(LossFormat.decimals(scale: range.upperBound - range.lowerBound) - 2, 2)
    let labels = (
      top: LossFormat.fixed(range.upperBound, decimals: decimals),
      bottom: LossFormat.fixed(range.lowerBound, decimals: decimals)
    )
    let labelWidth = max(labels.top.count, labels.bottom.count) + 1
    let (plotAndAxis, ticksRow) = rect.splitBottom(1)
    let (labelColumn, plotArea) = plotAndAxis.splitLeft(labelWidth)
    let plot = plotArea.splitLeft(1).rest
    let hint = theme.style(.hint)
    for y in plotArea.y..<plotArea.maxY {
      buffer[plotArea.x, y] = Cell(theme.glyphs.vertical, style: hint)
    }
    buffer.write(labels.top, in: labelColumn.row(0), align: .right, style: theme.style(.label))
    buffer.write(
      labels.bottom, in: labelColumn.row(labelColumn.height - 1), align: .right,
      style: theme.style(.label))

    func row(_ loss: Double) -> Int? {
      guard loss.isFinite else { return nil }
      let fraction = (range.upperBound - loss) / (range.upperBound - range.lowerBound)
      return plot.y
        + min(max(Int((fraction * Double(plot.height - 1)).rounded()), 0), plot.height - 1)
    }
    if let optimum = snapshot.optimum, let y = row(optimum) {
      // Dotted, as in the title's legend ("·· optimum ...").
      for x in stride(from: plot.x, to: plot.maxX, by: 2) {
        buffer[x, y] = Cell(theme.glyphs.dot.first ?? ".", style: hint)
      }
    }

    if theme.braille {
      drawBraille(into: &buffer, plot: plot, range: range)
    } else {
      drawGlyphs(into: &buffer, plot: plot, row: row)
    }

    // Step labels under their columns, left to right, none overlapping.
    let axis = StepAxis(snapshot, width: plot.width)
    var free = plot.x
    let ticks = axis.ticks
    for (i, step) in ticks.enumerated() {
      let text = StepAxis.label(step)
      let isLast = i == ticks.count - 1
      let x = isLast ? plot.maxX - text.count : plot.x + axis.column(of: step)
      guard x >= free, x + text.count <= plot.maxX else { continue }
      buffer.write(text, x: x, y: ticksRow.y, style: hint)
      free = x + text.count + 1
    }
  }

  /// One glyph per lane and column, the lane's last loss at or before the column's last step.
  private func drawGlyphs(into buffer: inout Buffer, plot: Rect, row: (Double) -> Int?) {
    let axis = StepAxis(snapshot, width: plot.width)
    // The first lanes (the exact gradient, the reference) are drawn last, on top.
    for (index, lane) in snapshot.lanes.enumerated().reversed() {
      guard lanes.indices.contains(index) else { continue }
      let look = lanes[index]
      let reached = axis.column(of: lane.step)
      for c in 0...reached {
        let step = min(axis.lastStep(atOrBefore: c), lane.step)
        guard let loss = lane.curve.loss(atOrBefore: step) ?? lane.curve.losses.first,
          let y = row(loss)
        else { continue }
        buffer[plot.x + c, y] = Cell(look.glyph, style: look.style)
      }
    }
  }

  /// Each lane as a braille line, two steps of the axis to a column and four rows to a cell,
  /// ending in the lane's glyph (where it is now).
  private func drawBraille(into buffer: inout Buffer, plot: Rect, range: ClosedRange<Double>) {
    var canvas = BrailleCanvas(width: plot.width, height: plot.height, series: lanes.count)
    let axis = StepAxis(snapshot, width: canvas.dotWidth)
    let rows = canvas.dotHeight
    func dotRow(_ loss: Double) -> Int? {
      guard loss.isFinite else { return nil }
      let fraction = (range.upperBound - loss) / (range.upperBound - range.lowerBound)
      return min(max(Int((fraction * Double(rows - 1)).rounded()), 0), rows - 1)
    }
    var heads: [Int: (x: Int, y: Int)] = [:]
    for (index, lane) in snapshot.lanes.enumerated() where lanes.indices.contains(index) {
      var previous: (x: Int, y: Int)?
      for x in 0...axis.column(of: lane.step) {
        let step = min(axis.lastStep(atOrBefore: x), lane.step)
        guard let loss = lane.curve.loss(atOrBefore: step) ?? lane.curve.losses.first,
          let y = dotRow(loss)
        else {
          previous = nil
          continue
        }
        if let p = previous {
          canvas.line(from: p.x, p.y, to: x, y, series: index)
        } else {
          canvas.set(x, y, series: index)
        }
        previous = (x, y)
      }
      heads[index] = previous
    }
    for (x, y, cell) in canvas.cells(styles: lanes.map(\.style)) {
      buffer[plot.x + x, plot.y + y] = cell
    }
    // The first lanes (the exact gradient, the reference) last, on top.
    for (index, head) in heads.sorted(by: { $0.key > $1.key }) {
      buffer[plot.x + head.x / 2, plot.y + head.y / 4] = Cell(
        lanes[index].glyph, style: lanes[index].style)
    }
  }
}
