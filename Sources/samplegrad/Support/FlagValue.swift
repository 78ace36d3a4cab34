import Foundation
import SampleGradCore

/// Why a flag's value could not be read; ArgumentParser appends the description to its
/// message, and `UsageMessage` turns that into `--flag: expected ..., got '...'`.
struct FlagValueError: Error, CustomStringConvertible {
  let description: String
}

/// Readers for numeric flags that say what they expected, including the range.
enum FlagValue {
  /// A whole number inside `range`: `--samples`, `--threads`, `--seed`; `1e12` is one too
  /// (`WholeNumberText`).
  static func wholeNumber<T: FixedWidthInteger & Sendable>(
    _ range: ClosedRange<T>
  ) -> @Sendable (String) throws -> T {
    { text in
      guard let value = T(text) ?? WholeNumberText.digits(text).flatMap({ T($0) }),
        range.contains(value)
      else {
        throw FlagValueError(description: "expected a whole number \(describe(range))")
      }
      return value
    }
  }

  /// A number, any number: the scenario's rules decide what range it must be in.
  @Sendable static func number(_ text: String) throws -> Double {
    guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
      throw FlagValueError(description: "expected a number")
    }
    return value
  }

  /// A number inside `range` (`--seconds`).
  static func number(_ range: ClosedRange<Double>) -> @Sendable (String) throws -> Double {
    { text in
      guard let value = Double(text), range.contains(value) else {
        throw FlagValueError(description: "expected a number \(NumericDomain.describe(range))")
      }
      return value
    }
  }

  private static func describe<T: FixedWidthInteger>(_ range: ClosedRange<T>) -> String {
    if range.upperBound == T.max { return "from \(range.lowerBound) to \(T.max)" }
    return NumericDomain.describe(Int(range.lowerBound)...Int(range.upperBound))
  }
}
