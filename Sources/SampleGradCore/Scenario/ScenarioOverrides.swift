import Foundation

/// Command-line changes to a scenario (`--temperature`, `--logits`, ...). Problems name the
/// flag, not the TOML key, since that is what the user typed.
public struct ScenarioOverrides: Sendable, Equatable {
  public var temperature: Double?
  public var logits: [Double]?
  public var estimators: [String]?

  public init(temperature: Double? = nil, logits: [Double]? = nil, estimators: [String]? = nil) {
    self.temperature = temperature
    self.logits = logits
    self.estimators = estimators
  }

  /// Parses `1,0.5,-0.5` into numbers, or says which entry is not one.
  public static func parseNumbers(_ text: String, flag: String) throws(ScenarioError) -> [Double] {
    var values: [Double] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let trimmed = part.trimmingCharacters(in: .whitespaces)
      guard let value = Double(trimmed), value.isFinite else {
        throw ScenarioError(
          source: "command line", key: flag, "'\(trimmed)' is not a finite number (in '\(text)')")
      }
      values.append(value)
    }
    return values
  }

  /// The scenario with these changes, validated; problems name the flags.
  public func apply(to base: Scenario) throws(ScenarioError) -> Scenario {
    var scenario = base
    var problems: [ScenarioProblem] = []
    if let temperature {
      if base.distribution.kind == .gaussian {
        problems.append(
          ScenarioProblem(key: "--temperature", message: "a gaussian scenario has no temperature"))
      } else if !temperature.isFinite || !Scenario.temperatureRange.contains(temperature) {
        problems.append(
          ScenarioProblem(
            key: "--temperature", message: "must be between 0.01 and 100, got \(temperature)"))
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
      problems = scenario.problems()
    }
    guard problems.isEmpty else { throw ScenarioError(source: "command line", problems: problems) }
    return scenario
  }
}
