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
  /// are in range is the scenario's own rule (`Scenario.problems()`).
  public static func parseNumbers(_ text: String, flag: String) throws(ScenarioError) -> [Double] {
    var values: [Double] = []
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    for (i, part) in parts.enumerated() {
      let trimmed = part.trimmingCharacters(in: .whitespaces)
      guard let value = Double(trimmed) else {
        throw ScenarioError(
          source: Self.source, key: flag,
          "expected comma-separated numbers, got \(describe(trimmed)) (value \(i + 1) of '\(text)')"
        )
      }
      values.append(value)
    }
    return values
  }

  /// Splits `exact,rebar` into names; an empty entry is refused as `--logits` refuses one.
  public static func parseNames(_ text: String, flag: String) throws(ScenarioError) -> [String] {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    var names: [String] = []
    for (i, part) in parts.enumerated() {
      let trimmed = part.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty else {
        throw ScenarioError(
          source: Self.source, key: flag,
          "expected comma-separated estimator names, got an empty value (value \(i + 1) of '\(text)')"
        )
      }
      names.append(trimmed)
    }
    return names
  }

  private static func describe(_ entry: String) -> String {
    entry.isEmpty ? "an empty value" : "'\(entry)'"
  }

  /// The scenario with these changes, validated; problems name the flags.
  public func apply(to base: Scenario) throws(ScenarioError) -> Scenario {
    var scenario = base
    var problems: [ScenarioProblem] = []
    if let temperature {
      if base.distribution.kind == .gaussian {
        problems.append(
          ScenarioProblem(key: "--temperature", message: "a gaussian scenario has no temperature"))
      } else {
        scenario.distribution = scenario.distribution.with(temperature: temperature)
      }
    }
    if let logits {
      switch scenario.distribution {
      case .categorical(let old, let t):
        if logits.count != old.count {
          problems.append(
            ScenarioProblem(
              key: "--logits",
              message:
                "scenario '\(base.name)' has \(old.count) categories, got \(logits.count) values"))
        } else {
          scenario.distribution = .categorical(logits: logits, temperature: t)
        }
      case .bernoulli(_, let t):
        if logits.count != 1 {
          problems.append(
            ScenarioProblem(
              key: "--logits", message: "a bernoulli has one log-odds, got \(logits.count) values"))
        } else {
          scenario.distribution = .bernoulli(logOdds: logits[0], temperature: t)
        }
      case .gaussian:
        problems.append(
          ScenarioProblem(
            key: "--logits", message: "a gaussian scenario has no logits (it has mean and std)"))
      }
    }
    if let estimators {
      var kinds: [EstimatorKind] = []
      for name in estimators {
        guard let kind = EstimatorKind.parse(name) else {
          problems.append(
            ScenarioProblem(
              key: "--estimators",
              message: "unknown estimator '\(name)' (known: \(EstimatorKind.validNames))"))
          continue
        }
        if !kind.applies(to: base.distribution.kind) {
          problems.append(
            ScenarioProblem(
              key: "--estimators",
              message: EstimatorNotApplicable(estimator: kind, distribution: base.distribution.kind)
                .description))
        }
        kinds.append(kind)
      }
      scenario.estimators = kinds
    }
    if problems.isEmpty {
      // What is wrong now came from a flag: name the flag, not the file's key.
      let flags = [
        "distribution.temperature": "--temperature", "distribution.logits": "--logits",
        "estimators": "--estimators",
      ]
      problems = scenario.problems().map {
        ScenarioProblem(key: flags[$0.key] ?? $0.key, message: $0.message)
      }
    }
    guard problems.isEmpty else { throw ScenarioError(source: Self.source, problems: problems) }
    return scenario
  }
}
