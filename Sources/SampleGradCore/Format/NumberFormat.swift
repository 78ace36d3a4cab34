import Foundation

/// How samplegrad prints numbers: the same rules in the table, the JSON-free views and the
/// screen, so a value reads the same everywhere. Digits are rounded by `DecimalDigits`;
/// printf (`String(format:)`) is the reference and decides the rare near-ties.
public enum NumberFormat {
  /// Three significant digits, switching to scientific notation outside 1e-3...1e5
  /// (`0.625`, `12.3`, `1.23e-05`); exactly `0` for zero.
  public static func short(_ x: Double) -> String {
    guard x.isFinite, x != 0 else { return printfShort(x) }
    return DecimalDigits.short(x) ?? printfShort(x)
  }

  /// `n` with thousands separators (`1,234,567`, `-1,000`): the table's `n for 10%` and the
  /// screen's counts group digits the same way.
  public static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    out.reserveCapacity(digits.count + digits.count / 3 + 1)
    for (i, d) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(d)
    }
    return n < 0 ? "-" + out : out
  }

  /// `1 value`, `2 values`, `0 steps`: a count with its noun, singular only for one.
  public static func count(_ n: Int, _ noun: String) -> String {
    "\(n) \(noun)\(n == 1 ? "" : "s")"
  }

  /// Four decimals, for probabilities and frequencies.
  public static func fixed(_ x: Double) -> String {
    DecimalDigits.fixed(x) ?? printfFixed(x)
  }

  /// `x` in scientific notation with `digits` significant digits (`1.2e-05`, `-3e+02`), for
  /// columns too narrow for `short`.
  public static func scientific(_ x: Double, digits: Int) -> String {
    guard x.isFinite, x != 0, let (d, e) = DecimalDigits.significant(abs(x), digits) else {
      return String(format: "%.\(max(digits - 1, 0))e", x)
    }
    return (x < 0 ? "-" : "") + DecimalDigits.scientific(d, e, digits)
  }

  /// `x` with `digits` significant digits in fixed notation, trailing zeros kept, so a value
  /// keeps its width from one frame to the next: `0.0600`, `0.0602`, `12.3`, `1230`. Meant for
  /// magnitudes from about 1e-3 to 1e5 (the screen switches to `scientific` outside).
  public static func significant(_ x: Double, digits: Int = 3) -> String {
    guard x.isFinite, x != 0 else { return x == 0 ? "0" : printfShort(x) }
    let sign = x < 0 ? "-" : ""
    guard let (d, e) = DecimalDigits.significant(abs(x), digits) else {
      let decimals = max(digits - 1 - Int(log10(abs(x)).rounded(.down)), 0)
      return String(format: "%.\(decimals)f", x)
    }
    let decimals = digits - 1 - e
    var text = String(d)
    if decimals <= 0 { return sign + text + String(repeating: "0", count: -decimals) }
    if text.count <= decimals {
      text = String(repeating: "0", count: decimals + 1 - text.count) + text
    }
    text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
    return sign + text
  }

  /// `short` by printf: the reference.
  static func printfShort(_ x: Double) -> String {
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

  /// `fixed` by printf: the reference.
  static func printfFixed(_ x: Double) -> String { String(format: "%.4f", x) }
}
