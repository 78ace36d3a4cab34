import Foundation
import SampleGradCore

/// Several series over the same points on one log-scaled y axis with labelled ticks, so
/// lines of different estimators compare at a glance and a value that settles draws flat.
/// Each series has its own glyph (told apart without colour) and style; vertical marks show
/// where the parameters changed, labelled above the plot. Points fill the plot from the left
/// and are thinned (the last of each group) once there are more points than columns.
struct LogChart: Sendable {
  struct Series: Sendable {
    /// One value per point; nil (or not positive) leaves a gap.
    var values: [Double?]
    var glyph: Character
    var style: Style
  }

  struct Mark: Sendable {
    /// The first point after the change.
    var point: Int
    var label: String
  }

  var series: [Series]
  var pointCount: Int
  var marks: [Mark] = []
  /// Under the first and the last column: what the x axis counts there.
  var firstLabel: String = ""
  var lastLabel: String = ""

  /// Columns for the y labels (`1e-4`, `0.02`, `500`).
  static let labelWidth = 5

  /// The label of a tick value: `0.02`, `0.5`, `1`, `20`, `500`, `0.21`, else `5e-3`, `2e4`
  /// (ticks outside 0.01...999 have one significant digit).
  static func label(_ value: Double) -> String {
    let exponent = Int(log10(value).rounded(.down))
    if (-2...2).contains(exponent) { return NumberFormat.short(value) }
    return "\(Int((value / pow(10, Double(exponent))).rounded()))e\(exponent)"
  }

  /// The log10 range the y axis spans: the values' range padded by 5% on each side, at least
  /// a factor of 2 tall (so a settled line sits mid-chart), or nil with no values.
  func range() -> ClosedRange<Double>? {
    var low = Double.infinity
    var high = 0.0
    for s in series {
      for case let v? in s.values where v.isFinite && v > 0 {
        low = min(low, v)
        high = max(high, v)
      }
    }
    guard low.isFinite, high > 0 else { return nil }
    var a = log10(low)
    var b = log10(high)
    let minimumSpan = log10(2.0)
    if b - a < minimumSpan {
      let middle = (a + b) / 2
      a = middle - minimumSpan / 2
      b = middle + minimumSpan / 2
    }
    let pad = (b - a) * 0.05
    return (a - pad)...(b + pad)
  }

  /// Whether any series has a value to draw.
  var hasValues: Bool { range() != nil }

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

  /// The point each plot column shows (the last point of its group), for `width` columns.
  func columnPoints(width: Int) -> [Int] {
    guard pointCount > 0, width > 0 else { return [] }
    if pointCount <= width { return Array(0..<pointCount) }
    return (0..<width).map { c in (c + 1) * pointCount / width - 1 }
  }

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    guard rect.width > Self.labelWidth + 4, rect.height >= 3 else { return }
    let g = theme.glyphs
    var (area, axisRow) = rect.splitBottom(1)
    // The labels of the changes go in a row above the plot when there is room for it and
    // six rows of plot, else in the x axis row.
    var markRow = axisRow
    if !marks.isEmpty, area.height >= 7 {
      let split = area.splitTop(1)
      markRow = split.top
      area = split.rest
    }
    let (labels, rest) = area.splitLeft(Self.labelWidth)
    let (axis, plot) = rest.splitLeft(1)
    let hint = theme.style(.hint)
    for y in axis.y..<axis.maxY { buffer[axis.x, y] = Cell(g.vertical, style: hint) }
    guard let range = range() else { return }
    let span = range.upperBound - range.lowerBound
    let top = plot.height - 1
    /// Rows up from the bottom, not rounded.
    func height(_ value: Double) -> Double {
      min(max((log10(value) - range.lowerBound) / span, 0), 1) * Double(top)
    }
    func row(_ value: Double) -> Int { plot.maxY - 1 - Int(height(value).rounded()) }
    for tick in Self.ticks(range: range, rows: plot.height) {
      let y = row(tick)
      buffer.write(
        Self.label(tick), in: Rect(x: labels.x, y: y, width: labels.width, height: 1),
        align: .right, style: theme.style(.label))
      buffer[axis.x, y] = Cell(g.axisTick, style: hint)
    }

    let points = columnPoints(width: plot.width)
    let firstEnd = buffer.write(
      firstLabel, in: axisRow.splitLeft(plot.x - axisRow.x).rest, style: hint)
    // Change marks first, so the series draw over them; labels newest first, each where it
    // does not run into a newer one.
    let change = theme.style(.change)
    var labelLimit = plot.maxX
    for mark in marks.reversed() {
      guard let column = points.firstIndex(where: { $0 >= mark.point }) else { continue }
      let x = plot.x + column
      for y in plot.y..<plot.maxY { buffer[x, y] = Cell(g.changeMark, style: change) }
      guard x < labelLimit, markRow.y != axisRow.y || x > firstEnd else { continue }
      let text = String(g.changeMark) + mark.label
      let fits = x + text.count <= labelLimit
      buffer.write(
        fits ? text : String(g.changeMark),
        in: Rect(x: x, y: markRow.y, width: text.count, height: 1),
        style: change)
      labelLimit = x - 1
    }
    // Where two series share a cell, the one whose value lies nearer the cell's middle keeps
    // it, so a line is hidden only where another really covers it.
    var nearest: [Int: Double] = [:]
    for s in series {
      for (column, point) in points.enumerated() where s.values.indices.contains(point) {
        guard let v = s.values[point], v.isFinite, v > 0 else { continue }
        let exact = height(v)
        let y = plot.maxY - 1 - Int(exact.rounded())
        let key = y * buffer.width + plot.x + column
        let distance = abs(exact - exact.rounded())
        guard distance < nearest[key] ?? .infinity else { continue }
        nearest[key] = distance
        buffer[plot.x + column, y] = Cell(s.glyph, style: s.style)
      }
    }
    let labelsOnAxis = markRow.y == axisRow.y && !marks.isEmpty
    guard !lastLabel.isEmpty else { return }
    let lastColumn = plot.x + max(points.count - 1, 0)
    let width = lastLabel.count
    let x = max(min(lastColumn - width + 1, plot.maxX - width), firstEnd + 2)
    let clear = (x..<(x + width)).allSatisfy { buffer[$0, axisRow.y].character == " " }
    if !labelsOnAxis || clear {
      buffer.write(
        lastLabel, in: Rect(x: x, y: axisRow.y, width: plot.maxX - x, height: 1), style: hint)
    }
  }
}
