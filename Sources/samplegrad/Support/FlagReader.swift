import Foundation

/// Reads option values given as text, collecting one line per bad value (`--points: ...`)
/// instead of stopping at the first, so a command can report them all and exit 2.
struct FlagReader {
  private(set) var problems: [String] = []

  /// `text` parsed by `parse`, nil (with a problem noted) if it does not parse, nil if absent.
  mutating func read<Value>(
    _ flag: String, _ text: String?, _ known: String, what: String = "value",
    _ parse: (String) -> Value?
  ) -> Value? {
    guard let text else { return nil }
    if let value = parse(text) { return value }
    problems.append("\(flag): unknown \(what) '\(text)' (known: \(known))")
    return nil
  }

  /// A finite number.
  mutating func number(_ flag: String, _ text: String?) -> Double? {
    guard let text else { return nil }
    if let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite {
      return value
    }
    problems.append("\(flag): '\(text)' is not a finite number")
    return nil
  }

  /// A whole number, at least `minimum` if one is given.
  mutating func count(_ flag: String, _ text: String?, minimum: Int? = nil) -> Int? {
    guard let text else { return nil }
    guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
      problems.append("\(flag): '\(text)' is not a whole number")
      return nil
    }
    if let minimum, value < minimum {
      problems.append("\(flag): must be at least \(minimum), got \(value)")
      return nil
    }
    return value
  }
}
