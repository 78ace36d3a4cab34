@testable import SampleGradCore

/// Runs one estimator for `count` samples on a fixed stream and returns its moments.
func moments(
  _ kind: EstimatorKind, on problem: GradientProblem, samples count: Int, seed: UInt64 = 7
) throws -> RunningMoments {
  let sampler = try GradientSampler(problem: problem, kind: kind)
  var rng = Xoshiro256StarStar(seed: seed, stream: 99)
  var result = RunningMoments(dimension: problem.dimension)
  sampler.run(count: count, using: &rng, into: &result)
  return result
}

/// Every single-sample estimate, for tests that need more than two moments.
func draws(
  _ kind: EstimatorKind, on problem: GradientProblem, samples count: Int, seed: UInt64 = 7
) throws -> [[Double]] {
  let sampler = try GradientSampler(problem: problem, kind: kind)
  var rng = Xoshiro256StarStar(seed: seed, stream: 99)
  return (0..<count).map { _ in Array(sampler.estimate(using: &rng)) }
}

/// The sample variance of `values` and its standard error, `sqrt((m4 - var^2) / n)`,
/// estimated from the same draws (for tests of a variance against a closed form).
func varianceWithError(_ values: [Double]) -> (variance: Double, standardError: Double) {
  let n = Double(values.count)
  let mean = values.reduce(0, +) / n
  var m2 = 0.0
  var m4 = 0.0
  for v in values {
    let d = (v - mean) * (v - mean)
    m2 += d
    m4 += d * d
  }
  let variance = m2 / (n - 1)
  return (variance, ((m4 / n - variance * variance) / n).squareRoot())
}

/// The largest |mean - exact| in units of the standard error, over all components. A
/// difference within rounding of the exact value (1e-12 relative) counts as none: an
/// estimator that is exact up to rounding (IndeCateR on a sum over variables) has a standard
/// error of about 1e-18, against which rounding alone would read as hundreds of SE.
func worstZScore(_ m: RunningMoments, exact: [Double]) -> Double {
  zip(zip(m.mean, exact), m.standardError).map { pair, se in
    let difference = abs(pair.0 - pair.1)
    if difference <= 1e-12 * max(abs(pair.1), 1e-3) { return 0 }
    return se > 0 ? difference / se : .infinity
  }.max() ?? 0
}

enum Problems {
  /// K = 10 with logits of +/-50 and a quadratic loss, at `temperature`: near one-hot at
  /// 0.01, flat at 5 (where block paths differ most from a naive loop).
  static func wideLogits(temperature: Double) -> GradientProblem {
    try! GradientProblem(
      distribution: .categorical(
        logits: [50, -50, 0.3, 1, -2, 0, 0.5, 2, -1, 0.1], temperature: temperature),
      objective: .quadratic(target: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]))
  }

  static let categoricalQuadratic = try! GradientProblem(
    distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: 0.5),
    objective: .quadratic(target: [0, 0, 1, 0]))
  static let categoricalLinear = try! GradientProblem(
    distribution: .categorical(logits: [0.3, -1, 2], temperature: 0.7),
    objective: .linear(weights: [1, -2, 0.5]))
  static let relaxToy = try! GradientProblem(
    distribution: .bernoulli(logOdds: 0, temperature: 0.5),
    objective: .quadratic(target: [0.45]))
  static let bernoulliSkewed = try! GradientProblem(
    distribution: .bernoulli(logOdds: -1.5, temperature: 0.3),
    objective: .quadratic(target: [0.8]))
  static let gaussianQuadratic = try! GradientProblem(
    distribution: .gaussian(mean: 1, std: 1), objective: .quadratic(target: [0]))
  static let categoricalTable = try! GradientProblem(
    distribution: .categorical(logits: [0.4, -0.2, 1, -1.5], temperature: 0.5),
    objective: .table(values: [1, -2, 0.5, 4]))
  static let categoricalCold = try! GradientProblem(
    distribution: .categorical(logits: [2, 1, 0, -1, -2, 0.5, 1.5, -0.5], temperature: 0.1),
    objective: .quadratic(target: [0, 1, 0, 0, 0, 0, 0, 0]))
  static let bernoulliLinear = try! GradientProblem(
    distribution: .bernoulli(logOdds: 2.2, temperature: 1.5), objective: .linear(weights: [-3]))
  static let bernoulliTable = try! GradientProblem(
    distribution: .bernoulli(logOdds: 0.8, temperature: 0.5), objective: .table(values: [3, -1]))
  static let gaussianLinear = try! GradientProblem(
    distribution: .gaussian(mean: -0.5, std: 2), objective: .linear(weights: [1.5]))
  static let gaussianStep = try! GradientProblem(
    distribution: .gaussian(mean: 0.2, std: 1.3), objective: .step(threshold: 1))
  static let gaussianCosine = try! GradientProblem(
    distribution: .gaussian(mean: 0.4, std: 0.8), objective: .cosine(frequency: 2))
  /// Many variables: the polynomial benchmark's objective on mixed bits.
  static let bitsMeanSquared = try! GradientProblem(
    distribution: .bernoulli(logOdds: [0.3, -1.2, 2, 0], temperature: 0.5),
    objective: .meanSquared(target: 0.45, values: nil))
  /// Bits coupled through their mean.
  static let bitsSquaredMean = try! GradientProblem(
    distribution: .bernoulli(logOdds: [0.5, -0.7, 1.1], temperature: 0.7),
    objective: .squaredMean(target: 0.3, values: nil))
  /// Two categoricals with their own values.
  static let rowsMeanSquared = try! GradientProblem(
    distribution: .categorical(rows: [[0.5, -0.3, 1], [0, 0.2, -0.4]], temperature: 0.5),
    objective: .meanSquared(target: 0.9, values: [0, 1, 3]))
  /// Three categoricals coupled through their mean, default values 0, 1.
  static let rowsSquaredMean = try! GradientProblem(
    distribution: .categorical(rows: [[0.4, -0.1], [1, 0], [-0.5, 0.3]], temperature: 0.4),
    objective: .squaredMean(target: 0.8, values: nil))
}
