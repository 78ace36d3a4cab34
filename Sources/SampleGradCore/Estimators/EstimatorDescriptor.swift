/// Everything samplegrad knows of one estimator besides its code: its name, its random
/// stream, what it needs, whether it is unbiased, what one estimate costs, the options it
/// reads and the diagnostics it reports, its own rules on a scenario, and how to build it
/// for a problem. Each estimator's file declares its descriptor; `EstimatorRegistry` lists
/// them.
public struct EstimatorDescriptor: Sendable {
  public let kind: EstimatorKind
  /// The stream id its random numbers come from. Never changes once released, so adding an
  /// estimator never moves another's seeded numbers (0 is the outcome sampler's).
  public let stream: UInt64
  /// A row label that fits 14 columns.
  public let shortName: String
  /// A row label that fits 25 columns.
  public let longName: String
  /// One line on what it does, for listings and the legend.
  public let summary: String
  /// Whether its mean is the exact gradient of `E[f(x)]` (theory; the screen shows what the
  /// data say).
  public let isUnbiased: Bool
  /// What the objective must also offer for the unbiasedness to hold (the pathwise
  /// estimator needs a continuous f: on a step it returns 0).
  public let unbiasedNeeds: ObjectiveCapabilities
  public let needs: EstimatorNeeds
  /// The options it reads (`[options]` keys), declared in its file.
  public let options: [EstimatorOption]
  /// The numbers it reports as it runs, in the order `GradientEstimator.diagnostics` gives.
  public let diagnostics: [EstimatorDiagnostic]
  /// Evaluations of `f` (a value, a derivative, or both at one point count once) per estimate.
  let evaluationCount: @Sendable (GradientProblem) -> Int
  /// Evaluations of a learned control variate's network per estimate (RELAX, LAX), counted
  /// apart from `f`'s; nil for an estimator without one.
  let surrogateEvaluationCount: (@Sendable (GradientProblem) -> Int)?
  /// Its own rules on a scenario whose needs it meets (say, "k <= K"), each a message for
  /// the `estimators` key.
  let rules: @Sendable (DistributionSpec, EstimatorOptions) -> [String]
  /// Builds the estimator for a problem whose distribution meets its needs.
  let make: @Sendable (GradientProblem) -> any GradientEstimator

  init(
    kind: EstimatorKind, stream: UInt64, shortName: String, longName: String? = nil,
    summary: String, isUnbiased: Bool, unbiasedNeeds: ObjectiveCapabilities = [],
    needs: EstimatorNeeds = EstimatorNeeds(), options: [EstimatorOption] = [],
    diagnostics: [EstimatorDiagnostic] = [],
    evaluations: @escaping @Sendable (GradientProblem) -> Int = { _ in 1 },
    surrogateEvaluations: (@Sendable (GradientProblem) -> Int)? = nil,
    rules: @escaping @Sendable (DistributionSpec, EstimatorOptions) -> [String] = { _, _ in [] },
    make: @escaping @Sendable (GradientProblem) -> any GradientEstimator
  ) {
    self.kind = kind
    self.stream = stream
    self.shortName = shortName
    self.longName = longName ?? shortName
    self.summary = summary
    self.isUnbiased = isUnbiased
    self.unbiasedNeeds = unbiasedNeeds
    self.needs = needs
    self.options = options
    self.diagnostics = diagnostics
    self.evaluationCount = evaluations
    surrogateEvaluationCount = surrogateEvaluations
    self.rules = rules
    self.make = make
  }

  /// Whether theory says its mean is the exact gradient for this objective.
  public func isUnbiased(on objective: ObjectiveKind) -> Bool {
    isUnbiased && objective.capabilities.isSuperset(of: unbiasedNeeds)
  }

  /// Evaluations of `f` per estimate on this problem.
  public func evaluations(_ problem: GradientProblem) -> Int { evaluationCount(problem) }

  /// Evaluations of the learned control variate's network per estimate, or nil.
  public func surrogateEvaluations(_ problem: GradientProblem) -> Int? {
    surrogateEvaluationCount?(problem)
  }

  /// Its own rules' problems on a distribution (whose needs it meets) and options.
  public func problems(_ distribution: DistributionSpec, options: EstimatorOptions) -> [String] {
    rules(distribution, options)
  }
}
