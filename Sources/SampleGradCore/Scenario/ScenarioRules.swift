/// The rules on single values, written once and used by scenario files, flags, the
/// explorer's prompts and the engine (through `Distribution`, `Objective` and `Scenario`).
public enum ScenarioRules {
  /// The temperatures samplegrad accepts (the explorer's `[` and `]` stop here).
  public static let temperatureRange = 0.01...100.0
  /// Draws per estimate for `rloo` and `gumbel-rao`.
  public static let drawsRange = 2...1024

  static func finite(_ values: [Double], key: String) -> [ScenarioProblem] {
    guard let bad = values.first(where: { !$0.isFinite }) else { return [] }
    return [ScenarioProblem(key: key, message: "must be a finite number, got \(bad)")]
  }

  static func temperature(_ t: Double) -> [ScenarioProblem] {
    guard !t.isFinite || !temperatureRange.contains(t) else { return [] }
    return [
      ScenarioProblem(
        key: "distribution.temperature", message: "must be between 0.01 and 100, got \(t)")
    ]
  }

  static func standardDeviation(_ std: Double) -> [ScenarioProblem] {
    if !std.isFinite { return finite([std], key: "distribution.std") }
    guard std <= 0 else { return [] }
    return [ScenarioProblem(key: "distribution.std", message: "must be greater than 0, got \(std)")]
  }

  static func draws(_ k: Int) -> [ScenarioProblem] {
    guard !drawsRange.contains(k) else { return [] }
    return [ScenarioProblem(key: "options.draws", message: "must be between 2 and 1024, got \(k)")]
  }
}
