import Foundation

@testable import samplegrad

/// The rules every fuzzed run keeps, from the README's "Exit status and errors": exit 0 with
/// finite output, or exit 2 with one line naming the file, key or flag; never a crash, a
/// hang, a raw control or format character, an undocumented null, a flag that was not given,
/// a count whose noun disagrees with it ("got 1 values"), or a message that refuses the very
/// value it asks for ("expected a whole number between 1 and 1e12, got '1e12'").
enum FuzzJudge {
  /// What a successful run prints.
  enum Output {
    /// JSON whose only nulls are on lines with these keys (the documented ones).
    case json(nulls: [String])
    /// Text: no `nan` or `inf` in it.
    case text
    /// `tour --check`'s claims: a claim may measure an infinity (`exact.loss / 0 > 1`).
    case claims
  }

  /// The documented nulls of each command's JSON (see the README).
  static let runNulls = [
    "\"pValue\":", "\"relativeNoise\":", "\"biasStandardErrors\":", "\"meanCosine\":",
  ]
  /// A sweep's: `total`'s, where the exact gradient is 0.
  static let sweepNulls = ["\"relativeNoise\":", "\"meanCosine\":"]
  static let trainNulls = ["\"reachedStep\":", "\"optimum\":", "\"every\":"]
  static let overviewNulls = ["\"variance\":", "\"relativeNoise\":"]

  /// What is wrong with how `arguments` ended, or nil. `statuses` are the exits allowed; a
  /// `check` of several files may print a line per problem (`manyLines`).
  static func problem(
    _ result: ProcessResult, arguments: [String], output: Output,
    statuses: Set<Int32> = [0, 2], manyLines: Bool = false
  ) -> String? {
    if result.timedOut { return "hung" }
    let everything = result.standardOutput + result.standardError
    if let raw = everything.unicodeScalars.first(where: isRaw) {
      return "a raw U+\(String(raw.value, radix: 16, uppercase: true)) in the output"
    }
    // A count of one with a plural noun ("got 1 values"); not "0.1 steps" or "21 steps".
    if let found = everything.firstMatch(
      of: /(^|[^0-9.,])1 (values|steps|samples|estimators|points)\b/)
    {
      return "'\(found.output.0)' in the output"
    }
    guard statuses.contains(result.status) else {
      return "exit \(result.status):\n\(result.standardError.prefix(2000))"
    }
    switch result.status {
    case 0, 1:
      // 1: `tour --check` with a failing claim (its results on stdout, nothing on stderr).
      guard result.standardError.isEmpty else {
        return "exit \(result.status) with stderr: \(result.standardError)"
      }
      return outputProblem(result.standardOutput, output)
    case 2:
      let lines = result.errorLines
      let oneLine =
        manyLines
        ? !lines.isEmpty && lines.allSatisfy { $0.hasPrefix("samplegrad: error: ") }
        : result.isOneLineUsageError
      guard oneLine else { return "exit 2 with stderr:\n\(result.standardError.prefix(2000))" }
      return messageProblem(result.standardError, arguments: arguments)
    default:
      return nil
    }
  }

  /// C0 controls but the newline, DEL, C1 controls, and Unicode's invisible format and
  /// separator characters: none may reach a terminal raw.
  static func isRaw(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "\n" { return false }
    if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return true }
    return [.format, .lineSeparator, .paragraphSeparator].contains(
      scalar.properties.generalCategory)
  }

  static func outputProblem(_ text: String, _ output: Output) -> String? {
    switch output {
    case .json(let nulls):
      guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else {
        return "exit 0 with output that is not JSON"
      }
      if !NumericDomainCommandTests.numbers(in: object).allSatisfy({ $0.isFinite }) {
        return "a number that is not finite"
      }
      let undocumented = text.split(separator: "\n").filter { line in
        line.contains("null") && !nulls.contains { line.contains($0) }
      }
      if let line = undocumented.first { return "an undocumented null: \(line)" }
    case .claims:
      return nil
    case .text:
      if let found = text.lowercased().firstMatch(of: /(^|[^a-z])-?(nan|inf|infinity)([^a-z]|$)/) {
        return "'\(found.output.0)' in the text"
      }
    }
    return nil
  }

  /// A refusal that names a flag never given, or refuses the value it asks for.
  static func messageProblem(_ standardError: String, arguments: [String]) -> String? {
    for line in standardError.split(separator: "\n") {
      if let flag = line.firstMatch(of: /^samplegrad: error: (--[a-z-]+):/)?.output.1,
        !arguments.contains(where: { $0 == flag || $0.hasPrefix("\(flag)=") })
      {
        return "names \(flag), which was not given: \(line)"
      }
      if let asked = line.firstMatch(
        of: /expected a whole number between (\S+) and (\S+), got '([^']*)'/),
        let low = Double(asked.output.1), let high = Double(asked.output.2),
        let digits = WholeNumberText.digits(String(asked.output.3)), let value = Double(digits),
        (low...high).contains(value)
      {
        return "refuses a whole number it asks for: \(line)"
      }
    }
    return nil
  }
}
