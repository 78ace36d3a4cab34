extension EstimatorKind {
  /// REINFORCE: `f(x) grad log p(x)` (Williams 1992).
  public static let scoreFunction = EstimatorKind("score-function")
  /// REINFORCE with the running mean of `f` over earlier samples as a baseline.
  public static let scoreFunctionBaseline = EstimatorKind("score-function-baseline")
}

/// The score-function (likelihood-ratio) estimator, `(f(x) - c) grad log p(x)`, with `c = 0`
/// or the running mean of `f` over the earlier samples of the same stream (which keeps it
/// unbiased: `c` never depends on the current sample). One type for every family: the
/// family's sampler draws `x`, evaluates `f` and writes the score (on D variables, the sum
/// of the per-variable scores, one evaluation of `f` for all of them).
struct ScoreFunction<Sampler: ExactSampling>: GradientEstimator {
  var sampler: Sampler
  var baseline: RunningBaseline

  init(problem: GradientProblem, usesBaseline: Bool) {
    sampler = Sampler(problem: problem, slots: 1)
    baseline = RunningBaseline(isEnabled: usesBaseline)
  }

  mutating func rebind(to problem: GradientProblem) { sampler.rebind(to: problem) }

  /// The baseline starts at `f` of one draw that no estimate uses.
  mutating func warmUp(using rng: inout Xoshiro256StarStar) {
    guard baseline.isEnabled else { return }
    sampler.draw(slot: 0, using: &rng)
    _ = baseline.take(recording: sampler.value(slot: 0))
  }

  @inline(__always)
  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    sampler.draw(slot: 0, using: &rng)
    let f = sampler.value(slot: 0)
    sampler.writeScore(slot: 0, times: f - baseline.take(recording: f), into: out)
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

  mutating func resetState() {
    baseline.reset()
    sampler.resetState()
  }
}

/// The two descriptors (plain and with the baseline) and their factory.
enum ScoreFunctions {
  static let descriptor = EstimatorDescriptor(
    kind: .scoreFunction, stream: 2, shortName: "score function",
    summary: "REINFORCE: f(x) times the gradient of log p(x); needs only f at samples",
    isUnbiased: true, make: { make($0, baseline: false) })

  static let baselineDescriptor = EstimatorDescriptor(
    kind: .scoreFunctionBaseline, stream: 3, shortName: "SF + baseline",
    longName: "score function + baseline",
    summary: "REINFORCE with f minus the running mean of f over earlier samples",
    isUnbiased: true, make: { make($0, baseline: true) })

  static func make(_ problem: GradientProblem, baseline: Bool) -> any GradientEstimator {
    func build<F: DistributionFamily>(_: F) -> any GradientEstimator {
      ScoreFunction<F.Sampler>(problem: problem, usesBaseline: baseline)
    }
    return build(problem.distribution.spec.family)
  }
}

/// The running mean of `f` over the earlier samples of one stream.
struct RunningBaseline {
  let isEnabled: Bool
  private var sum = 0.0
  private var count = 0

  init(isEnabled: Bool) { self.isEnabled = isEnabled }

  /// The baseline for this sample (0 for the first, or when disabled), then records `f`.
  @inline(__always)
  mutating func take(recording f: Double) -> Double {
    guard isEnabled else { return 0 }
    let c = count == 0 ? 0 : sum / Double(count)
    sum += f
    count += 1
    return c
  }

  mutating func reset() { self = RunningBaseline(isEnabled: isEnabled) }
}
