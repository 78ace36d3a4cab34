/// Exact gaussian samples `x = mean + std * eps`, `f` at them, and their scores written
/// through `eps = (x - mean) / std`, so nothing cancels: `(eps / std, (eps^2 - 1) / std)`.
struct GaussianSampler: ExactSampling {
  let objective: Objective
  var noise: GaussianNoise
  /// Each slot's eps.
  let drawn: ScratchBuffers

  init(problem: GradientProblem, slots: Int) {
    objective = problem.objective
    noise = GaussianNoise(problem: problem)
    drawn = ScratchBuffers(count: max(slots, 1), slots: 1)
  }

  mutating func rebind(to problem: GradientProblem) { noise.rebind(to: problem) }
  mutating func resetState() { noise.reset() }

  @inline(__always)
  mutating func draw(slot: Int, using rng: inout Xoshiro256StarStar) {
    drawn.slot(0)[slot] = noise.eps(using: &rng)
  }

  @inline(__always)
  func value(slot: Int) -> Double {
    objective.value(noise.mean + noise.std * drawn.slot(0)[slot])
  }

  @inline(__always)
  func writeScore(slot: Int, times weight: Double, into out: UnsafeMutablePointer<Double>) {
    let eps = drawn.slot(0)[slot]
    let std = noise.std
    out[0] = weight * eps / std
    out[1] = weight * (eps * eps - 1) / std
  }

  /// `sum_i w_i (eps_i, eps_i^2 - 1) / (divisor std)`.
  func writeScoreSum(
    weights: UnsafePointer<Double>, count: Int, dividedBy divisor: Double,
    into out: UnsafeMutablePointer<Double>
  ) {
    let eps = drawn.slot(0)
    var dMean = 0.0
    var dStd = 0.0
    for i in 0..<count {
      dMean += weights[i] * eps[i]
      dStd += weights[i] * (eps[i] * eps[i] - 1)
    }
    let scale = 1 / (divisor * noise.std)
    out[0] = dMean * scale
    out[1] = dStd * scale
  }
}

/// The pathwise view of the same sample: `x = mean + std * eps`, `dx/d(mean, std) = (1, eps)`;
/// its score is written through `eps`, as `GaussianSampler`'s is.
struct GaussianPath: ScoredPath {
  let objective: Objective
  var noise: GaussianNoise
  /// The latest draw's eps.
  private var eps = 0.0

  init(problem: GradientProblem, slots: Int) {
    objective = problem.objective
    noise = GaussianNoise(problem: problem)
  }

  var parameterCount: Int { 2 }
  mutating func rebind(to problem: GradientProblem) { noise.rebind(to: problem) }
  mutating func resetState() { noise.reset() }

  @inline(__always)
  mutating func drawPath(
    using rng: inout Xoshiro256StarStar, slope: UnsafeMutablePointer<Double>
  ) -> Double {
    eps = noise.eps(using: &rng)
    slope[0] = 1
    slope[1] = eps
    return noise.mean + noise.std * eps
  }

  @inline(__always)
  func derivative(_ x: Double) -> Double { objective.derivative(x) }

  @inline(__always)
  func value(_ x: Double) -> Double { objective.value(x) }

  /// `weight (eps / std, (eps^2 - 1) / std)`.
  @inline(__always)
  func writeScore(times weight: Double, into out: UnsafeMutablePointer<Double>) {
    let std = noise.std
    out[0] = weight * eps / std
    out[1] = weight * (eps * eps - 1) / std
  }
}

/// The histogram of gaussian samples (40 bins over mean +/- 4 std); no relaxation.
final class GaussianOutcomes: OutcomeSource {
  let mean: Double
  let std: Double
  private var normals = NormalPairs()

  init(problem: GradientProblem) {
    let parameters = problem.distribution.parameters
    mean = parameters[0]
    std = parameters[1]
  }

  var relaxedDimension: Int { 0 }
  var latestRelaxed: [Double] { [] }
  func makeHistogram() -> Histogram { Histogram(normalMean: mean, std: std) }

  /// Forgets the spare normal a Box-Muller pair left over, so the next sample is drawn as by
  /// a fresh sampler (each chunk of a run must start so).
  func resetState() { normals = NormalPairs() }

  func run(
    count: Int, using rng: inout Xoshiro256StarStar, histogram: inout Histogram,
    relaxed: inout RunningMoments
  ) {
    for _ in 0..<count { histogram.record(value: mean + std * normals.next(using: &rng)) }
  }
}
