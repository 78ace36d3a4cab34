/// A validated distribution and objective with everything that does not change between
/// samples computed once: probabilities, log-normaliser, exact loss and gradient.
public struct GradientProblem: Sendable {
  public let distribution: DistributionSpec
  public let objective: Objective
  /// REBAR's control-variate scale.
  public let eta: Double
  public let exact: ExactSolution
  /// Probabilities of the discrete outcomes (categorical: K; bernoulli: `[1 - p, p]`).
  public let probabilities: [Double]
  /// Number of gradient components.
  public let dimension: Int

  /// Categories of the discrete sample (bernoulli: 2; gaussian: 0).
  public var categories: Int {
    switch distribution {
    case .categorical(let logits, _): logits.count
    case .bernoulli: 2
    case .gaussian: 0
    }
  }

  public init(distribution: DistributionSpec, objective: ObjectiveSpec, eta: Double = 1) {
    self.distribution = distribution
    let k: Int
    if case .categorical(let logits, _) = distribution { k = logits.count } else { k = 0 }
    self.objective = Objective(spec: objective, categories: k)
    self.eta = eta
    self.exact = ExactSolution(distribution: distribution, objective: self.objective)
    self.probabilities = distribution.probabilities
    self.dimension = distribution.parameterCount
  }
}
