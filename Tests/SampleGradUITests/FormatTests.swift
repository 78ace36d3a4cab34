import Testing

@testable import SampleGradUI

@Suite("Formatting and geometry")
struct FormatTests {
  @Test("numbers never print nan or inf")
  func finite() {
    for x in [Double.nan, .infinity, -.infinity] {
      #expect(ScreenFormat.short(x) == "-")
      #expect(ScreenFormat.number(x) == "-")
      #expect(ScreenFormat.parameter(x) == "-")
      #expect(ScreenFormat.probability(x) == "-")
    }
    #expect(ScreenFormat.compactCount(.nan) == "0")
  }

  @Test("three significant digits, trailing zeros kept, so widths do not jump")
  func fixedDigits() {
    #expect(ScreenFormat.number(0.0602, signed: true) == "+0.0602")
    #expect(ScreenFormat.number(0.06, signed: true) == "+0.0600")
    #expect(ScreenFormat.number(0.5) == "0.500")
    #expect(ScreenFormat.number(12.3) == "12.3")
    #expect(ScreenFormat.number(1234) == "1230")
    #expect(ScreenFormat.number(-0.5) == "-0.500")
    #expect(ScreenFormat.number(0) == "0")
  }

  @Test("a column never cuts a number: scientific with fewer digits instead")
  func neverTruncates() {
    #expect(ScreenFormat.number(-1.2345e-5, width: 9) == "-1.23e-05")
    #expect(ScreenFormat.number(-1.2345e-5, width: 8) == "-1.2e-05")
    #expect(ScreenFormat.number(1.2345e-5, width: 8, signed: true) == "+1.2e-05")
    #expect(ScreenFormat.number(1e308, width: 7) == "1e+308")
    #expect(ScreenFormat.number(-1e308, width: 7) == "-1e+308")
    #expect(ScreenFormat.number(123_456, width: 8) == "1.23e+05")
    // Too narrow even for one digit: wider than asked, never cut.
    #expect(ScreenFormat.number(1e308, width: 3) == "1e+308")
  }

  @Test("parameters: two decimals on the step grid, three digits off it, never cut")
  func parameters() {
    #expect(ScreenFormat.parameter(1) == "1.00")
    #expect(ScreenFormat.parameter(-0.5) == "-0.50")
    #expect(ScreenFormat.parameter(-50) == "-50.00")
    #expect(ScreenFormat.parameter(0.4096) == "0.410")
    #expect(ScreenFormat.parameter(0.004) == "0.00400")
    #expect(ScreenFormat.parameter(1000) == "1000.00")
    #expect(ScreenFormat.parameter(1e-10) == "1.00e-10")
    #expect(ScreenFormat.parameter(1e308) == "1.0e+308")
    for x in [1e-10, 1000, 12345, 1e308, -1e308, 0.3, 1.39e-16] {
      #expect(ScreenFormat.parameter(x).count <= 8, "\(x)")
    }
  }

  @Test("probabilities: four decimals, or two digits when tiny; counts and rates")
  func probabilities() {
    #expect(ScreenFormat.probability(0.4551) == "0.4551")
    #expect(ScreenFormat.probability(1.2e-5) == "1.2e-05")
    #expect(ScreenFormat.probability(0) == "0.0000")
    #expect(ScreenFormat.count(0) == "0")
    #expect(ScreenFormat.count(1_234_567) == "1,234,567")
    // Rates too: never "1.00e+03k" just under a unit.
    #expect(ScreenFormat.compactCount(950) == "950")
    #expect(ScreenFormat.compactCount(999.7) == "1k")
    #expect(ScreenFormat.compactCount(12_300) == "12.3k")
    #expect(ScreenFormat.compactCount(4_560_000) == "4.56M")
    #expect(ScreenFormat.compactCount(-3) == "0")
    #expect(ScreenFormat.compactCount(219_095) == "219k")
    #expect(ScreenFormat.compactCount(999_700) == "1M")
    #expect(ScreenFormat.compactCount(5.01e9) == "5.01G")
  }

  @Test("padding and clipping at word boundaries")
  func padding() {
    #expect(ScreenFormat.pad("ab", 4) == "ab  ")
    #expect(ScreenFormat.pad("ab", 4, align: .right) == "  ab")
    #expect(ScreenFormat.pad("abcdef", 3) == "abc")
    #expect(
      ScreenFormat.clip("Reparameterization against the score function", 30, ellipsis: "…")
        == "Reparameterization against…")
    #expect(ScreenFormat.clip("rows flat, E[y] drifts", 12, ellipsis: "…") == "rows flat…")
    #expect(ScreenFormat.clip("short", 30, ellipsis: "…") == "short")
  }

  @Test("cut text ends with an ellipsis, wrapped or not")
  func ellipsis() {
    var buffer = Canvas.make(width: 14, height: 2)
    buffer.write(
      "rows flat, E[y] drifts", in: Rect(x: 1, y: 0, width: 12, height: 1), ellipsis: "…")
    #expect(buffer.line(0) == "·rows flat…···")
    buffer = Canvas.make(width: 12, height: 3)
    buffer.writeWrapped(
      "one two three four five", in: Rect(x: 1, y: 0, width: 10, height: 2), ellipsis: "…")
    #expect(buffer.lines == ["·one two····", "·three…·····", "············"])
  }

  @Test("word wrap never cuts a word that fits a line")
  func wrap() {
    #expect(WordWrap.lines("one two three four", width: 9) == ["one two", "three", "four"])
    #expect(WordWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(WordWrap.lines("a\n\nb", width: 5) == ["a", "", "b"])
    #expect(WordWrap.lines("anything", width: 0).isEmpty)
  }

  @Test("rect splits stay inside the rect")
  func rects() {
    let r = Rect(x: 2, y: 3, width: 10, height: 4)
    #expect(r.splitTop(1).top == Rect(x: 2, y: 3, width: 10, height: 1))
    #expect(r.splitTop(9).rest.isEmpty)
    #expect(r.splitBottom(1).bottom == Rect(x: 2, y: 6, width: 10, height: 1))
    #expect(r.splitLeft(3, gap: 1).rest == Rect(x: 6, y: 3, width: 6, height: 4))
    #expect(r.row(5).isEmpty)
    #expect(r.centered(width: 4, height: 2) == Rect(x: 5, y: 4, width: 4, height: 2))
    #expect(Rect(x: 0, y: 0, width: -3, height: 2).width == 0)
    #expect(
      r.intersection(Rect(x: 0, y: 0, width: 4, height: 4)) == Rect(x: 2, y: 3, width: 2, height: 1)
    )
  }
}
