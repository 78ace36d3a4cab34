import Foundation
import SampleGradCore

/// Number formats for the screen, built on `NumberFormat` so values read as in the table,
/// and never showing "nan" or "inf": a number that is not finite prints as a dash.
enum ScreenFormat {
  static let missing = "-"

  /// Three significant digits (`NumberFormat.short`), or a dash if not finite.
  static func short(_ x: Double) -> String {
    x.isFinite ? NumberFormat.short(x) : missing
  }

  /// With an explicit sign, for biases: `+0.0123`, `-4.5e-05`, `0`.
  static func signed(_ x: Double) -> String {
    guard x.isFinite else { return missing }
    let text = NumberFormat.short(x)
    return x > 0 ? "+" + text : text
  }

  /// `short`, or fewer digits in scientific notation when that is wider than `width`
  /// (table columns stay aligned for any value).
  static func fit(_ x: Double, width: Int, signed: Bool = false) -> String {
    let text = signed ? Self.signed(x) : short(x)
    guard text.count > width, x.isFinite else { return text }
    let sign = signed && x > 0 ? "+" : x < 0 ? "-" : ""
    for digits in [2, 1] {
      let shorter = sign + NumberFormat.scientific(abs(x), digits: digits)
      if shorter.count <= width { return shorter }
    }
    return String(text.prefix(width))
  }

  /// A parameter value as typed by the user: two decimals (`1.00`, `-0.50`), or three
  /// significant digits when that would be too long.
  static func parameter(_ x: Double) -> String {
    guard x.isFinite else { return missing }
    if abs(x) >= 1000 || (x != 0 && abs(x) < 0.01) { return NumberFormat.short(x) }
    let hundredths = (x * 100).rounded()
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = Int(abs(hundredths))
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// A probability with four decimals (`NumberFormat.fixed`).
  static func probability(_ x: Double) -> String {
    x.isFinite ? NumberFormat.fixed(x) : missing
  }

  /// A count with thousands separators: `1,234,567`.
  static func count(_ n: Int) -> String {
    let digits = String(abs(n))
    var out = ""
    out.reserveCapacity(digits.count + digits.count / 3 + 1)
    for (i, d) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(d)
    }
    return n < 0 ? "-" + out : out
  }

  /// A rate in compact form: `950`, `12.3k`, `4.56M`.
  static func rate(_ x: Double) -> String {
    guard x.isFinite, x > 0 else { return "0" }
    if x < 1000 { return String(Int(x.rounded())) }
    if x < 1e6 { return NumberFormat.short(x / 1e3) + "k" }
    if x < 1e9 { return NumberFormat.short(x / 1e6) + "M" }
    return NumberFormat.short(x / 1e9) + "G"
  }

  /// `text` cut to `width` characters at a word boundary, ending with `ellipsis` if cut.
  static func clip(_ text: String, _ width: Int, ellipsis: String) -> String {
    guard text.count > width else { return text }
    let room = width - ellipsis.count
    guard room > 0 else { return String(text.prefix(max(width, 0))) }
    var cut = String(text.prefix(room))
    if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > room / 2
    {
      cut = String(cut[..<space])
    }
    return cut + ellipsis
  }

  /// `text` padded with spaces (or cut) to exactly `width` characters.
  static func pad(_ text: String, _ width: Int, align: Alignment = .left) -> String {
    let length = text.count
    if length >= width { return String(text.prefix(width)) }
    let gap = String(repeating: " ", count: width - length)
    switch align {
    case .left: return text + gap
    case .right: return gap + text
    case .center:
      let left = (width - length) / 2
      return String(repeating: " ", count: left) + text
        + String(repeating: " ", count: width - length - left)
    }
  }
}
