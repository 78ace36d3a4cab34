/// The rules on single values, written once and used by scenario files, flags, the
/// explorer's prompts and the engine (through `Distribution`, `Objective` and `Scenario`).
/// The ranges themselves, and why, are in `NumericDomain`.
public enum ScenarioRules {
  /// The temperatures samplegrad accepts (the explorer's `[` and `]` stop here).
  public static let temperatureRange = 0.01...100.0
  /// Draws per estimate for `rloo` and `gumbel-rao`.
  public static let drawsRange = 2...1024

  /// Each value inside `range` (a NaN is inside no range); a list names the bad entry.
  static func inRange(
    _ values: [Double], _ range: ClosedRange<Double>, key: String
  ) -> [ScenarioProblem] {
    guard let i = values.firstIndex(where: { !range.contains($0) }) else { return [] }
    let entry = values.count > 1 ? " (value \(i + 1))" : ""
    return [
      ScenarioProblem(
        key: key,
        message:
          "must be \(NumericDomain.describe(range)), got \(NumericDomain.show(values[i]))\(entry)")
    ]
  }

  static func temperature(_ t: Double) -> [ScenarioProblem] {
    inRange([t], temperatureRange, key: "distribution.temperature")
  }

  static func standardDeviation(_ std: Double) -> [ScenarioProblem] {
    inRange([std], NumericDomain.std, key: "distribution.std")
  }

  static func samples(_ n: Int) -> [ScenarioProblem] {
    guard !NumericDomain.samples.contains(n) else { return [] }
    return [
      ScenarioProblem(
        key: "samples",
        message: "must be \(NumericDomain.describe(NumericDomain.samples)), got \(n)")
    ]
  }

  /// No control characters (a lesson may hold newlines and tabs): see `TerminalText`.
  static func printable(
    _ text: String?, key: String, allowing allowed: Set<Unicode.Scalar> = []
  ) -> [ScenarioProblem] {
    guard let text, let (scalar, position) = TerminalText.firstControl(in: text, allowing: allowed)
    else { return [] }
    return [
      ScenarioProblem(
        key: key,
        message: "must not contain control characters, found \(TerminalText.codePoint(scalar))"
          + " at character \(position)")
    ]
  }

  static func draws(_ k: Int) -> [ScenarioProblem] {
    guard !drawsRange.contains(k) else { return [] }
    return [ScenarioProblem(key: "options.draws", message: "must be between 2 and 1024, got \(k)")]
  }
}
