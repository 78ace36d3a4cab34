import CVectorMath
import Testing

@testable import SampleGradCore

/// REBAR's block kernels (`sg_rebar_rows`, eight samples per AVX-512 register, from the
/// conditional sample to the estimates) against the per-sample Swift `finish` they stand in
/// for. The kernels promise the same operations in the same order, so the tolerance is none:
/// every mean, sum of squares and cosine sum must match bit for bit.
@Suite struct RebarBlockKernelTests {
  /// One variable with a linear or quadratic f: K from 2 to 10, near-one-hot (tau 0.01),
  /// warm and flat relaxations, logits of +/-50, a negative weight and a target off the
  /// simplex.
  static let problems: [GradientProblem] =
    [0.01, 0.5, 5].map(Problems.wideLogits) + [
      Problems.categoricalQuadratic, Problems.categoricalLinear, Problems.categoricalCold,
      try! GradientProblem(
        distribution: .categorical(logits: [0.2, -0.4], temperature: 0.3),
        objective: .quadratic(target: [1.5, -0.5])),
      try! GradientProblem(
        distribution: .categorical(logits: [1, -1, 0, 2, 0.5], temperature: 2),
        objective: .linear(weights: [-3, 0, 1, 0.25, 7])),
    ]

  /// Fixed scales (REBAR's default 1, a small and a negative one) and the adaptive rule.
  static let rules: [EtaRule] = [.fixed(1), .fixed(0.3), .fixed(-2), .adaptive(AdaptiveEta())]

  /// Runs REBAR's block path for `count` samples, through the kernels or finished in Swift.
  private func run(
    _ problem: GradientProblem, rule: EtaRule, count: Int, inKernel: Bool
  ) -> (moments: RunningMoments, rng: Xoshiro256StarStar, eta: Double) {
    var rebar = Rebar<CategoricalRelaxation>(problem: problem, eta: rule)
    rebar.finishesInKernel = inKernel
    var rng = Xoshiro256StarStar(seed: 21, stream: 3)
    var moments = RunningMoments(estimatesOf: problem)
    rebar.run(count: count, using: &rng, into: &moments)
    return (moments, rng, rebar.etaRule.current)
  }

  @Test(
    "blocks taken by the kernels equal blocks finished in Swift, bit for bit",
    arguments: [5, 1_000, 1_003])
  func kernelEqualsSwift(count: Int) {
    // 1,000: 15 blocks of 64 and one of 40; 1,003: a last strip with idle lanes; 5: a
    // block too small for the kernels, finished in Swift either way.
    for problem in Self.problems {
      for rule in Self.rules {
        let kernel = run(problem, rule: rule, count: count, inKernel: true)
        let swift = run(problem, rule: rule, count: count, inKernel: false)
        let bits = { (values: [Double]) in values.map(\.bitPattern) }
        #expect(bits(kernel.moments.mean) == bits(swift.moments.mean), "\(problem) \(rule)")
        #expect(
          bits(kernel.moments.sumOfSquares) == bits(swift.moments.sumOfSquares),
          "\(problem) \(rule)")
        #expect(kernel.moments.cosineSum.bitPattern == swift.moments.cosineSum.bitPattern)
        #expect(kernel.moments.count == count)
        #expect(kernel.eta.bitPattern == swift.eta.bitPattern, "\(rule)")
        #expect(kernel.rng == swift.rng)
      }
    }
  }

  @Test("the kernels take 8 rows or more of one variable with a linear or quadratic f, on AVX-512")
  func kernelTakesWhatItPromises() {
    let avx512 = sg_vector_tier() >= 2
    let cases: [(GradientProblem, samples: Int, takes: Bool)] = [
      (Problems.categoricalQuadratic, 64, avx512), (Problems.categoricalLinear, 8, avx512),
      (Problems.categoricalQuadratic, 7, false), (Problems.categoricalTable, 64, false),
      (Problems.rowsMeanSquared, 64, false),
    ]
    for (problem, samples, takes) in cases {
      let relaxation = CategoricalRelaxation(problem: problem, slots: 1)
      #expect(
        relaxation.rebarKernelsTake(samples: samples, objective: problem.objective) == takes,
        "\(problem) \(samples)")
    }
  }
}
