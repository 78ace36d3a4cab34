import Foundation
import Testing

@testable import SampleGradCore

@Suite("Number format")
struct NumberFormatTests {
  /// Values where rounding, notation switches and trailing zeros are easy to get wrong.
  static let edges: [Double] = [
    1, -1, 10, 100, 1000, 0.1, 0.01, 0.001, 1e-4, 1e5, 99_999, 99_999.5, 999.5, 999.4, 9.995,
    9.9951, 0.0009995, 0.00099949, 0.625, 0.0625, 1.5, 2.5, 0.125, 12.5, 123.45, 1.005, 0.5,
    1e-300, 1e300, .leastNonzeroMagnitude, 123_456_789, -0.000123, 7.44e-44, 0.3664, 0.99995,
    0.00005,
  ]

  @Test("grouped puts a comma every three digits, the sign outside")
  func grouped() {
    #expect(NumberFormat.grouped(0) == "0")
    #expect(NumberFormat.grouped(999) == "999")
    #expect(NumberFormat.grouped(1000) == "1,000")
    #expect(NumberFormat.grouped(1_234_567) == "1,234,567")
    #expect(NumberFormat.grouped(-1000) == "-1,000")
    #expect(NumberFormat.grouped(Int.min) == "-9,223,372,036,854,775,808")
    #expect(RunTable.samplesNeeded(.samples(1234)) == "1,234")
  }

  @Test("short and fixed print exactly what printf prints")
  func matchesNumberFormat() {
    var rng = SplitMix64(seed: 11)
    var values = Self.edges + Self.edges.map { -$0 }
    for _ in 0..<20_000 {
      let mantissa = Double(rng.next() % 1_000_000) / 1000
      let exponent = Int(rng.next() % 24) - 12
      values.append(mantissa * pow10(exponent) * (rng.next() % 2 == 0 ? 1 : -1))
    }
    for _ in 0..<5000 { values.append(Double(rng.next() % 20_001) / 10_000 - 1) }
    var mismatches: [String] = []
    for x in values {
      if NumberFormat.short(x) != NumberFormat.printfShort(x) {
        mismatches.append("short(\(x)): \(NumberFormat.short(x)) vs \(NumberFormat.printfShort(x))")
      }
      if NumberFormat.fixed(x) != NumberFormat.printfFixed(x) {
        mismatches.append("fixed(\(x)): \(NumberFormat.fixed(x)) vs \(NumberFormat.printfFixed(x))")
      }
      for digits in [1, 2] where x != 0 {
        let reference = String(format: "%.\(digits - 1)e", x)
        if NumberFormat.scientific(x, digits: digits) != reference {
          mismatches.append(
            "scientific(\(x), \(digits)): \(NumberFormat.scientific(x, digits: digits))")
        }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }

  private func pow10(_ e: Int) -> Double {
    var p = 1.0
    for _ in 0..<abs(e) { p *= 10 }
    return e < 0 ? 1 / p : p
  }
}
