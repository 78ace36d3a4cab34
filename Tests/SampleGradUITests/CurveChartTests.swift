import SampleGradCore
import Testing

@testable import SampleGradUI

/// The sweep's chart: labelled log ticks, a mark per point at the right place, gaps where a
/// log axis has no place, floors under curves, the cursor and the current value, and nothing
/// drawn outside its rect.
@Suite("Curve chart")
struct CurveChartTests {
  static let xs = [0.01, 0.1, 1, 10, 100]

  func draw(_ chart: CurveChart, width: Int = 40, height: Int = 12, theme: Theme = Canvas.unicode)
    -> Buffer
  {
    var buffer = Canvas.make(width: width + 2, height: height + 2)
    chart.draw(
      into: &buffer, in: Rect(x: 1, y: 1, width: width, height: height), theme: theme)
    return buffer
  }

  @Test("draws only inside its rect")
  func staysInside() {
    let chart = CurveChart(
      xs: Self.xs, scale: .log,
      curves: [CurveChart.Curve(values: [1e3, 10, 1, 0.1, 1e-3], mark: "●", style: .plain)],
      cursor: 2, now: 3)
    let buffer = draw(chart)
    let lines = (0..<buffer.height).map(buffer.line)
    #expect(lines.first == String(repeating: Canvas.marker, count: 42))
    #expect(lines.last == String(repeating: Canvas.marker, count: 42))
    for line in lines { #expect(line.first == Canvas.marker && line.last == Canvas.marker) }
  }

  @Test("a falling curve: its marks go from the top left to the bottom right, labelled decades")
  func marksAndTicks() {
    let chart = CurveChart(
      xs: Self.xs, scale: .log,
      curves: [CurveChart.Curve(values: [1e3, 10, 1, 0.1, 1e-3], mark: "●", style: .plain)])
    let buffer = draw(chart)
    let text = (0..<buffer.height).map(buffer.line)
    // The first mark on the top plot row, the last on the bottom one (row 10 of 12).
    let marks = text.enumerated().flatMap { y, line in
      line.enumerated().filter { $0.element == "●" }.map { (x: $0.offset, y: y) }
    }
    #expect(marks.count == 5)
    #expect(marks.min { $0.x < $1.x }?.y == 1)
    #expect(marks.max { $0.x < $1.x }?.y == 10)
    // Every mark is right of the previous one and lower.
    let byColumn = marks.sorted { $0.x < $1.x }
    for (a, b) in zip(byColumn, byColumn.dropFirst()) { #expect(b.y > a.y) }
    // The y axis labels every other decade (six decades in ten rows); the x axis its five.
    #expect(text[3].contains("100 ┤") && text[6].contains("1 ┤") && text[8].contains("0.01 ┤"))
    #expect(text[12].contains("0.01") && text[12].contains("100"))
    #expect(text[11].contains("└") && text[11].contains("┬"))
  }

  @Test("a linear axis ticks every 1, 2 or 5 times a power of ten")
  func linearTicks() {
    #expect(CurveChart.linearTicks(from: -3, to: 3, cells: 60, gap: 8) == [-3, -2, -1, 0, 1, 2, 3])
    #expect(CurveChart.linearTicks(from: -3, to: 3, cells: 30, gap: 8) == [-2, 0, 2])
    // Multiples of the step, not sums of it: 0.6 is 3 x 0.2, not 0.2 + 0.2 + 0.2.
    #expect(
      CurveChart.linearTicks(from: 0, to: 2, cells: 80, gap: 8) == (0...10).map { Double($0) * 0.2 }
    )
  }

  @Test("zero, negative and NaN values leave gaps; a rounding-size value sits on the bottom row")
  func gaps() {
    let chart = CurveChart(
      xs: Self.xs, scale: .log,
      curves: [CurveChart.Curve(values: [1, 0, -1, .nan, 1e-30], mark: "●", style: .plain)])
    let buffer = draw(chart)
    let marks = (0..<buffer.height).flatMap { y in buffer.line(y).filter { $0 == "●" } }
    #expect(marks.count == 2)
    #expect(buffer.line(10).contains("●"))
  }

  @Test("the cursor's marks are reversed and its value labelled; now is marked; floors lie under")
  func cursorNowAndFloors() {
    let style = Style(foreground: .cyan)
    let chart = CurveChart(
      xs: Self.xs, scale: .log,
      curves: [
        CurveChart.Curve(values: [1, 1, 1, 1, 1], mark: "●", style: style),
        CurveChart.Curve(values: [1, 1, 1, 1, 1], mark: " ", style: .plain, isFloor: true),
      ],
      cursor: 1, now: 10)
    let buffer = draw(chart, theme: Canvas.unicode)
    let row = (0..<buffer.height).first { buffer.line($0).contains("●") }!
    let line = buffer.line(row)
    #expect(!line.contains("╌"))  // the floor is under the curve's dots and marks
    let columns = line.indices.filter { line[$0] == "●" }.map {
      line.distance(from: line.startIndex, to: $0)
    }
    #expect(columns.count == 5)
    #expect(buffer[columns[1], row].style.reverse)
    #expect(!buffer[columns[0], row].style.reverse)
    #expect(buffer.line(12).contains("0.1"))
    #expect((0..<buffer.height).contains { buffer.line($0).contains("now") })
    #expect((0..<buffer.height).contains { buffer.line($0).contains("┆") })
  }

  @Test("ASCII and a linear axis")
  func asciiLinear() {
    let chart = CurveChart(
      xs: [-3, -1.5, 0, 1.5, 3], scale: .linear,
      curves: [CurveChart.Curve(values: [9, 2.25, 0.01, 2.25, 9], mark: "o", style: .plain)],
      cursor: 2)
    let buffer = draw(chart, theme: Canvas.ascii)
    let inside = (1...12).map { String(buffer.line($0).dropFirst().dropLast()) }
    let text = inside.joined(separator: "\n")
    #expect(text.allSatisfy { $0.isASCII })
    // Ticks every 2 fit 8 columns apart; the cursor's 0 is among them.
    #expect(buffer.line(12).contains("-2          0          2"))
    #expect(text.contains("+") && text.contains("|"))
  }

  @Test("nothing positive: a note instead of a chart")
  func empty() {
    let chart = CurveChart(
      xs: Self.xs, scale: .log,
      curves: [CurveChart.Curve(values: [0, 0, 0, 0, 0], mark: "●", style: .plain)])
    let buffer = draw(chart)
    #expect(
      (0..<buffer.height).contains { buffer.line($0).contains("nothing above 0") })
  }
}
