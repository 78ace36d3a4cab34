import Foundation
import SampleGradCore

/// Several series over the same points on one log-scaled y axis with labelled ticks, so
/// lines of different estimators compare at a glance and a value that settles draws flat.
/// Each series has its own glyph (told apart without colour) and style; vertical marks show
/// where the parameters changed, labelled above the plot. Points fill the plot from the left
/// and are thinned (the last of each group) once there are more points than columns.
struct LogChart: Widget, Sendable {
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

  /// The y axis over every series' values: their range padded by 5% on each side, at least
  /// a factor of 2 tall (so a settled line sits mid-chart), or nil with no values.
  private func yAxis() -> LogAxis? {
    LogAxis.fitting(
      series.lazy.flatMap { $0.values.lazy.compactMap { $0 } }, minimumSpan: log10(2.0),
      pad: 0.05, countingFrom: .bottom)
  }

  /// The point each plot column shows (the last point of its group), for `width` columns.
  func columnPoints(width: Int) -> [Int] {
    guard pointCount > 0, width > 0 else { return [] }
    if pointCount <= width { return Array(0..<pointCount) }
    return (0..<width).map { c in (c + 1) * pointCount / width - 1 }
  }

  /// The series as braille lines, two points per column and four rows per cell, each line
  /// broken where the parameters changed (every statistic starts again there) and ending in
  /// its glyph, so the legend's glyphs are on the chart too (glyphs whose lines end in one
  /// cell side by side, leftwards).
  private func drawBraille(into buffer: inout Buffer, plot: Rect, axis: LogAxis) {
    var canvas = BrailleCanvas(width: plot.width, height: plot.height, series: series.count)
    let points = columnPoints(width: canvas.dotWidth)
    let rows = canvas.dotHeight
    let breaks = marks.map(\.point)
    var ends: [(x: Int, y: Int)?] = []
    for (index, s) in series.enumerated() {
      var previous: (x: Int, y: Int, point: Int)?
      var last: (x: Int, y: Int)?
      for (column, point) in points.enumerated() where s.values.indices.contains(point) {
        guard let v = s.values[point], v.isFinite, v > 0 else {
          previous = nil
          continue
        }
        let y = rows - 1 - Int(axis.offset(v, rows: rows).rounded())
        if let p = previous, !breaks.contains(where: { $0 > p.point && $0 <= point }) {
          canvas.line(from: p.x, p.y, to: column, y, series: index)
        } else {
          canvas.set(column, y, series: index)
        }
        previous = (column, y, point)
        last = (column, y)
      }
      ends.append(last)
    }
    for (x, y, cell) in canvas.cells(styles: series.map(\.style)) {
      buffer[plot.x + x, plot.y + y] = cell
    }
    // Lines that end in the same cell (four dot rows share one) keep every glyph: the first
    // series there, the next ones a cell to the left each, so no row's glyph goes missing.
    var taken = Set<Int>()
    for (index, end) in ends.enumerated() {
      guard let end else { continue }
      let y = end.y / 4
      var x = end.x / 2
      while taken.contains(y * plot.width + x), x > 0 { x -= 1 }
      guard !taken.contains(y * plot.width + x) else { continue }
      taken.insert(y * plot.width + x)
      buffer[plot.x + x, plot.y + y] = Cell(series[index].glyph, style: series[index].style)
    }
  }

  /// Groups of series (by index, two or more each) drawn on the same rows at every point of
  /// a plot `rows` rows tall (`subrows` to a row: 4 in braille), so that one hides the others:
  /// the legend says they coincide.
  func coincident(rows: Int, subrows: Int) -> [[Int]] {
    guard let axis = yAxis(), rows > 0 else { return [] }
    let height = rows * subrows
    let keys = series.map { s in
      s.values.map { v -> Int? in
        guard let v, v.isFinite, v > 0 else { return nil }
        return Int(axis.offset(v, rows: height).rounded())
      }
    }
    var groups: [[Int]] = []
    var placed = Set<Int>()
    for i in series.indices where !placed.contains(i) && keys[i].contains(where: { $0 != nil }) {
      let same = series.indices.filter { j in j > i && !placed.contains(j) && keys[j] == keys[i] }
      guard !same.isEmpty else { continue }
      groups.append([i] + same)
      placed.formUnion(same)
    }
    return groups
  }

  /// Draws the chart and returns true, or draws nothing and returns false if no series has a
  /// value to draw (so the caller can say why).
  @discardableResult
  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) -> Bool {
    guard let axis = yAxis() else { return false }
    guard rect.width > Self.labelWidth + 4, rect.height >= 3 else { return true }
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
    let (axisColumn, plot) = rest.splitLeft(1)
    let hint = theme.style(.hint)
    axis.drawTicks(
      axis.ticks(rows: plot.height), into: &buffer, axisX: axisColumn.x, plot: plot,
      labelWidth: labels.width, labelGap: 0, labelStyle: theme.style(.label), theme: theme)

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
    if theme.braille {
      drawBraille(into: &buffer, plot: plot, axis: axis)
    } else {
      // Where two series share a cell, the one whose value lies nearer the cell's middle
      // keeps it, so a line is hidden only where another really covers it.
      var nearest: [Int: Double] = [:]
      for s in series {
        for (column, point) in points.enumerated() where s.values.indices.contains(point) {
          guard let v = s.values[point], let y = axis.row(v, in: plot) else { continue }
          let exact = axis.offset(v, rows: plot.height)
          let key = y * buffer.width + plot.x + column
          let distance = abs(exact - exact.rounded())
          guard distance < nearest[key] ?? .infinity else { continue }
          nearest[key] = distance
          buffer[plot.x + column, y] = Cell(s.glyph, style: s.style)
        }
      }
    }
    let labelsOnAxis = markRow.y == axisRow.y && !marks.isEmpty
    guard !lastLabel.isEmpty else { return true }
    let lastColumn = plot.x + max(points.count - 1, 0)
    let width = lastLabel.count
    let x = max(min(lastColumn - width + 1, plot.maxX - width), firstEnd + 2)
    let clear = (x..<(x + width)).allSatisfy { buffer[$0, axisRow.y].character == " " }
    if !labelsOnAxis || clear {
      buffer.write(
        lastLabel, in: Rect(x: x, y: axisRow.y, width: plot.maxX - x, height: 1), style: hint)
    }
    return true
  }
}
