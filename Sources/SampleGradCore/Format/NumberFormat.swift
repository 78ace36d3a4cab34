import Foundation

/// How samplegrad prints numbers: the same rules in the table, the JSON-free views and the
/// screen, so a value reads the same everywhere.
public enum NumberFormat {
  /// Three significant digits, switching to scientific notation outside 1e-3...1e5
  /// (`0.625`, `12.3`, `1.23e-05`); exactly `0` for zero.
  public static func short(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
    if x == 0 { return "0" }
    let magnitude = abs(x)
    if magnitude >= 1e5 || magnitude < 1e-3 {
      return String(format: "%.2e", x)
    }
    var text = String(format: "%.3g", x)
    if text.contains("e") { text = String(format: "%.2e", x) }
    return text
  }

  /// Four decimals, for probabilities and frequencies.
  public static func fixed(_ x: Double) -> String { String(format: "%.4f", x) }
}
