import Foundation
import Testing

@testable import SampleGradCore

/// The trade-off the explorer teaches: relaxed estimators are biased, less so (and noisier)
/// as the temperature falls.
@Suite("Gumbel-softmax and straight-through")
struct BiasAndVarianceTests {
  func problem(temperature: Double) throws -> GradientProblem {
    try GradientProblem(
      distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: temperature),
      objective: .quadratic(target: [0, 0, 1, 0]))
  }

  func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

  @Test("gumbel-softmax is measurably biased at temperature 2")
  func biasedAtHighTemperature() throws {
    let p = try problem(temperature: 2)
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
      let p = try GradientProblem(
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

  @Test(
    "straight-through is the derivative of f'(e_b) . softmax((θ + g)/τ) with g and e_b held fixed")
  func straightThroughIsTheSurrogateDerivative() throws {
    // PyTorch's hard Gumbel-softmax, `y_hard - y_soft.detach() + y_soft`, has this surrogate:
    // its value is f(e_b) and its gradient flows through y_soft only. Central differences
    // of the surrogate (step 1e-6, error O(h^2) ~ 1e-12 relative) against each estimate.
    let p = try problem(temperature: 0.7)
    let logits = p.distribution.parameters
    let target = [0.0, 0, 1, 0]
    let sampler = try GradientSampler(problem: p, kind: .straightThrough)
    var rng = Xoshiro256StarStar(seed: 5, stream: 1)
    for _ in 0..<200 {
      var noiseRng = rng
      let g = logits.map { _ in -log(-log(noiseRng.nextOpenUniform())) }
      let b = (0..<4).max { logits[$0] + g[$0] < logits[$1] + g[$1] }!
      let slope = (0..<4).map { 2 * (($0 == b ? 1.0 : 0) - target[$0]) }
      func surrogate(_ theta: [Double]) -> Double {
        let y = LogSpace.softmax(zip(theta, g).map { $0 + $1 }, scale: 1 / 0.7)
        return zip(slope, y).map { $0 * $1 }.reduce(0, +)
      }
      let estimate = sampler.estimate(using: &rng)
      for j in 0..<4 {
        var up = logits
        var down = logits
        up[j] += 1e-6
        down[j] -= 1e-6
        let difference = (surrogate(up) - surrogate(down)) / 2e-6
        #expect(abs(estimate[j] - difference) < 1e-7 * max(1, abs(difference)))
      }
    }
  }

  @Test("straight-through on a bernoulli uses f'(b) at the hard sample")
  func bernoulliStraightThroughIsBiased() throws {
    let p = Problems.bernoulliSkewed
    let m = try moments(.straightThrough, on: p, samples: 50_000)
    #expect(worstZScore(m, exact: p.exact.gradient) > 5)
  }
}
