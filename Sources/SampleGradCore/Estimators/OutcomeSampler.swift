/// Draws samples of the distribution itself, for the histogram and the relaxed vectors: each
/// family's own `OutcomeSource` (Gumbel-max rows, logistic bits, `mean + std * eps`), with its
/// relaxation at the scenario's temperature where it has one.
public final class OutcomeSampler {
  public let problem: GradientProblem
  private let source: any OutcomeSource

  public init(problem: GradientProblem) {
    self.problem = problem
    source = problem.distribution.spec.family.makeOutcomeSource(problem)
  }

  /// Forgets a gaussian's spare normal, so the next sample is drawn as by a fresh sampler:
  /// each chunk of a run must start so, whichever chunk the sampler drew before (it would
  /// otherwise depend on how chunks fall to threads).
  public func resetState() { source.resetState() }

  /// An empty histogram of the right shape for this problem.
  public func makeHistogram() -> Histogram { source.makeHistogram() }

  /// Values in a relaxed sample (`D x K`; 0 for a gaussian, which has none).
  public var relaxedDimension: Int { source.relaxedDimension }

  /// The relaxed sample drawn last (a copy).
  public var latestRelaxed: [Double] { source.latestRelaxed }

  /// Draws `count` samples into the histogram and their relaxations into `relaxed`.
  public func run(
    count: Int, using rng: inout Xoshiro256StarStar, histogram: inout Histogram,
    relaxed: inout RunningMoments
  ) {
    source.run(count: count, using: &rng, histogram: &histogram, relaxed: &relaxed)
  }
}
