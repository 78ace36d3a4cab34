/// A distribution that satisfies every rule of its family (parameters inside `NumericDomain`,
/// 2 to 64 categories, a temperature in range, a positive std, ...). It can only be built
/// through the throwing initialiser, so a sampler never sees a NaN, a non-positive
/// temperature or a bad length.
public struct Distribution: Sendable, Equatable {
  /// The validated description.
  public let spec: DistributionSpec

  public init(_ spec: DistributionSpec) throws(InvalidScenario) {
    let problems = Self.problems(spec)
    guard problems.isEmpty else { throw InvalidScenario(problems) }
    self.spec = spec
  }

  /// The rules a distribution must satisfy, each with the key that holds the value.
  public static func problems(_ spec: DistributionSpec) -> [ScenarioProblem] {
    spec.family.problems
  }

  public var kind: DistributionKind { spec.kind }
  public var capabilities: DistributionCapabilities { spec.capabilities }
  /// Discrete samples: a histogram of categories. Otherwise a binned real line.
  public var isDiscrete: Bool { capabilities.contains(.discrete) }
  public var parameterCount: Int { spec.parameterCount }
  public var parameterNames: [String] { spec.parameterNames }
  public var parameters: [Double] { spec.parameters }
  public var temperature: Double? { spec.temperature }
  /// Independent variables D.
  public var variables: Int { spec.variables }

  /// Outcomes per variable (categorical: K; bernoulli: 2; continuous: 0).
  public var categories: Int { spec.outcomes }

  /// Probabilities of each variable's outcomes, `D x K` row-major: softmax(logits), or
  /// `[1 - p, p]` per bit.
  public var probabilities: [Double] { spec.family.probabilities }

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
