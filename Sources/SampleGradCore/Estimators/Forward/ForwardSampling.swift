/// An estimator's forward pass, on its own: the points its estimate evaluates `f` at for the
/// value it reports (the hard sample for straight-through, argmax, REBAR and RELAX; the
/// relaxed vector for Gumbel-softmax; every draw of RLOO; both points of an antithetic pair;
/// the measure-valued estimator's points under its two densities), drawn with the same
/// family pieces and in the same order as `estimate` draws them.
///
/// The overview's "exact distribution" column tests these points against the exact
/// distribution, each method its own (issue 20). Each conformance lives in `Forward/`, beside
/// the others, so the estimators' own files stay as they are; a method without one (the exact
/// gradient, which samples nothing) has no forward samples to test.
protocol ForwardSampling: GradientEstimator {
  /// Draws one estimate's forward pass and records its points in `tally`, then counts the
  /// pass.
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally)
}

/// An exact sampler that can say which point it drew into a slot.
protocol ForwardRecording {
  /// Records the sample in `slot` (its outcomes, or its value) in `tally`.
  func record(slot: Int, into tally: inout ForwardTally)
}

extension CategoricalSampler: ForwardRecording {
  func record(slot: Int, into tally: inout ForwardTally) {
    recordOutcomes(slot: slot, into: &tally)
  }
}

extension BernoulliSampler: ForwardRecording {
  func record(slot: Int, into tally: inout ForwardTally) {
    recordOutcomes(slot: slot, into: &tally)
  }
}

extension IndependentOutcomes {
  func recordOutcomes(slot: Int, into tally: inout ForwardTally) {
    for d in 0..<variables {
      tally.record(variable: d, outcome: outcome(slot: slot, variable: d), count: 1)
    }
    tally.countPoints(1)
  }
}

extension GaussianSampler: ForwardRecording {
  func record(slot: Int, into tally: inout ForwardTally) {
    tally.record(value: noise.mean + noise.std * drawn.slot(0)[slot])
  }
}

/// One estimator's forward passes on one problem, for the overview: built as the estimator is
/// (`EstimatorDescriptor.make`), one per worker, like `GradientSampler`.
public final class ForwardSampler {
  public let problem: GradientProblem
  public let kind: EstimatorKind
  private var estimator: any ForwardSampling

  /// Nil for an estimator without forward samples (the exact gradient) or one that does not
  /// apply to the problem.
  public init?(problem: GradientProblem, kind: EstimatorKind) {
    guard
      EstimatorNotApplicable.check(
        kind, distribution: problem.distribution.spec, objective: problem.objective.kind) == nil,
      let estimator = kind.descriptor.make(problem) as? any ForwardSampling
    else { return nil }
    self.problem = problem
    self.kind = kind
    self.estimator = estimator
  }

  /// An empty tally of the right shape for the problem.
  public func makeTally() -> ForwardTally { ForwardTally(problem: problem) }

  /// Draws `count` forward passes into `tally`.
  public func run(count: Int, using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    for _ in 0..<count { estimator.forward(using: &rng, into: &tally) }
  }

  /// Forgets running state (a gaussian's spare normal), as at the start of a chunk.
  public func resetState() { estimator.resetState() }
}

extension EstimatorKind {
  /// The stream of this estimator's forward samples (the overview's "exact distribution"
  /// column): 100 + its estimate stream, so 102...120 (0 is the outcomes', 1...20 the
  /// estimates', 1000 the VAE's estimated ELBO). Pinned by a test.
  public var forwardStreamIndex: UInt64 { 100 + streamIndex }
}

extension ChunkWork {
  /// The forward samples of `count` passes from chunk `chunk` of the estimator's forward
  /// stream.
  public static func forward(
    sampler: ForwardSampler, seed: UInt64, chunk: Int, count: Int
  ) -> ForwardTally {
    var rng = Xoshiro256StarStar(
      seed: seed, stream: sampler.kind.forwardStreamIndex, chunk: UInt64(chunk))
    var tally = sampler.makeTally()
    sampler.resetState()
    sampler.run(count: count, using: &rng, into: &tally)
    return tally
  }
}
