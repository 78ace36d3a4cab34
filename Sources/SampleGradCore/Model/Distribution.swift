/// A distribution that satisfies every rule: parameters inside `NumericDomain`, 2 to 64
/// categories, a temperature in range, a positive std. It can only be built through the throwing
/// initialiser, so a sampler never sees a NaN, a non-positive temperature or a bad length.
public struct Distribution: Sendable, Equatable {
  /// The validated description; match on it to reach the parameters.
  public let spec: DistributionSpec

  public init(_ spec: DistributionSpec) throws(InvalidScenario) {
    let problems = Self.problems(spec)
    guard problems.isEmpty else { throw InvalidScenario(problems) }
    self.spec = spec
  }

  /// The rules a distribution must satisfy, each with the key that holds the value.
  public static func problems(_ spec: DistributionSpec) -> [ScenarioProblem] {
    var found: [ScenarioProblem] = []
    switch spec {
    case .categorical(let logits, let temperature):
      if !Scenario.categoryRange.contains(logits.count) {
        found.append(
          ScenarioProblem(
            key: "distribution.logits",
            message: "needs 2 to 64 values (one per category), got \(logits.count)"))
      }
      found += ScenarioRules.inRange(logits, NumericDomain.logit, key: "distribution.logits")
      found += ScenarioRules.temperature(temperature)
    case .bernoulli(let l, let temperature):
      found += ScenarioRules.inRange([l], NumericDomain.logit, key: "distribution.logits")
      found += ScenarioRules.temperature(temperature)
    case .gaussian(let mean, let std):
      found += ScenarioRules.inRange([mean], NumericDomain.mean, key: "distribution.mean")
      found += ScenarioRules.standardDeviation(std)
    }
    return found
  }

  public var kind: DistributionKind { spec.kind }
  public var capabilities: DistributionCapabilities { spec.capabilities }
  /// Discrete samples: a histogram of categories. Otherwise a binned real line.
  public var isDiscrete: Bool { capabilities.contains(.discrete) }
  public var parameterCount: Int { spec.parameterCount }
  public var parameterNames: [String] { spec.parameterNames }
  public var parameters: [Double] { spec.parameters }
  public var temperature: Double? { spec.temperature }

  /// A Bernoulli's log-odds, read from the spec (`parameters` would build an array).
  var logOdds: Double {
    guard case .bernoulli(let l, _) = spec else {
      preconditionFailure("a \(kind.rawValue) distribution has no log-odds")
    }
    return l
  }

  /// A categorical's logits.
  var logits: [Double] {
    guard case .categorical(let logits, _) = spec else {
      preconditionFailure("a \(kind.rawValue) distribution has no logits")
    }
    return logits
  }

  /// Number of discrete outcomes (categorical: K; bernoulli: 2; continuous: 0).
  public var categories: Int {
    switch spec {
    case .categorical(let logits, _): logits.count
    case .bernoulli: 2
    case .gaussian: 0
    }
  }

  /// Probabilities of the discrete outcomes: softmax(logits), or `[1 - p, p]` for a Bernoulli.
  public var probabilities: [Double] {
    switch spec {
    case .categorical(let logits, _): LogSpace.softmax(logits)
    case .bernoulli(let l, _): [LogSpace.sigmoid(-l), LogSpace.sigmoid(l)]
    case .gaussian: []
    }
  }

  /// A copy with a new temperature, checked by the same rules.
  public func with(temperature: Double) throws(InvalidScenario) -> Distribution {
    guard self.temperature != nil else {
      throw InvalidScenario(
        key: "distribution.temperature", "a \(kind.rawValue) distribution has no temperature")
    }
    return try Distribution(spec.with(temperature: temperature))
  }

  /// A copy with parameter `index` set to `value`, checked by the same rules.
  public func with(parameter index: Int, value: Double) throws(InvalidScenario) -> Distribution {
    guard parameters.indices.contains(index) else {
      throw InvalidScenario(
        key: "distribution", "has no parameter \(index + 1) (it has \(parameterCount))")
    }
    return try Distribution(spec.with(parameter: index, value: value))
  }
}
