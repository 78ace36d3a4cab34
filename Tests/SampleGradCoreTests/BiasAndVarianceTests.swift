import Testing

@testable import SampleGradCore

/// The trade-off the explorer teaches: relaxed estimators are biased, less so (and noisier)
/// as the temperature falls.
@Suite("Gumbel-softmax and straight-through")
struct BiasAndVarianceTests {
  func problem(temperature: Double) -> GradientProblem {
    GradientProblem(
      distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: temperature),
      objective: .quadratic(target: [0, 0, 1, 0]))
  }

  func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

  @Test("gumbel-softmax is measurably biased at temperature 2")
  func biasedAtHighTemperature() throws {
    let p = problem(temperature: 2)
    let m = try moments(.gumbelSoftmax, on: p, samples: 50_000)
    #expect(worstZScore(m, exact: p.exact.gradient) > 20)
  }

  @Test("as the temperature falls, the bias shrinks and the variance grows")
  func tradeOff() throws {
    var previousBias = Double.infinity
    var previousVariance = 0.0
    for tau in [2.0, 0.5, 0.1] {
      // A linear objective: its relaxed bias falls monotonically with tau (a quadratic's
      // bias norm can dip and rise again, since its components change sign).
      let p = GradientProblem(
        distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: tau),
        objective: .linear(weights: [1, 2, 3, 4]))
      let m = try moments(.gumbelSoftmax, on: p, samples: 100_000)
      let bias = norm(zip(m.mean, p.exact.gradient).map { $0 - $1 })
      let variance = m.variance.reduce(0, +)
      // The bias estimate is itself uncertain; require a drop larger than its noise.
      let noise = 5 * norm(m.standardError)
      #expect(bias + noise < previousBias, "tau \(tau): bias \(bias)")
      #expect(variance > previousVariance, "tau \(tau): variance \(variance)")
      previousBias = bias
      previousVariance = variance
    }
  }

  @Test("for a linear objective, straight-through equals gumbel-softmax sample by sample")
  func straightThroughEqualsRelaxedOnLinear() throws {
    let p = Problems.categoricalLinear
    let relaxed = try draws(.gumbelSoftmax, on: p, samples: 1_000)
    let straight = try draws(.straightThrough, on: p, samples: 1_000)
    #expect(relaxed == straight)
  }

  @Test("straight-through on a bernoulli uses f'(b) at the hard sample")
  func bernoulliStraightThroughIsBiased() throws {
    let p = Problems.bernoulliSkewed
    let m = try moments(.straightThrough, on: p, samples: 50_000)
    #expect(worstZScore(m, exact: p.exact.gradient) > 5)
  }
}
