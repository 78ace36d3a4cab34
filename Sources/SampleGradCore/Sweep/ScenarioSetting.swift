import Foundation

/// One number of a scenario that a sweep varies (and the explorer can set on its own): the
/// relaxation temperature, an estimator's real-valued option (REBAR's `eta`), a distribution
/// parameter, or the objective's scalar target, frequency or threshold.
///
/// A setting is read and written only through the scenario's own checked `with` methods, so a
/// swept value obeys exactly the rules a scenario file does (a temperature in 0.01...100, a
/// positive std, finite numbers).
public enum ScenarioSetting: Sendable, Hashable {
  case temperature
  /// An option an estimator declares (`EstimatorOption`, by key), real-valued.
  case option(String)
  /// Parameter `index` (0-based): a logit, the log-odds, the mean or the std.
  case parameter(Int)
  /// A quadratic objective's scalar target `k` in `(x - k)^2` (bernoulli, gaussian), or the
  /// target of `mean-squared` and `squared-mean`.
  case target
  /// The number of independent variables D (a many-variable objective's): the current
  /// variables repeated in turn.
  case dimension
  /// A cosine objective's frequency `k` in `cos(k x)`.
  case frequency
  /// A step objective's threshold `c` in `1[x > c]`.
  case threshold

  /// As `--over` and scenario files spell it: `temperature`, `eta`, `parameter:2`
  /// (1-based, like the screen's "logit 2"), `target`, `frequency`, `threshold`.
  public var name: String {
    switch self {
    case .temperature: "temperature"
    case .option(let key): key
    case .parameter(let index): "parameter:\(index + 1)"
    case .target: "target"
    case .dimension: "dimension"
    case .frequency: "frequency"
    case .threshold: "threshold"
    }
  }

  /// The options a sweep can vary: those that take any real number in a range and act at
  /// every sample (`EstimatorOption.isSweepable`).
  public static var sweepableOptions: [EstimatorOption] {
    EstimatorRegistry.options.filter(\.isSweepable)
  }

  /// The spellings `parse` accepts, for error messages.
  public static var validNames: String {
    (["temperature"] + sweepableOptions.map(\.key) + [
      "parameter:N", "target", "frequency", "threshold", "dimension",
    ])
    .joined(separator: ", ")
  }

  /// Parses `name`'s spelling (`parameter:N` with N from 1).
  public static func parse(_ text: String) -> ScenarioSetting? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    switch trimmed {
    case "temperature": return .temperature
    case "target": return .target
    case "dimension": return .dimension
    case "frequency": return .frequency
    case "threshold": return .threshold
    case let key where sweepableOptions.contains { $0.key == key }: return .option(key)
    default:
      let prefix = "parameter:"
      guard trimmed.hasPrefix(prefix), let n = Int(trimmed.dropFirst(prefix.count)), n >= 1
      else { return nil }
      return .parameter(n - 1)
    }
  }

  /// What the screen and the table call it in `scenario`: `temperature`, `eta`, `logit 2`,
  /// `std`, `target`, `frequency`, `threshold`.
  public func label(in scenario: Scenario) -> String {
    if case .parameter(let index) = self {
      let names = scenario.distribution.parameterNames
      return names.indices.contains(index) ? names[index] : name
    }
    return name
  }

  /// Why `scenario` has no such number, or nil if it has one.
  public func unavailable(in scenario: Scenario) -> String? {
    let distribution = scenario.distribution
    switch self {
    case .temperature:
      return distribution.temperature == nil
        ? "a \(distribution.kind.rawValue) has no temperature" : nil
    case .option(let key):
      let readers = EstimatorRegistry.readers(of: key)
      guard !readers.isEmpty else { return "no estimator reads an option '\(key)'" }
      let applies = readers.contains {
        EstimatorNotApplicable.check($0, distribution: distribution.spec, objective: nil) == nil
      }
      let names = readers.map(\.rawValue).joined(separator: " and ")
      return applies
        ? nil
        : "\(key) is \(names)'s, and \(names) does not apply to a \(distribution.kind.rawValue)"
    case .parameter(let index):
      return distribution.parameters.indices.contains(index)
        ? nil
        : "there is no parameter \(index + 1) (this \(distribution.kind.rawValue) has \(distribution.parameterCount))"
    case .target:
      switch scenario.objective.spec {
      case .quadratic(let target):
        return target.count == 1
          ? nil : "the target of a categorical is a vector (one value per category), not a number"
      case .meanSquared, .squaredMean:
        return nil
      default:
        return
          "only a quadratic objective has a target (this one is \(scenario.objective.kind.rawValue))"
      }
    case .dimension:
      guard distribution.spec.with(variables: 2) != nil else {
        return "a \(distribution.kind.rawValue) has one variable"
      }
      return scenario.objective.kind.takesManyVariables
        ? nil
        : "D variables need a many-variable objective (mean-squared or squared-mean; this one is \(scenario.objective.kind.rawValue))"
    case .frequency:
      return scenario.objective.kind == .cosine
        ? nil
        : "only a cosine objective has a frequency (this one is \(scenario.objective.kind.rawValue))"
    case .threshold:
      return scenario.objective.kind == .step
        ? nil
        : "only a step objective has a threshold (this one is \(scenario.objective.kind.rawValue))"
    }
  }

  /// The setting's value in `scenario`, or nil if it has none.
  public func value(in scenario: Scenario) -> Double? {
    guard unavailable(in: scenario) == nil else { return nil }
    switch self {
    case .temperature: return scenario.distribution.temperature
    case .option(let key): return scenario.options.value(key)
    case .parameter(let index): return scenario.distribution.parameters[index]
    case .dimension: return Double(scenario.distribution.variables)
    case .target, .frequency, .threshold:
      switch scenario.objective.spec {
      case .quadratic(let target): return target[0]
      case .meanSquared(let target, _), .squaredMean(let target, _): return target
      case .cosine(let frequency): return frequency
      case .step(let threshold): return threshold
      case .linear, .table, .model: return nil
      }
    }
  }

  /// Whether only positive values are meaningful (a temperature, a std), so a log scale is
  /// the natural one and `0` is out of range.
  public func isPositive(in scenario: Scenario) -> Bool {
    switch self {
    case .temperature: true
    case .parameter(let index): scenario.distribution.spec.family.isScale(parameter: index)
    case .dimension: true
    case .option, .target, .frequency, .threshold: false
    }
  }

  /// Every setting `scenario` has, in the order the sweep view offers them (`o` cycles):
  /// the temperature, each real-valued option (`eta`), each parameter, then the objective's
  /// number.
  public static func available(in scenario: Scenario) -> [ScenarioSetting] {
    let candidates: [ScenarioSetting] =
      [.temperature] + sweepableOptions.map { .option($0.key) }
      + scenario.distribution.parameters.indices.map { .parameter($0) }
      + [.target, .frequency, .threshold, .dimension]
    return candidates.filter { $0.unavailable(in: scenario) == nil }
  }
}

extension Scenario {
  /// The same scenario with `setting` at `value`, checked by the scenario's own rules (the
  /// error's key is the file's: `distribution.temperature`, `options.eta`, ...).
  public func with(_ setting: ScenarioSetting, value: Double) throws(InvalidScenario) -> Scenario {
    if let reason = setting.unavailable(in: self) {
      throw InvalidScenario(key: "", reason)
    }
    switch setting {
    case .temperature:
      return try with(temperature: value)
    case .option(let key):
      return try with(options: options.setting(key, to: value))
    case .parameter(let index):
      return try with(parameter: index, value: value)
    case .target:
      switch objective.spec {
      case .meanSquared(_, let values):
        return try with(objective: .meanSquared(target: value, values: values))
      case .squaredMean(_, let values):
        return try with(objective: .squaredMean(target: value, values: values))
      default:
        return try with(objective: .quadratic(target: [value]))
      }
    case .dimension:
      let n = value.rounded()
      guard n >= 1, n <= 1e9, let spec = distribution.spec.with(variables: Int(n)) else {
        throw InvalidScenario(
          key: "dimension",
          "must be a whole number of variables, got \(NumericDomain.show(value))")
      }
      return try with(distribution: spec)
    case .frequency:
      return try with(objective: .cosine(frequency: value))
    case .threshold:
      return try with(objective: .step(threshold: value))
    }
  }
}
