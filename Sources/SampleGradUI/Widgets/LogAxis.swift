import Foundation
import SampleGradCore

/// A log-scaled y axis, shared by the live variance chart (`LogChart`) and the sweep's curve
/// chart (`CurveChart`): the range it spans, where a value falls on the plot's rows, and the
/// axis line with its labelled ticks. Each chart keeps its own constants (span, padding,
/// decades, tick gap, label column), so both draw as they always did.
struct LogAxis: Sendable {
  /// The edge a value's row is counted from before it is rounded; a value halfway between
  /// two rows goes to the row further from that edge.
  enum Edge: Sendable {
    /// Down from the top row. A value below the range sits on the bottom row; one above it
    /// (an end tick rounded out of the range) is not held to the top row.
    case top
    /// Up from the bottom row; a value out of the range sits on the nearer edge's row.
    case bottom
  }

  /// log10 of the values at the bottom and the top of the plot.
  var range: ClosedRange<Double>
  var edge: Edge

  /// The axis over the positive finite `values` (nil if there is none): their log10 range,
  /// cut to `maximumDecades` below the top (a value further down sits on the bottom row), at
  /// least `minimumSpan` decades tall around its middle (so a settled line sits mid-chart),
  /// then widened by `pad` times its height on each side.
  static func fitting(
    _ values: some Sequence<Double>, minimumSpan: Double, pad: Double,
    maximumDecades: Double? = nil, countingFrom edge: Edge
  ) -> LogAxis? {
    var low = Double.infinity
    var high = -Double.infinity
    for v in values where v.isFinite && v > 0 {
      low = min(low, v)
      high = max(high, v)
    }
    guard low.isFinite else { return nil }
    var a = log10(low)
    var b = log10(high)
    if let maximumDecades { a = max(a, b - maximumDecades) }
    if b - a < minimumSpan {
      let middle = (a + b) / 2
      a = middle - minimumSpan / 2
      b = middle + minimumSpan / 2
    }
    let padding = (b - a) * pad
    return LogAxis(range: (a - padding)...(b + padding), edge: edge)
  }

  /// Rows from `edge` to `value` on a plot `rows` rows tall, not rounded.
  func offset(_ value: Double, rows: Int) -> Double {
    let span = range.upperBound - range.lowerBound
    let last = Double(rows - 1)
    switch edge {
    case .top: return min((range.upperBound - log10(value)) / span, 1) * last
    case .bottom: return min(max((log10(value) - range.lowerBound) / span, 0), 1) * last
    }
  }

  /// The row of `plot` that shows `value`, or nil if it is not finite or not above 0.
  func row(_ value: Double, in plot: Rect) -> Int? {
    guard value.isFinite, value > 0 else { return nil }
    let rows = Int(offset(value, rows: plot.height).rounded())
    switch edge {
    case .top: return plot.y + rows
    case .bottom: return plot.maxY - 1 - rows
    }
  }

  /// The tick values on a plot `rows` rows tall, `gap` rows apart or more.
  func ticks(rows: Int, gap: Double = 1.5) -> [Double] {
    Self.ticks(range: range, rows: rows, gap: gap)
  }

  /// The axis line in column `axisX` beside `plot`, a tick on it at each of `ticks`, and the
  /// ticks' labels right-aligned in the `labelWidth` columns that end `labelGap` columns left
  /// of the line.
  func drawTicks(
    _ ticks: [Double], into buffer: inout Buffer, axisX: Int, plot: Rect, labelWidth: Int,
    labelGap: Int, labelStyle: Style, theme: Theme
  ) {
    let glyphs = theme.glyphs
    let hint = theme.style(.hint)
    for y in plot.y..<plot.maxY { buffer[axisX, y] = Cell(glyphs.vertical, style: hint) }
    for tick in ticks {
      guard let y = row(tick, in: plot) else { continue }
      buffer[axisX, y] = Cell(glyphs.axisTick, style: hint)
      buffer.write(
        Self.label(tick),
        in: Rect(x: axisX - labelGap - labelWidth, y: y, width: labelWidth, height: 1),
        align: .right, style: labelStyle)
    }
  }

  /// The label of a tick value: `0.02`, `0.5`, `1`, `20`, `500`, `0.21`, else `5e-3`, `2e4`
  /// (ticks outside 0.01...999 have one significant digit).
  static func label(_ value: Double) -> String {
    let exponent = Int(log10(value).rounded(.down))
    if (-2...2).contains(exponent) { return NumberFormat.short(value) }
    return "\(Int((value / pow(10, Double(exponent))).rounded()))e\(exponent)"
  }

  /// Tick values inside `range` (log10), `gap` rows apart or more on a plot of `rows` rows:
  /// 1-2-5 steps if they are that far apart, else decades, else every other decade (or
  /// fewer).
  static func ticks(range: ClosedRange<Double>, rows: Int, gap: Double = 1.5) -> [Double] {
    let perRow = (range.upperBound - range.lowerBound) / Double(max(rows - 1, 1))
    let low = Int(range.lowerBound.rounded(.down))
    let high = Int(range.upperBound.rounded(.up))
    let plans: [(steps: [Double], stride: Int)] = [
      ([1, 2, 3, 5, 7], 1), ([1, 2, 5], 1), ([1], 1), ([1], 2), ([1], 3), ([1], 4), ([1], 5),
      ([1], 10),
    ]
    for plan in plans {
      var values: [Double] = []
      // Decades on multiples of the stride, so 1 is among them when it is in range.
      let start = Int((Double(low) / Double(plan.stride)).rounded(.down)) * plan.stride
      for decade in stride(from: start, through: high, by: plan.stride) {
        for m in plan.steps {
          let v = m * pow(10, Double(decade))
          if range.contains(log10(v)) { values.append(v) }
        }
      }
      let spacing = zip(values, values.dropFirst()).map { log10($1) - log10($0) }.min()
      guard (spacing ?? .infinity) / perRow >= gap else { continue }
      if values.count >= 2 { return values }
      // One tick says little about a log scale: add the ends of the range.
      let ends = [range.lowerBound, range.upperBound].map { rounded(pow(10, $0)) }
      return
        (values
        + ends.filter { end in
          values.allSatisfy { abs(log10($0) - log10(end)) / perRow >= gap }
        }).sorted()
    }
    return []
  }

  /// `x` to the precision an axis label of five characters has: two significant digits
  /// from 0.01 to 999 (`0.21`, `450`), one beyond (`2e-3`).
  private static func rounded(_ x: Double) -> Double {
    let exponent = Int(log10(x).rounded(.down))
    let scale = pow(10, Double((-2...2).contains(exponent) ? exponent - 1 : exponent))
    return (x / scale).rounded() * scale
  }
}
