extension EstimatorKind {
  /// REINFORCE leave-one-out (Kool, van Hoof, Welling 2019).
  public static let rloo = EstimatorKind("rloo")
}

/// Leave-one-out REINFORCE with k draws: `1/(k-1) Σ_i (f(x_i) - f̄) score(x_i)`, f̄ the mean
/// of the k values. Each draw's baseline is the mean of the other k - 1 (independent of it),
/// written through f̄ as `k/(k-1) (f_i - f̄)`, so it is unbiased; it costs k evaluations.
/// One type for every family (the family's sampler holds the k draws and sums their scores).
struct LeaveOneOut<Sampler: ExactSampling>: GradientEstimator {
  let draws: Int
  var sampler: Sampler
  /// `f(x_i) - f̄` of each draw.
  let weights: ScratchBuffers

  init(problem: GradientProblem) {
    draws = problem.options.whole(LeaveOneOutEstimator.draws, for: .rloo)
    sampler = Sampler(problem: problem, slots: draws)
    weights = ScratchBuffers(count: draws, slots: 1)
  }

  mutating func rebind(to problem: GradientProblem) { sampler.rebind(to: problem) }

  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    let w = weights.slot(0)
    var mean = 0.0
    for i in 0..<draws {
      sampler.draw(slot: i, using: &rng)
      w[i] = sampler.value(slot: i)
      mean += w[i]
    }
    mean /= Double(draws)
    for i in 0..<draws { w[i] -= mean }
    sampler.writeScoreSum(weights: w, count: draws, dividedBy: Double(draws - 1), into: out)
  }

  // Specialised for the families (an estimator reached through `any GradientEstimator`
  // otherwise runs its generic code, calling the family through witness tables per sample).
  @_specialize(where Sampler == CategoricalSampler)
  @_specialize(where Sampler == BernoulliSampler)
  mutating func run(
    count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments
  ) {
    loopOneSample(count: count, using: &rng, into: &moments)
  }

  @_specialize(where Sampler == CategoricalSampler)
  @_specialize(where Sampler == BernoulliSampler)
  mutating func averageEstimate(
    count: Int, using rng: inout Xoshiro256StarStar, scratch one: UnsafeMutablePointer<Double>,
    into mean: UnsafeMutableBufferPointer<Double>
  ) {
    averageOneSample(count: count, using: &rng, scratch: one, into: mean)
  }

  mutating func resetState() { sampler.resetState() }
}

/// RLOO's descriptor, its option and its factory.
enum LeaveOneOutEstimator {
  /// Draws per estimate, k.
  static let draws = EstimatorOption(
    key: "draws", summary: "draws per estimate, k", range: 2...1024, defaultValue: 4,
    isWholeNumber: true)

  static let descriptor = EstimatorDescriptor(
    kind: .rloo, stream: 9, shortName: "RLOO", longName: "leave-one-out (RLOO)",
    summary: "k draws, each with the mean f of the other k - 1 as its baseline; unbiased",
    isUnbiased: true, options: [draws], evaluations: { $0.options.whole(draws, for: .rloo) },
    make: { problem in
      func build<F: DistributionFamily>(_: F) -> any GradientEstimator {
        LeaveOneOut<F.Sampler>(problem: problem)
      }
      return build(problem.distribution.spec.family)
    })
}
