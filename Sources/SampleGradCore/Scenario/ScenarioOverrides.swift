import Foundation

/// Command-line changes to a scenario (`--temperature`, `--logits`, ...). Problems name the
/// flag, not the TOML key, since that is what the user typed.
public struct ScenarioOverrides: Sendable, Equatable {
  public var temperature: Double?
  public var logits: [Double]?
  public var estimators: [String]?
  /// Estimator options by key (`--option eta=0.5`).
  public var options: [String: Double] = [:]

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

  /// Parses `eta=0.5`: a key some estimator declares and a number (checked against the
  /// option's range when applied).
  public static func parseOption(_ text: String, flag: String) throws(ScenarioError) -> (
    String, Double
  ) {
    let parts = text.split(separator: "=", maxSplits: 1).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard parts.count == 2, !parts[0].isEmpty else {
      throw ScenarioError(
        source: Self.source, key: flag,
        "expected KEY=VALUE (options: \(EstimatorRegistry.optionNames)), got '\(text)'")
    }
    // `rloo.draws=96` sets it for one estimator; the scenario's rules check the pair.
    let key = parts[0].split(separator: ".").last.map(String.init) ?? parts[0]
    guard EstimatorRegistry.option(key) != nil else {
      throw ScenarioError(
        source: Self.source, key: flag,
        "unknown option '\(parts[0])' (known: \(EstimatorRegistry.optionNames), or NAME.KEY for one estimator)"
      )
    }
    guard let value = Double(parts[1]) else {
      throw ScenarioError(
        source: Self.source, key: flag, "\(parts[0]): expected a number, got '\(parts[1])'")
    }
    return (parts[0], value)
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
    if !options.isEmpty {
      var merged = scenario.options
      for (key, value) in options.sorted(by: { $0.key < $1.key }) {
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        merged =
          parts.count == 2
          ? merged.setting(parts[1], for: parts[0], to: value) : merged.setting(key, to: value)
      }
      do throws(InvalidScenario) {
        scenario = try scenario.with(options: merged)
      } catch {
        problems += error.problems.map {
          ScenarioProblem(
            key: $0.key.replacingOccurrences(of: "options.", with: "--option "), message: $0.message
          )
        }
      }
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
