/// What a sweep measured: at each point, the exact loss and gradient and each estimator's
/// statistics, with the same meaning as `samplegrad run`'s at that setting.
public struct SweepResult: Sendable {
  public let plan: SweepPlan
  public let seed: UInt64
  /// Single-sample estimates per point and estimator.
  public let samples: Int
  public let points: [SweepPoint]

  public init(plan: SweepPlan, seed: UInt64, samples: Int, points: [SweepPoint]) {
    self.plan = plan
    self.seed = seed
    self.samples = samples
    self.points = points
  }
}

/// One point of a sweep.
public struct SweepPoint: Sendable {
  /// The swept setting's value here.
  public let value: Double
  public let exact: ExactSolution
  /// One result per estimator of the plan, in the plan's order.
  public let estimators: [EstimatorResult]

  public init(value: Double, exact: ExactSolution, estimators: [EstimatorResult]) {
    self.value = value
    self.exact = exact
    self.estimators = estimators
  }

  /// The estimator with the lowest MSE on component `i` here, by `MeanSquaredErrorRanking`
  /// (exact, constant misses and hidden kinds left out).
  public func lowestMeanSquaredError(component i: Int, leavingOut: Set<EstimatorKind> = [])
    -> Int?
  {
    MeanSquaredErrorRanking.lowest(estimators, component: i, leavingOut: leavingOut)
  }
}

extension EstimatorResult {
  /// Component `i`'s summary alone, the same numbers as `summaries[i]` without building the
  /// other components' (a sweep reads one component at every point, every frame).
  public func summary(_ i: Int) -> EstimateSummary {
    let count = moments.count
    let variance = count > 1 ? max(moments.sumOfSquares[i], 0) / Double(count - 1) : 0
    let standardError = count > 1 ? (variance / Double(count)).squareRoot() : 0
    return EstimateSummary(
      mean: moments.mean[i], exact: exact[i], variance: variance, standardError: standardError,
      samples: count, unbiasedInTheory: unbiasedInTheory)
  }

  /// Per component, `bias^2 + variance` (`EstimateSummary.meanSquaredError`): the error of
  /// one single-sample estimate, what a choice between a biased and an unbiased estimator
  /// must weigh. The bias is the measured `mean - exact`, so its square carries a noise of
  /// about `SE^2 = variance / samples`, negligible beside the variance it is added to.
  public var meanSquaredError: [Double] { summaries.map(\.meanSquaredError) }

  /// Per component, `bias^2`, the systematic part of the error.
  public var squaredBias: [Double] { bias.map { $0 * $0 } }

  /// Per component, `SE^2 = variance / samples`: where an unbiased estimator's measured
  /// `bias^2` sits (its expected value), the floor below which a bias is not seen.
  public var noiseFloor: [Double] { standardError.map { $0 * $0 } }
}
