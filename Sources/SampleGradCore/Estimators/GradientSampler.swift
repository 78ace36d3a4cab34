/// Draws single-sample gradient estimates of one estimator on one problem.
///
/// One sampler per worker and estimator: it holds the estimator built by the registry
/// (which owns its buffers and running state) and hands out plain arrays, never pointers
/// into its storage.
public final class GradientSampler {
  public let problem: GradientProblem
  public let kind: EstimatorKind
  var estimator: any GradientEstimator

  public init(problem: GradientProblem, kind: EstimatorKind) throws(EstimatorNotApplicable) {
    if let reason = EstimatorNotApplicable.check(
      kind, distribution: problem.distribution.spec, objective: problem.objective.kind)
    {
      throw reason
    }
    self.problem = problem
    self.kind = kind
    estimator = kind.descriptor.make(problem)
  }

  /// Forgets running state (the baseline, rebar-auto's sums), as at the start of a new stream.
  public func resetState() { estimator.resetState() }

  /// Draws one estimate.
  public func estimate(using rng: inout Xoshiro256StarStar) -> [Double] {
    let dimension = problem.dimension
    return [Double](unsafeUninitializedCapacity: dimension) { buffer, count in
      buffer.initialize(repeating: 0)
      estimator.estimate(into: buffer.baseAddress!, using: &rng)
      count = dimension
    }
  }

  /// Draws `count` estimates into `moments` (the block path where the estimator has one).
  public func run(
    count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments
  ) {
    estimator.run(count: count, using: &rng, into: &moments)
  }

  /// Draws `count` estimates through the one-sample path, whatever `run` would take.
  public func runOneSample(
    count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments
  ) {
    estimator.loopOneSample(count: count, using: &rng, into: &moments)
  }

  /// Whether `run` takes a block path of its own.
  public var hasBlockPath: Bool { estimator.hasBlockPath }

  /// The control-variate scale in use (rebar: fixed; rebar-auto: its latest value).
  public var eta: Double? { estimator.eta }

  /// Evaluations of `f` per estimate.
  public var evaluations: Int { kind.descriptor.evaluations(problem.options) }
}
