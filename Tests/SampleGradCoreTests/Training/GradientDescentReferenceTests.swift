import Foundation
import Testing

@testable import SampleGradCore

/// With the `exact` estimator a race is deterministic gradient descent, so its trace must
/// equal gradient descent written out here from the closed-form gradients, independently of
/// the estimators, `ExactSolution` and `Optimizer`. Tolerance 1e-12: both sides do the same
/// few operations per step in a slightly different order, so they agree to rounding (about
/// 1e-16 relative per step) over a few hundred steps, nowhere near 1e-12.
@Suite("Training with the exact gradient: plain gradient descent and Adam, by hand")
struct GradientDescentReferenceTests {
  static func race(
    _ distribution: DistributionSpec, _ objective: ObjectiveSpec, optimizer: OptimizerKind,
    steps: Int, learningRate: Double, batch: Int = 1
  ) throws -> LaneResult {
    let scenario = try Scenario(
      name: "reference", estimators: [.exact], distribution: distribution, objective: objective)
    let settings = TrainingSettings(
      steps: steps, learningRate: learningRate, optimizer: optimizer, batch: batch)
    var race = TrainingRace(
      setup: try RaceSetup(scenario: scenario, settings: settings, seed: 1, every: 1))
    race.finish()
    return race.result().lanes[0]
  }

  /// `dL/dtheta` and `L` for a categorical with values `f` at the outcomes, by hand.
  static func categorical(_ theta: [Double], _ f: [Double]) -> (loss: Double, gradient: [Double]) {
    let top = theta.max()!
    let e = theta.map { exp($0 - top) }
    let total = e.reduce(0, +)
    let p = e.map { $0 / total }
    let loss = zip(p, f).map { $0 * $1 }.reduce(0, +)
    return (loss, p.indices.map { p[$0] * (f[$0] - loss) })
  }

  /// `L` and `(dL/dmean, dL/dlogstd)` for `(x - k)^2` under N(mean, exp(s)^2), by hand.
  static func gaussianQuadratic(_ mean: Double, _ s: Double, k: Double) -> (Double, [Double]) {
    let std = exp(s)
    return ((mean - k) * (mean - k) + std * std, [2 * (mean - k), 2 * std * std])
  }

  static func expectClose(_ a: [Double], _ b: [Double], _ what: String) {
    #expect(a.count == b.count)
    for (x, y) in zip(a, b) {
      #expect(abs(x - y) <= 1e-12 * max(1, abs(y)), "\(what): \(x) against \(y)")
    }
  }

  @Test("sgd, categorical: theta -= a p_j (f_j - L), step by step")
  func sgdCategorical() throws {
    let target = [0.0, 0, 1, 0]
    // f(e_j) = |e_j - target|^2: 2 for j != 2, 0 for j = 2.
    let f = (0..<4).map { j in
      (0..<4).map { i in pow((i == j ? 1 : 0) - target[i], 2) }.reduce(0, +)
    }
    let lane = try Self.race(
      .categorical(logits: [1, 0.5, -0.5, 0], temperature: 0.5), .quadratic(target: target),
      optimizer: .sgd, steps: 300, learningRate: 0.5)
    var theta = [1, 0.5, -0.5, 0.0]
    for point in lane.trace {
      let (loss, gradient) = Self.categorical(theta, f)
      #expect(abs(point.loss - loss) <= 1e-12, "step \(point.step)")
      Self.expectClose(point.parameters, theta, "step \(point.step)")
      for j in theta.indices { theta[j] -= 0.5 * gradient[j] }
    }
    #expect(lane.trace.map(\.step) == Array(0...300))
  }

  @Test("sgd, bernoulli: l -= a p (1 - p) (f(1) - f(0))")
  func sgdBernoulli() throws {
    let lane = try Self.race(
      .bernoulli(logOdds: 0, temperature: 0.5), .quadratic(target: [0.499]), optimizer: .sgd,
      steps: 200, learningRate: 3)
    var l = 0.0
    let f0 = 0.499 * 0.499
    let f1 = 0.501 * 0.501
    for point in lane.trace {
      let p = 1 / (1 + exp(-l))
      #expect(abs(point.loss - ((1 - p) * f0 + p * f1)) <= 1e-12)
      Self.expectClose(point.parameters, [l], "step \(point.step)")
      l -= 3 * p * (1 - p) * (f1 - f0)
    }
  }

  @Test("sgd, gaussian: mean and log std, so the std stays positive")
  func sgdGaussian() throws {
    let lane = try Self.race(
      .gaussian(mean: 1, std: 1), .quadratic(target: [0.3]), optimizer: .sgd, steps: 400,
      learningRate: 0.05)
    var mean = 1.0
    var s = 0.0
    for point in lane.trace {
      let (loss, gradient) = Self.gaussianQuadratic(mean, s, k: 0.3)
      #expect(abs(point.loss - loss) <= 1e-12)
      Self.expectClose(point.parameters, [mean, exp(s)], "step \(point.step)")
      mean -= 0.05 * gradient[0]
      s -= 0.05 * gradient[1]
    }
    #expect(lane.final.parameters[1] > 0 && lane.final.parameters[1] < 0.2)
  }

  /// Adam as the paper writes it (Algorithm 1), with the bias corrections kept as running
  /// products `b1^t`, `b2^t` rather than `pow`.
  struct HandAdam {
    var m: [Double]
    var v: [Double]
    var b1t = 1.0
    var b2t = 1.0

    init(_ n: Int) {
      m = Array(repeating: 0, count: n)
      v = Array(repeating: 0, count: n)
    }

    mutating func step(_ theta: inout [Double], _ g: [Double], _ a: Double) {
      b1t *= 0.9
      b2t *= 0.999
      for i in theta.indices {
        m[i] = 0.9 * m[i] + 0.1 * g[i]
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i]
        theta[i] -= a * (m[i] / (1 - b1t)) / ((v[i] / (1 - b2t)).squareRoot() + 1e-8)
      }
    }
  }

  @Test("adam, categorical: Kingma-Ba Algorithm 1, by hand")
  func adamCategorical() throws {
    let f = [1.0, -2, 0.5, 4]
    let lane = try Self.race(
      .categorical(logits: [0.4, -0.2, 1, -1.5], temperature: 0.5), .table(values: f),
      optimizer: .adam, steps: 500, learningRate: 0.05)
    var theta = [0.4, -0.2, 1, -1.5]
    var adam = HandAdam(4)
    for point in lane.trace {
      let (loss, gradient) = Self.categorical(theta, f)
      #expect(abs(point.loss - loss) <= 1e-12, "step \(point.step)")
      Self.expectClose(point.parameters, theta, "step \(point.step)")
      adam.step(&theta, gradient, 0.05)
    }
  }

  @Test("adam, gaussian cosine: the std component through log std, by hand")
  func adamGaussian() throws {
    let lane = try Self.race(
      .gaussian(mean: 0.4, std: 0.8), .cosine(frequency: 2), optimizer: .adam, steps: 300,
      learningRate: 0.02)
    var theta = [0.4, log(0.8)]
    var adam = HandAdam(2)
    for point in lane.trace {
      let (mean, std) = (theta[0], exp(theta[1]))
      let damping = exp(-2 * std * std)
      #expect(abs(point.loss - cos(2 * mean) * damping) <= 1e-12)
      Self.expectClose(point.parameters, [mean, std], "step \(point.step)")
      // dL/dmean, and dL/dstd times std (the chain through log std).
      let gradient = [-2 * sin(2 * mean) * damping, -4 * std * cos(2 * mean) * damping * std]
      adam.step(&theta, gradient, 0.02)
    }
  }

  @Test("a batch of exact gradients is the exact gradient")
  func batchOfExact() throws {
    let one = try Self.race(
      .bernoulli(logOdds: 0.3, temperature: 1), .quadratic(target: [0.2]), optimizer: .adam,
      steps: 100, learningRate: 0.1)
    let many = try Self.race(
      .bernoulli(logOdds: 0.3, temperature: 1), .quadratic(target: [0.2]), optimizer: .adam,
      steps: 100, learningRate: 0.1, batch: 7)
    for (a, b) in zip(one.trace, many.trace) {
      Self.expectClose(b.parameters, a.parameters, "step \(a.step)")
    }
  }
}
