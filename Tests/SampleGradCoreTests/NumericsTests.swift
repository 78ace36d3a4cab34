import Testing

@testable import SampleGradCore

/// No NaN or infinity for any finite input: extreme logits and the smallest temperature.
@Suite("Numerical safety")
struct NumericsTests {
  static let extremes: [DistributionSpec] = [
    .categorical(logits: [50, -50, 0, 3], temperature: 0.01),
    .categorical(logits: [-50, -50, 50], temperature: 100),
    .categorical(logits: [1e6, -1e6], temperature: 0.01),
    .bernoulli(logOdds: 50, temperature: 0.01),
    .bernoulli(logOdds: -50, temperature: 0.01),
    .bernoulli(logOdds: -800, temperature: 100),
  ]

  @Test(
    "every discrete estimator stays finite at extreme logits and temperatures", arguments: extremes)
  func finiteDiscrete(distribution: DistributionSpec) throws {
    let k = distribution.parameterCount
    let objective: ObjectiveSpec =
      distribution.kind == .bernoulli
      ? .quadratic(target: [0.45]) : .quadratic(target: [Double](repeating: 0.5, count: k))
    let problem = try GradientProblem(distribution: distribution, objective: objective)
    #expect(problem.exact.gradient.allSatisfy { $0.isFinite })
    for kind in EstimatorRegistry.kinds(for: distribution, objective: objective.kind) {
      for sample in try draws(kind, on: problem, samples: 20_000) {
        let finite = sample.allSatisfy { $0.isFinite }
        #expect(finite, "\(kind.rawValue): \(sample)")
        if !finite { return }
      }
      // The block path (what `run` and the explorer use) as well.
      let m = try moments(kind, on: problem, samples: 20_000)
      let summary = m.mean + m.variance
      #expect(summary.allSatisfy { $0.isFinite }, "\(kind.rawValue) blocks: \(summary)")
    }
  }

  @Test("softmax is finite and sums to one at logits of +/-50 and temperature 0.01")
  func softmaxExtremes() {
    let y = LogSpace.softmax([50, -50, 0], scale: 1 / 0.01)
    #expect(y.allSatisfy { $0.isFinite })
    #expect(abs(y.reduce(0, +) - 1) < 1e-12)
    #expect(y[0] == 1)
  }

  @Test("sigmoid and its log are finite everywhere")
  func sigmoidExtremes() {
    for x in [-1e308, -800, -50, 0, 50, 800, 1e308] {
      #expect(LogSpace.sigmoid(x).isFinite)
      #expect(LogSpace.logSigmoid(x).isFinite)
    }
  }
}
