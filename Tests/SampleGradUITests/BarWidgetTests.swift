import Testing

@testable import SampleGradUI

@Suite("Bars")
struct BarWidgetTests {
  private func bar(_ fraction: Double, width: Int, theme: Theme = Canvas.unicode) -> String {
    var buffer = Canvas.make(width: width + 2)
    HorizontalBar(fraction: fraction).draw(
      into: &buffer, in: Rect(x: 1, y: 0, width: width, height: 1), theme: theme)
    return buffer.line(0)
  }

  @Test("eighths of a cell, rest cleared, nothing outside the rect")
  func eighths() {
    #expect(bar(0, width: 4) == "·    ·")
    #expect(bar(1, width: 4) == "·████·")
    #expect(bar(0.5, width: 4) == "·██  ·")
    #expect(bar(1.0 / 32, width: 4) == "·▏   ·")
    #expect(bar(0.3, width: 4) == "·█▎  ·")  // 9.6 eighths round to 10: 8 + 2
    #expect(bar(7.0 / 32, width: 4) == "·▉   ·")
  }

  @Test("out of range and NaN fractions are clamped, never trap")
  func clamps() {
    #expect(bar(2, width: 3) == "·███·")
    #expect(bar(-1, width: 3) == "·   ·")
    #expect(bar(.nan, width: 3) == "·   ·")
    #expect(bar(.infinity, width: 3) == "·   ·")
  }

  @Test("ASCII uses # for full cells and = for at least half a cell")
  func ascii() {
    #expect(bar(0.5, width: 4, theme: Canvas.ascii) == "·##  ·")
    #expect(bar(0.625, width: 4, theme: Canvas.ascii) == "·##= ·")
    #expect(bar(0.55, width: 4, theme: Canvas.ascii) == "·##  ·")
  }

  @Test("histogram bar puts the exact marker where the exact probability ends")
  func histogramMarker() {
    var buffer = Canvas.make(width: 12)
    HistogramBar(observed: 0.3, exact: 0.5).draw(
      into: &buffer, in: Rect(x: 1, y: 0, width: 10, height: 1), theme: Canvas.unicode)
    #expect(buffer.line(0) == "·███  │    ·")
    HistogramBar(observed: 1, exact: 1).draw(
      into: &buffer, in: Rect(x: 1, y: 0, width: 10, height: 1), theme: Canvas.ascii)
    #expect(buffer.line(0) == "·#########|·")
    #expect(HistogramBar.markerColumn(.nan, width: 5) == 0)
  }

  @Test("shades: one-hot is solid, flat is a tint, tiny values vanish")
  func shades() {
    #expect(ShadeStrip.level(1) == 4)
    #expect(ShadeStrip.level(0.25) == 1)
    #expect(ShadeStrip.level(0.5) == 2)
    #expect(ShadeStrip.level(0.7) == 3)
    #expect(ShadeStrip.level(1.0 / 64) == 1)
    #expect(ShadeStrip.level(0.001) == 0)
    #expect(ShadeStrip.level(.nan) == 0)
    var buffer = Canvas.make(width: 9)
    let drawn = ShadeStrip(values: [0, 1, 0.25, 0.6], cellWidth: 2).draw(
      into: &buffer, in: Rect(x: 1, y: 0, width: 7, height: 1), theme: Canvas.unicode)
    #expect(drawn == 3)
    #expect(buffer.line(0) == "·  ██░░··")
    ShadeStrip(values: [0, 1, 0.25, 0.6]).draw(
      into: &buffer, in: Rect(x: 1, y: 0, width: 7, height: 1), theme: Canvas.ascii)
    #expect(buffer.line(0) == "· #.:░░··")
  }
}
