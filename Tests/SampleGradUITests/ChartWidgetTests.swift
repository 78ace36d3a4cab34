import Foundation
import Testing

@testable import SampleGradUI

@Suite("Charts and frames")
struct ChartWidgetTests {
  private func chart(
    _ chart: LogChart, width: Int, height: Int, theme: Theme = Canvas.glyphCharts
  ) -> [String] {
    var buffer = Canvas.make(width: width + 2, height: height + 1)
    chart.draw(into: &buffer, in: Rect(x: 1, y: 0, width: width, height: height), theme: theme)
    return buffer.lines
  }

  @Test(
    "log chart in braille: two points a column, four rows a cell, each line ending in its glyph")
  func brailleLogChart() {
    let high = LogChart.Series(values: [100, 100, 100], glyph: "■", style: .plain)
    let low = LogChart.Series(values: [1, 1, nil], glyph: "●", style: .plain)
    let lines = chart(
      LogChart(series: [high, low], pointCount: 3, firstLabel: "1k", lastLabel: "3k"),
      width: 14, height: 6, theme: Canvas.unicode)
    // 100 sits on the second dot row of the top cell row: dots 2 and 5 (⠒), then the glyph.
    #expect(lines[0] == "···100┤⠒■·······")
    #expect(lines[4] == "·····1┤●········")
    #expect(lines[2] == "····10┤·········")
  }

  @Test("braille: each dot is its bit, a cell takes the style of the series with most dots")
  func brailleCanvas() {
    var canvas = BrailleCanvas(width: 2, height: 1, series: 2)
    canvas.line(from: 0, 0, to: 0, 3, series: 0)
    #expect(canvas.cell(column: 0, row: 0)?.character == "⡇")
    canvas.set(1, 0, series: 1)
    #expect(canvas.cell(column: 0, row: 0)?.character == "⡏")
    #expect(canvas.cell(column: 0, row: 0)?.series == 0)
    canvas.line(from: 2, 3, to: 3, 0, series: 1)
    #expect(canvas.cell(column: 1, row: 0)?.series == 1)
    let bits = (canvas.cell(column: 1, row: 0)?.character.unicodeScalars.first?.value ?? 0x2800)
    #expect((bits - 0x2800).nonzeroBitCount == 4)
    canvas.set(99, 99, series: 0)
    #expect(canvas.cells(styles: [.plain, .plain]).count == 2)
  }

  @Test("log chart: one scale for all series, labelled decades, glyph per series")
  func logChart() {
    let high = LogChart.Series(values: [100, 100, 100], glyph: "■", style: .plain)
    let low = LogChart.Series(values: [1, 1, nil], glyph: "●", style: .plain)
    let lines = chart(
      LogChart(series: [high, low], pointCount: 3, firstLabel: "1k", lastLabel: "3k"),
      width: 14, height: 6)
    #expect(
      lines == [
        "···100┤■■■······", "······│·········", "····10┤·········", "······│·········",
        "·····1┤●●·······", "·······1k··3k···", "················",
      ])
  }

  @Test("log chart: a settled value draws flat mid-chart, not as noise")
  func settled() {
    let values: [Double?] = [0.899, 0.9, 0.899, 0.901, 0.9, 0.899]
    let lines = chart(
      LogChart(series: [LogChart.Series(values: values, glyph: "■", style: .plain)], pointCount: 6),
      width: 14, height: 6)
    let rows = lines.enumerated().filter { $0.element.contains("■") }.map(\.offset)
    #expect(rows.count == 1)
    #expect(lines[rows[0]].filter { $0 == "■" }.count == 6)
  }

  @Test("log chart: with no value above 0 it draws nothing and says so")
  func nothingToDraw() {
    let empty = LogChart(
      series: [LogChart.Series(values: [nil, 0, -1], glyph: "■", style: .plain)], pointCount: 3)
    var buffer = Canvas.make(width: 16, height: 7)
    let blank = buffer.lines
    #expect(
      !empty.draw(into: &buffer, in: Rect(x: 1, y: 0, width: 14, height: 6), theme: Canvas.unicode))
    #expect(buffer.lines == blank)
  }

  @Test("log chart: ticks are decades, or 1-2-5 steps over a narrow range, never touching")
  func ticks() {
    #expect(LogAxis.ticks(range: -2.1...2.1, rows: 9) == [0.01, 0.1, 1, 10, 100])
    #expect(LogAxis.ticks(range: -2.1...2.1, rows: 5) == [0.01, 1, 100])
    #expect(LogAxis.ticks(range: 0.5...1.6, rows: 8) == [5, 10, 20])
    #expect(LogAxis.ticks(range: -4.1...4.1, rows: 5) == [1e-4, 1, 1e4])
    #expect(LogAxis.label(0.02) == "0.02")
    #expect(LogAxis.label(5e-3) == "5e-3")
    #expect(LogAxis.label(2e4) == "2e4")
    #expect(LogAxis.label(100) == "100")
    #expect(LogAxis.label(0.21) == "0.21")
    // A narrow range with a single 1-2-3-5-7 step inside gets its ends labelled as well.
    #expect(LogAxis.ticks(range: log10(3.1)...log10(6.2), rows: 20) == [3.1, 5, 6.2])
  }

  @Test("log chart: a change mark is a labelled vertical line; points thin to the width")
  func marks() {
    let series = LogChart.Series(values: (0..<20).map { Double($0 + 1) }, glyph: "■", style: .plain)
    let lines = chart(
      LogChart(series: [series], pointCount: 20, marks: [LogChart.Mark(point: 10, label: "τ 0.4")]),
      width: 30, height: 9)
    #expect(lines[0].contains("┊τ 0.4"))
    let markColumn = lines[0].firstIndex(of: "┊").map {
      lines[0].distance(from: lines[0].startIndex, to: $0)
    }
    #expect(markColumn != nil)
    #expect(
      LogChart(series: [], pointCount: 20).columnPoints(width: 10) == [
        1, 3, 5, 7, 9, 11, 13, 15, 17, 19,
      ])
    #expect(LogChart(series: [], pointCount: 3).columnPoints(width: 10) == [0, 1, 2])
  }

  @Test("column chart: bars from the bottom, exact markers above or inside them")
  func columns() {
    var buffer = Canvas.make(width: 5, height: 4)
    ColumnChart(bars: [1, 0.5, 0], markers: [0.5, 1, 0]).draw(
      into: &buffer, in: Rect(x: 1, y: 0, width: 3, height: 3), theme: Canvas.unicode)
    #expect(buffer.lines == ["·█• ·", "·•▄ ·", "·██ ·", "·····"])
  }

  @Test("section title: line, title, info at the right; info dropped when it does not fit")
  func sectionTitle() {
    var buffer = Canvas.make(width: 30)
    SectionTitle(title: "Samples", info: "n 10").draw(
      into: &buffer, in: Rect(x: 0, y: 0, width: 30, height: 1), theme: Canvas.unicode)
    #expect(buffer.line(0) == "─ Samples ───────────── n 10 ─")
    buffer = Canvas.make(width: 30)
    SectionTitle(title: "A long title here", info: "too long info").draw(
      into: &buffer, in: Rect(x: 0, y: 0, width: 24, height: 1), theme: Canvas.ascii)
    #expect(buffer.line(0) == "- A long title here ----······")
    let title = SectionTitle(title: "Relaxed samples y = softmax", shortTitle: "Relaxed")
    #expect(title.fittedTitle(width: 10) == "Relaxed")
    #expect(SectionTitle(title: "one two three").fittedTitle(width: 8) == "one two")
  }

  @Test("box: frame, title, cleared inside")
  func box() {
    var buffer = Canvas.make(width: 12, height: 5)
    let inside = Box(title: "Hi").draw(
      into: &buffer, in: Rect(x: 1, y: 0, width: 10, height: 4), theme: Canvas.ascii)
    #expect(inside == Rect(x: 3, y: 1, width: 6, height: 2))
    #expect(
      buffer.lines == [
        "·+- Hi ---+·", "·|        |·", "·|        |·", "·+--------+·", "············",
      ])
  }
}
