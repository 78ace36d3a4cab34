/// Draws single-sample gradient estimates of one estimator on one problem.
///
/// One sampler per worker and estimator: it holds the estimator built by the registry
/// (which owns its buffers and running state) and hands out plain arrays, never pointers
/// into its storage. A training run keeps one sampler per estimator and `rebind`s it to the
/// parameters of each step.
public final class GradientSampler {
  public private(set) var problem: GradientProblem
  public let kind: EstimatorKind
  var estimator: any GradientEstimator
  /// One estimate, for `averageEstimate`.
  private let scratch: ScratchBuffers

  public init(problem: GradientProblem, kind: EstimatorKind) throws(EstimatorNotApplicable) {
    if let reason = EstimatorNotApplicable.check(
      kind, distribution: problem.distribution.spec, objective: problem.objective.kind)
    {
      throw reason
    }
    self.problem = problem
    self.kind = kind
    estimator = kind.descriptor.make(problem)
    scratch = ScratchBuffers(count: problem.dimension, slots: 1)
  }

  /// Points the sampler at new parameters (a training step) in place: its buffers are reused
  /// and its running state (the baseline's mean, rebar-auto's sums, a spare normal) is kept.
  /// `problem` must differ from the current one in the distribution's parameters and
  /// temperature only (same family, size, objective and options).
  public func rebind(to problem: GradientProblem) {
    precondition(
      problem.distribution.kind == self.problem.distribution.kind
        && problem.dimension == self.problem.dimension
        && problem.objective == self.problem.objective
        && problem.options == self.problem.options,
      "rebind changes only the parameters and the temperature")
    self.problem = problem
    estimator.rebind(to: problem)
  }

  /// Primes running state before a training run's first step from draws of `rng` that no
  /// estimate reuses, so it stays unbiased: the baseline starts at `f` of one extra draw
  /// instead of 0. Estimators without running state draw nothing.
  public func warmUp(using rng: inout Xoshiro256StarStar) { estimator.warmUp(using: &rng) }

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

  /// Writes the mean of `count` one-sample estimates into `mean` (the problem's dimension of
  /// values): one training step's batch, with nothing allocated.
  public func averageEstimate(
    count: Int, using rng: inout Xoshiro256StarStar, into mean: inout [Double]
  ) {
    let dimension = problem.dimension
    precondition(mean.count == dimension && count >= 1)
    mean.withUnsafeMutableBufferPointer { sum in
      estimator.averageEstimate(count: count, using: &rng, scratch: scratch.slot(0), into: sum)
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

  /// The estimator's diagnostics now, keyed as its descriptor declares them (rebar: its fixed
  /// eta; rebar-auto: its latest).
  public var diagnostics: [DiagnosticReading] {
    zip(kind.descriptor.diagnostics, estimator.diagnostics).map {
      DiagnosticReading(key: $0.0.key, value: $0.1)
    }
  }

  /// Evaluations of `f` per estimate.
  public var evaluations: Int { kind.descriptor.evaluations(problem) }

  /// Values in a point of the learned control variate's domain (RELAX: the perturbed logits,
  /// D x K or D log-odds; LAX: the sample), 0 for an estimator without one.
  public var surrogateInputs: Int { estimator.surrogateInputs }

  /// What the learned control variate (RELAX, LAX) has learned so far, at `point`
  /// (`surrogateInputs` values): nil for an estimator without one or a point of another size.
  /// A screen draws it beside `f` (RELAX's `r(z)` next to `f(s(z))`).
  public func surrogate(at point: [Double]) -> SurrogateReading? {
    guard point.count == estimator.surrogateInputs, !point.isEmpty else { return nil }
    return point.withUnsafeBufferPointer { estimator.surrogate(at: $0.baseAddress!) }
  }
}
