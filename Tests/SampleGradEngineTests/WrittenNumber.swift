import Foundation

/// A number as a lesson writes it ("1.6", "0.022", "25%"), and the values that agree with it at
/// the precision it is written with: those that round to it. "1.6" covers [1.55, 1.65]; "3,500"
/// covers [3,499.5, 3,500.5]; "25%" covers [0.245, 0.255] as a fraction. A lesson test checks a
/// measured value against the written text, so the text and the test cannot drift apart.
struct WrittenNumber: CustomStringConvertible {
  let text: String
  let value: Double
  let halfUnit: Double

  init(_ text: String) {
    self.text = text
    var digits = text.replacingOccurrences(of: ",", with: "")
    let percent = digits.hasSuffix("%")
    if percent { digits.removeLast() }
    guard let parsed = Double(digits) else { fatalError("not a number: \(text)") }
    // "2.1e-4": the mantissa's decimals, shifted by the exponent.
    let parts = digits.lowercased().split(separator: "e")
    let exponent = parts.count > 1 ? Double(parts[1]) ?? 0 : 0
    let decimals = parts[0].split(separator: ".").dropFirst().first?.count ?? 0
    let scale = percent ? 0.01 : 1
    value = parsed * scale
    halfUnit = 0.5 * pow(10, exponent - Double(decimals)) * scale
  }

  /// Whether `measured` rounds to this number (a hair of floating-point slack at the edges).
  func covers(_ measured: Double) -> Bool {
    abs(measured - value) <= halfUnit * (1 + 1e-9)
  }

  var description: String { text }
}

/// The seeds a lesson's numbers are checked at: the preset's own (7) and nine more, so a number
/// that holds at seed 7 only by luck fails.
enum LessonSeeds {
  static let all: [UInt64] = Array(7...16)
}

/// A range as a lesson writes it ("0.65 to 0.86", "steps 3,000 and 7,500"): a value agrees with
/// it when it lies between the two ends, each end as wide as its written precision.
struct WrittenRange: CustomStringConvertible {
  let low: WrittenNumber
  let high: WrittenNumber

  init(_ low: String, _ high: String) {
    self.low = WrittenNumber(low)
    self.high = WrittenNumber(high)
  }

  func covers(_ measured: Double) -> Bool {
    measured >= low.value - low.halfUnit * (1 + 1e-9)
      && measured <= high.value + high.halfUnit * (1 + 1e-9)
  }

  var description: String { "\(low) to \(high)" }
}

/// A phrase a lesson or caption must contain, its numbers in braces: `Quote("RLOO reads {4.1e-4}
/// to {4.2e-4}", in: lesson)` requires the text to say "RLOO reads 4.1e-4 to 4.2e-4" and gives
/// back the two written numbers. A test reads its numbers this way from the file it checks, so
/// a text that changes fails the test until the test measures the new words.
struct Quote {
  struct Missing: Error, CustomStringConvertible {
    let phrase: String
    var description: String { "the text no longer says \"\(phrase)\"" }
  }

  let numbers: [WrittenNumber]

  init(_ template: String, in text: String) throws {
    let phrase = template.replacingOccurrences(of: "{", with: "")
      .replacingOccurrences(of: "}", with: "")
    let flat = text.replacingOccurrences(of: "\n", with: " ")
    guard flat.contains(phrase) else { throw Missing(phrase: phrase) }
    numbers = template.components(separatedBy: "{").dropFirst().map {
      WrittenNumber(String($0.prefix { $0 != "}" }))
    }
  }

  subscript(index: Int) -> WrittenNumber { numbers[index] }

  /// The first two numbers as a range ("{0.034} to {0.037}").
  var range: WrittenRange { WrittenRange(numbers[0].text, numbers[1].text) }
}

extension WrittenRange {
  /// The measured extremes of a claim such as "between 0.13 and 0.31": the whole set of values
  /// lies within the range.
  func coversAll(_ measured: [Double]) -> Bool { measured.allSatisfy(covers) }
}

/// "a third", "a quarter": a unit fraction 1/n agrees with a measured ratio r when 1/r rounds
/// to n (a third covers 1/3.5 to 1/2.5, 0.29 to 0.4).
struct WrittenFraction {
  let denominator: Double

  func covers(_ ratio: Double) -> Bool { abs(1 / ratio - denominator) <= 0.5 }
}
