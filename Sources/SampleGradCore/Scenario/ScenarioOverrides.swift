import Foundation

/// Command-line changes to a scenario (`--temperature`, `--logits`, ...). Problems name the
/// flag, not the TOML key, since that is what the user typed.
public struct ScenarioOverrides: Sendable, Equatable {
  public var temperature: Double?
  public var logits: [Double]?
  public var estimators: [String]?

  /// What a `ScenarioError` from these changes names as its source.
  public static let source = "command line"

  public init(temperature: Double? = nil, logits: [Double]? = nil, estimators: [String]? = nil) {
    self.temperature = temperature
    self.logits = logits
    self.estimators = estimators
  }

  /// Parses `1,0.5,-0.5` into numbers, or says which entry is not one. Whether the numbers
  /// are in range is the scenario's own rule (`NumericDomain`).
  public static func parseNumbers(_ text: String, flag: String) throws(ScenarioError) -> [Double] {
    try parseList(text, flag: flag, expected: "numbers") { Double($0) }
  }

  /// Splits `exact,rebar` into names; an empty entry is refused as `--logits` refuses one.
  public static func parseNames(_ text: String, flag: String) throws(ScenarioError) -> [String] {
    try parseList(text, flag: flag, expected: "estimator names") { $0.isEmpty ? nil : $0 }
  }

  /// Splits `text` at commas, trims each entry and converts it, or says which entry (counting
  /// from 1) `convert` refused.
  private static func parseList<Value>(
    _ text: String, flag: String, expected: String, _ convert: (String) -> Value?
  ) throws(ScenarioError) -> [Value] {
    var values: [Value] = []
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    for (i, part) in parts.enumerated() {
      let trimmed = part.trimmingCharacters(in: .whitespaces)
      guard let value = convert(trimmed) else {
        throw ScenarioError(
          source: Self.source, key: flag,
          "expected comma-separated \(expected), got \(describe(trimmed)) (value \(i + 1) of '\(text)')"
        )
      }
      values.append(value)
    }
    return values
  }

  private static func describe(_ entry: String) -> String {
    entry.isEmpty ? "an empty value" : "'\(entry)'"
  }

  /// The scenario with these changes, checked by the scenario's own rules; problems name
  /// the flags, not the keys of a file.
  public func apply(to base: Scenario) throws(ScenarioError) -> Scenario {
    var scenario = base
    var problems: [ScenarioProblem] = []
    func attempt(_ flag: String, _ change: (Scenario) throws(InvalidScenario) -> Scenario) {
      do throws(InvalidScenario) {
        scenario = try change(scenario)
      } catch {
        problems += error.problems.map { ScenarioProblem(key: flag, message: $0.message) }
      }
    }
    if let temperature {
      attempt("--temperature") { s throws(InvalidScenario) in try s.with(temperature: temperature) }
    }
    if let logits {
      attempt("--logits") { s throws(InvalidScenario) in try s.with(logits: logits) }
    }
    if let estimators,
      let kinds = EstimatorKind.named(estimators, key: "--estimators", problems: &problems),
      problems.isEmpty
    {
      attempt("--estimators") { s throws(InvalidScenario) in try s.with(estimators: kinds) }
    }
    guard problems.isEmpty else { throw ScenarioError(source: Self.source, problems: problems) }
    return scenario
  }
}
