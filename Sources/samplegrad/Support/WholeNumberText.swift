/// A whole number as people write one on a command line: `1000000`, and also `1e6`, `1.5e3`
/// or `+7`. Issue 21: `--samples 1e12` was refused with a message asking for "a whole number
/// between 1 and 1e12", the very way the message writes the bound.
///
/// The literal is read exactly, digit by digit (never through a `Double`, which would round
/// `9.007199254740993e15` to a neighbour): its digits are shifted by the exponent, and a
/// fraction is refused unless it is all zeros (`2.50e1` is 25, `2.5` is not whole).
enum WholeNumberText {
  /// The plain decimal digits of `text` (`1e12` -> `1000000000000`, `-2e1` -> `-20`), or nil
  /// if it is not a whole number written in decimal.
  static func digits(_ text: String) -> String? {
    var rest = Substring(text)
    var sign = ""
    if let first = rest.first, first == "+" || first == "-" {
      sign = first == "-" ? "-" : ""
      rest = rest.dropFirst()
    }
    var exponent = 0
    if let e = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let value = Int(rest[rest.index(after: e)...]), abs(value) <= 40 else { return nil }
      exponent = value
      rest = rest[..<e]
    }
    let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = parts[0]
    let fraction = parts.count > 1 ? parts[1] : ""
    guard !(whole.isEmpty && fraction.isEmpty),
      (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    var digits = String(whole + fraction)
    let shift = exponent - fraction.count
    if shift >= 0 {
      digits += String(repeating: "0", count: shift)
    } else {
      guard digits.suffix(-shift).allSatisfy({ $0 == "0" }) else { return nil }
      digits.removeLast(min(-shift, digits.count))
    }
    let trimmed = digits.drop { $0 == "0" }
    return trimmed.isEmpty ? "0" : sign + trimmed
  }
}
