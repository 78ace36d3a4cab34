import Testing

@testable import SampleGradUI

@Suite("Formatting and geometry")
struct FormatTests {
  @Test("numbers never print nan or inf")
  func finite() {
    for x in [Double.nan, .infinity, -.infinity] {
      #expect(ScreenFormat.short(x) == "-")
      #expect(ScreenFormat.signed(x) == "-")
      #expect(ScreenFormat.parameter(x) == "-")
      #expect(ScreenFormat.probability(x) == "-")
      #expect(ScreenFormat.fit(x, width: 5) == "-")
    }
    #expect(ScreenFormat.rate(.nan) == "0")
  }

  @Test("short, signed and fitted numbers")
  func numbers() {
    #expect(ScreenFormat.short(0.625) == "0.625")
    #expect(ScreenFormat.signed(0.0123) == "+0.0123")
    #expect(ScreenFormat.signed(-0.5) == "-0.5")
    #expect(ScreenFormat.signed(0) == "0")
    #expect(ScreenFormat.fit(-1.2345e-5, width: 9) == "-1.23e-05")
    #expect(ScreenFormat.fit(-1.2345e-5, width: 8) == "-1.2e-05")
    #expect(ScreenFormat.fit(1.2345e-5, width: 8, signed: true) == "+1.2e-05")
    #expect(ScreenFormat.fit(4.6e-6, width: 5) == "5e-06")
    #expect(ScreenFormat.fit(0.0123, width: 6) == "0.0123")
  }

  @Test("parameters with two decimals, counts with separators, compact rates")
  func parameters() {
    #expect(ScreenFormat.parameter(1) == "1.00")
    #expect(ScreenFormat.parameter(-0.5) == "-0.50")
    #expect(ScreenFormat.parameter(-50) == "-50.00")
    #expect(ScreenFormat.parameter(0.004) == "0.004")
    #expect(ScreenFormat.parameter(12345) == "1.23e+04")
    #expect(ScreenFormat.count(0) == "0")
    #expect(ScreenFormat.count(999) == "999")
    #expect(ScreenFormat.count(1_234_567) == "1,234,567")
    #expect(ScreenFormat.rate(950) == "950")
    #expect(ScreenFormat.rate(12_300) == "12.3k")
    #expect(ScreenFormat.rate(4_560_000) == "4.56M")
  }

  @Test("padding and clipping at word boundaries")
  func padding() {
    #expect(ScreenFormat.pad("ab", 4) == "ab  ")
    #expect(ScreenFormat.pad("ab", 4, align: .right) == "  ab")
    #expect(ScreenFormat.pad("abcdef", 3) == "abc")
    #expect(
      ScreenFormat.clip("Reparameterization against the score function", 30, ellipsis: "…")
        == "Reparameterization against…")
    #expect(ScreenFormat.clip("short", 30, ellipsis: "…") == "short")
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
