import Testing

@testable import SampleGradUI

@Suite("Charts and frames")
struct ChartWidgetTests {
  private func spark(_ values: [Double], width: Int, theme: Theme = Canvas.unicode) -> String {
    var buffer = Canvas.make(width: width + 2)
    Sparkline(values: values).draw(
      into: &buffer, in: Rect(x: 1, y: 0, width: width, height: 1), theme: theme, style: .plain)
    return buffer.line(0)
  }

  @Test("sparkline: linear when values stay within a decade")
  func linear() {
    #expect(spark([1, 2, 3, 4, 5, 6, 7, 8], width: 8) == "·▁▂▃▄▅▆▇█·")
    #expect(spark([1, 2], width: 4) == "·▁█  ·")
    #expect(!Sparkline.usesLogScale([1, 2, 9]))
  }

  @Test("sparkline: log scale when values span decades, so the small end keeps its shape")
  func logScale() {
    #expect(Sparkline.usesLogScale([1e-4, 1e-2, 1]))
    #expect(spark([1e-4, 1e-3, 1e-2, 1e-1, 1], width: 5) == "·▁▃▅▆█·")
    #expect(!Sparkline.usesLogScale([-1, 100]))
  }

  @Test("sparkline: newest values kept, gaps for NaN, flat series, ASCII")
  func edges() {
    #expect(spark([9, 9, 1, 2], width: 2) == "·▁█·")
    #expect(spark([1, .nan, 2], width: 3) == "·▁ █·")
    #expect(spark([0, 0, 0], width: 3) == "·▁▁▁·")
    #expect(spark([5, 5], width: 2) == "·▅▅·")
    #expect(spark([], width: 3) == "·   ·")
    #expect(spark([1, 2, 3, 4, 5], width: 5, theme: Canvas.ascii) == "·_.-=^·")
  }

  @Test("tall sparkline fills several rows in eighths")
  func tall() {
    var buffer = Canvas.make(width: 4, height: 3)
    Sparkline(values: [0, 1]).draw(
      into: &buffer, in: Rect(x: 1, y: 0, width: 2, height: 2), theme: Canvas.unicode,
      style: .plain)
    #expect(buffer.lines == ["· █·", "·▁█·", "····"])
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
