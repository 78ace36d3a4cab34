/// A distribution as a scenario file or a flag writes it, before any rule is checked: one
/// value of a family type (`Categorical`, `Bernoulli`, `Gaussian`, see `FamilyRegistry`).
/// `Distribution` is the validated form every sampler takes.
public struct DistributionSpec: Sendable, Equatable {
  /// The family and its values; everything below asks it.
  let family: any DistributionFamily

  init(_ family: some DistributionFamily) {
    self.family = family
  }

  init(family: any DistributionFamily) {
    self.family = family
  }

  public static func == (a: DistributionSpec, b: DistributionSpec) -> Bool {
    a.family.isEqual(to: b.family)
  }

  /// One categorical variable, `p = softmax(logits)`; relaxed samples use `temperature`.
  public static func categorical(logits: [Double], temperature: Double) -> DistributionSpec {
    DistributionSpec(Categorical(logits: logits, temperature: temperature))
  }

  /// D categorical variables, one row of K logits each.
  public static func categorical(rows: [[Double]], temperature: Double) -> DistributionSpec {
    DistributionSpec(Categorical(rows: rows, temperature: temperature))
  }

  /// One bit, `p = sigmoid(logOdds)`; relaxed samples (binary Concrete) use `temperature`.
  public static func bernoulli(logOdds: Double, temperature: Double) -> DistributionSpec {
    DistributionSpec(Bernoulli(logOdds: [logOdds], temperature: temperature))
  }

  /// D independent bits, one log-odds each.
  public static func bernoulli(logOdds: [Double], temperature: Double) -> DistributionSpec {
    DistributionSpec(Bernoulli(logOdds: logOdds, temperature: temperature))
  }

  /// `x = mean + std * eps`; gradients are taken against `(mean, std)`.
  public static func gaussian(mean: Double, std: Double) -> DistributionSpec {
    DistributionSpec(Gaussian(mean: mean, std: std))
  }

  public var kind: DistributionKind { family.kind }

  /// Number of gradient components.
  public var parameterCount: Int { family.parameters.count }

  /// Short labels for the gradient components, as the table and the screen show them.
  public var parameterNames: [String] { family.parameterNames }

  /// The parameters as one vector (the order of `parameterNames`).
  public var parameters: [Double] { family.parameters }

  /// The relaxation temperature, or nil for a distribution without a relaxation.
  public var temperature: Double? { family.temperature }

  /// What this family offers estimators.
  public var capabilities: DistributionCapabilities { family.capabilities }

  /// Independent variables (1 for a single variable).
  public var variables: Int { family.variables }

  /// Outcomes per variable (a bernoulli's 2; 0 for a continuous distribution).
  public var outcomes: Int { family.outcomes }

  /// A short description for headers and tables.
  public var summary: String { family.summary }

  /// `categorical, K = 4` (compact: `categorical K=4`), `128 bits`, `gaussian`.
  public func shape(compact: Bool) -> String { family.shape(compact: compact) }

  /// How the parameters make the distribution: `p = softmax(θ)`.
  public func parameterFormula(theta: String) -> String { family.parameterFormula(theta: theta) }

  /// The probability parameter `index`'s row shows (its category's p, its bit's P(b = 1)).
  public func probability(ofParameter index: Int, in probabilities: [Double]) -> Double? {
    family.probability(ofParameter: index, in: probabilities)
  }

  /// Whether parameter `index` is a scale (a std): positive, moved by a factor.
  public func isScale(parameter index: Int) -> Bool { family.isScale(parameter: index) }

  /// One label per outcome of each variable (`D x K`).
  public var outcomeNames: [String] { family.outcomeNames }

  /// A copy with a new temperature (unchanged for a distribution without one).
  public func with(temperature: Double) -> DistributionSpec {
    DistributionSpec(family: family.with(temperature: temperature))
  }

  /// The same family with `variables` independent variables (the current ones repeated in
  /// turn), or nil for a family of one variable.
  public func with(variables: Int) -> DistributionSpec? {
    func resize<F: DistributionFamily>(_ family: F) -> DistributionSpec? {
      family.with(variables: variables).map { DistributionSpec($0) }
    }
    return resize(family)
  }

  /// A copy with parameter `index` set to `value`. An index out of range leaves it unchanged.
  public func with(parameter index: Int, value: Double) -> DistributionSpec {
    guard family.parameters.indices.contains(index) else { return self }
    return DistributionSpec(family: family.with(parameter: index, value: value))
  }
}
