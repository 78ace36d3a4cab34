import Testing

@testable import SampleGradCore

@Suite("Running statistics")
struct StatisticsTests {
  func values(_ n: Int, seed: UInt64) -> [[Double]] {
    var rng = Xoshiro256StarStar(seed: seed)
    return (0..<n).map { _ in [1e6 + rng.nextOpenUniform(), LogSpace.gumbel(rng.nextOpenUniform())]
    }
  }

  func twoPass(_ xs: [[Double]]) -> (mean: [Double], variance: [Double]) {
    let n = Double(xs.count)
    let mean = (0..<2).map { i in xs.reduce(0) { $0 + $1[i] } / n }
    let variance = (0..<2).map { i in
      xs.reduce(0) { $0 + ($1[i] - mean[i]) * ($1[i] - mean[i]) } / (n - 1)
    }
    return (mean, variance)
  }

  @Test("Welford equals a two-pass computation, even with a large offset")
  func welfordMatchesTwoPass() {
    let xs = values(10_000, seed: 1)
    var m = RunningMoments(dimension: 2)
    for x in xs { m.add(x) }
    let reference = twoPass(xs)
    for i in 0..<2 {
      #expect(abs(m.mean[i] - reference.mean[i]) <= 1e-9 * abs(reference.mean[i]))
      #expect(abs(m.variance[i] - reference.variance[i]) <= 1e-8 * reference.variance[i])
    }
  }

  /// The bits of everything the moments hold, so +0 and -0 differ.
  func bits(_ m: RunningMoments) -> [UInt64] {
    [UInt64(m.count), m.cosineSum.bitPattern] + m.mean.map(\.bitPattern)
      + m.sumOfSquares.map(\.bitPattern)
  }

  @Test(
    "adding a sample n times equals n adds, bit for bit, from zero moments and from others",
    arguments: [
      ([0.0, 0, 0], [Double]()), ([0.0, 0, 0], [0.0, 0, 0]), ([0.0, -0.0, 0], []),
      ([0.0, 0, 0], [1, -2, 3]), ([0.25, 0, -1], [1, -2, 3]),
    ])
  func addTimesEqualsAdds(sample: [Double], earlier: [Double]) {
    for reference in [[Double](), [0.5, -1, 2]] {
      var once = RunningMoments(dimension: 3, reference: reference)
      if !earlier.isEmpty { once.add(earlier) }
      var repeated = once
      for _ in 0..<37 { once.add(sample) }
      sample.withUnsafeBufferPointer { repeated.add($0.baseAddress!, times: 37) }
      #expect(bits(repeated) == bits(once), "reference \(reference)")
    }
  }

  @Test("merging two accumulators equals one over both sample sets")
  func mergeEqualsCombined() {
    let a = values(3_001, seed: 2)
    let b = values(777, seed: 3)
    var left = RunningMoments(dimension: 2)
    var right = RunningMoments(dimension: 2)
    var both = RunningMoments(dimension: 2)
    for x in a { left.add(x); both.add(x) }
    for x in b { right.add(x); both.add(x) }
    left.merge(right)
    #expect(left.count == both.count)
    for i in 0..<2 {
      #expect(abs(left.mean[i] - both.mean[i]) <= 1e-9 * abs(both.mean[i]))
      #expect(abs(left.variance[i] - both.variance[i]) <= 1e-8 * both.variance[i])
    }
  }

  @Test("merging with an empty accumulator changes nothing")
  func mergeEmpty() {
    var m = RunningMoments(dimension: 2)
    for x in values(10, seed: 4) { m.add(x) }
    let before = m
    m.merge(RunningMoments(dimension: 2))
    #expect(m == before)
    var empty = RunningMoments(dimension: 2)
    empty.merge(before)
    #expect(empty == before)
  }

  @Test("Gumbel-max frequencies pass a chi-square test against softmax(logits)")
  func gumbelMaxChiSquare() throws {
    let problem = try GradientProblem(
      distribution: .categorical(logits: [1, 0.5, -0.5, 0, 2, -3], temperature: 1),
      objective: .linear(weights: [0, 0, 0, 0, 0, 0]))
    let sampler = OutcomeSampler(problem: problem)
    var rng = Xoshiro256StarStar(seed: 21)
    var histogram = sampler.makeHistogram()
    var relaxed = RunningMoments(dimension: 6)
    sampler.run(count: 200_000, using: &rng, histogram: &histogram, relaxed: &relaxed)
    let test = histogram.chiSquare
    #expect(test.degreesOfFreedom == 5)
    #expect((test.pValue ?? 0) > 0.001, "chi-square \(test.statistic)")
  }

  @Test("the chi-square test rejects counts from the wrong distribution")
  func chiSquareRejects() {
    let test = ChiSquareTest(observed: [500, 300, 200], probabilities: [0.4, 0.4, 0.2])
    #expect((test.pValue ?? 1) < 1e-6)
  }

  @Test("chi-square p-values match known quantiles")
  func chiSquareQuantiles() {
    // Upper 5% points: df 1 -> 3.841, df 3 -> 7.815, df 10 -> 18.307.
    #expect(abs(IncompleteGamma.upperRegularized(0.5, 3.841 / 2) - 0.05) < 1e-3)
    #expect(abs(IncompleteGamma.upperRegularized(1.5, 7.815 / 2) - 0.05) < 1e-3)
    #expect(abs(IncompleteGamma.upperRegularized(5, 18.307 / 2) - 0.05) < 1e-3)
  }

  @Test("gaussian histogram bins follow the exact density")
  func gaussianHistogram() {
    let problem = Problems.gaussianQuadratic
    let sampler = OutcomeSampler(problem: problem)
    var rng = Xoshiro256StarStar(seed: 8)
    var histogram = sampler.makeHistogram()
    var relaxed = RunningMoments(dimension: 0)
    sampler.run(count: 100_000, using: &rng, histogram: &histogram, relaxed: &relaxed)
    #expect(abs(histogram.probabilities.reduce(0, +) - 0.999_936_657) < 1e-6)
    #expect((histogram.chiSquare.pValue ?? 0) > 0.001)
    #expect(histogram.total == 100_000)
  }
}
