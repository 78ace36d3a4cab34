/// A validated distribution and objective with everything that does not change between
/// samples computed once: probabilities, exact loss and gradient.
public struct GradientProblem: Sendable {
  public let distribution: Distribution
  public let objective: Objective
  public let options: EstimatorOptions
  public let exact: ExactSolution
  /// Probabilities of the discrete outcomes (categorical: K; bernoulli: `[1 - p, p]`).
  public let probabilities: [Double]
  /// Number of gradient components.
  public let dimension: Int

  public init(distribution: Distribution, objective: Objective, options: EstimatorOptions) {
    self.distribution = distribution
    self.objective = objective
    self.options = options
    exact = ExactSolution(distribution: distribution, objective: objective)
    probabilities = distribution.probabilities
    dimension = distribution.parameterCount
  }

  /// A problem whose exact solution the caller already has (a model computes it for a
  /// batch of images at once by enumeration), or does not need: a training lane on a model
  /// never reads it, and passes `ExactSolution.notComputed(dimension:)`.
  public init(
    distribution: Distribution, objective: Objective, options: EstimatorOptions,
    exact: ExactSolution
  ) {
    self.distribution = distribution
    self.objective = objective
    self.options = options
    self.exact = exact
    probabilities = distribution.probabilities
    dimension = distribution.parameterCount
  }

  /// Validates a distribution and an objective and compiles them.
  public init(
    distribution: DistributionSpec, objective: ObjectiveSpec,
    options: EstimatorOptions = EstimatorOptions()
  ) throws(InvalidScenario) {
    let d = try Distribution(distribution)
    let problems = options.problems
    guard problems.isEmpty else { throw InvalidScenario(problems) }
    self.init(distribution: d, objective: try Objective(objective, for: d), options: options)
  }

  /// Outcomes per variable of the discrete sample (bernoulli: 2; continuous: 0).
  public var categories: Int { distribution.categories }

  /// Independent variables D.
  public var variables: Int { distribution.variables }
}
