/// Everything samplegrad knows of one estimator besides its code: its name, its random
/// stream, what it needs, whether it is unbiased, what one estimate costs, and how to build
/// it for a problem.
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
  /// Evaluations of `f` (a value, a derivative, or both at one point count once) per estimate.
  let evaluationCount: @Sendable (EstimatorOptions) -> Int
  /// Builds the estimator for a problem whose distribution meets its needs.
  let make: @Sendable (GradientProblem) -> any GradientEstimator

  init(
    kind: EstimatorKind, stream: UInt64, shortName: String, longName: String? = nil,
    summary: String, isUnbiased: Bool, unbiasedNeeds: ObjectiveCapabilities = [],
    needs: EstimatorNeeds = EstimatorNeeds(),
    evaluations: @escaping @Sendable (EstimatorOptions) -> Int = { _ in 1 },
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
    self.evaluationCount = evaluations
    self.make = make
  }

  /// Whether theory says its mean is the exact gradient for this objective.
  public func isUnbiased(on objective: ObjectiveKind) -> Bool {
    isUnbiased && objective.capabilities.isSuperset(of: unbiasedNeeds)
  }

  /// Evaluations of `f` per estimate with these options.
  public func evaluations(_ options: EstimatorOptions) -> Int { evaluationCount(options) }
}
