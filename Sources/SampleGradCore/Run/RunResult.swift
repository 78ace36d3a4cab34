/// Everything a finished headless run measured, before it is printed as JSON or a table.
public struct RunResult: Sendable {
  public let scenario: Scenario
  public let seed: UInt64
  public let samples: Int
  public let problem: GradientProblem
  public let estimators: [EstimatorResult]
  public let histogram: Histogram
  /// Mean of the relaxed samples (empty for a gaussian).
  public let relaxedMean: [Double]

  public init(
    scenario: Scenario, seed: UInt64, samples: Int, problem: GradientProblem,
    estimators: [EstimatorResult], histogram: Histogram, relaxedMean: [Double]
  ) {
    self.scenario = scenario
    self.seed = seed
    self.samples = samples
    self.problem = problem
    self.estimators = estimators
    self.histogram = histogram
    self.relaxedMean = relaxedMean
  }
}

/// One estimator's statistics against the exact gradient.
public struct EstimatorResult: Sendable {
  public let kind: EstimatorKind
  public let moments: RunningMoments
  public let exact: [Double]
  /// Evaluations of `f` per estimate, to compare variances at equal cost.
  public let evaluations: Int
  /// The estimator's diagnostics at the end (rebar's eta; rebar-auto's final running value).
  public let diagnostics: [DiagnosticReading]
  /// Whether theory calls it unbiased on this objective (the pathwise gradient is not, on a
  /// step); it decides what an estimate that never varies and misses means.
  public let unbiasedInTheory: Bool

  public init(
    kind: EstimatorKind, moments: RunningMoments, exact: [Double], evaluations: Int = 1,
    diagnostics: [DiagnosticReading] = [], objective: ObjectiveKind? = nil
  ) {
    self.kind = kind
    self.moments = moments
    self.exact = exact
    self.evaluations = evaluations
    self.diagnostics = diagnostics
    unbiasedInTheory = objective.map { kind.descriptor.isUnbiased(on: $0) } ?? kind.isUnbiased
  }

  /// The diagnostic called `key` (`eta`), if the estimator reports one.
  public func diagnostic(_ key: String) -> Double? {
    diagnostics.first { $0.key == key }?.value
  }

  public var mean: [Double] { moments.mean }
  /// Per-component variance of the single-sample estimator.
  public var variance: [Double] { moments.variance }
  public var standardError: [Double] { moments.standardError }
  /// The error over all components at once (`total` in the JSON).
  public var total: TotalSummary { TotalSummary(moments: moments, exact: exact) }

  /// `mean - exact`, per component.
  public var bias: [Double] { zip(moments.mean, exact).map { $0 - $1 } }

  /// Each component's numbers with what they mean (relative noise, MSE, bias verdict).
  public var summaries: [EstimateSummary] {
    let variance = moments.variance
    let standardError = moments.standardError
    return exact.indices.map {
      EstimateSummary(
        mean: moments.mean[$0], exact: exact[$0], variance: variance[$0],
        standardError: standardError[$0], samples: moments.count,
        unbiasedInTheory: unbiasedInTheory)
    }
  }
}
