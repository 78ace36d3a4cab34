import Foundation
import Testing

@testable import SampleGradCore

/// The pathwise pieces (Gumbel-softmax backward, REBAR's conditional sample and its
/// derivative) checked against central finite differences with the noise held fixed.
@Suite("Relaxations and REBAR's conditional sample")
struct RelaxationDerivativeTests {
  let logits: [Double] = [0.8, -0.3, 0.1, -1.2]
  let tau = 0.4
  let objective = try! Objective(
    .quadratic(target: [0.2, 0.1, 0.6, 0.1]),
    for: try! Distribution(.categorical(logits: [0.8, -0.3, 0.1, -1.2], temperature: 0.4)))

  /// f(softmax(z / tau)) for a vector z.
  func relaxedValue(_ z: [Double]) -> Double {
    let y = LogSpace.softmax(z, scale: 1 / tau)
    return y.withUnsafeBufferPointer { objective.value($0.baseAddress!, count: y.count) }
  }

  /// `ztilde(logits)` for a fixed generator state and a fixed b.
  func conditional(_ theta: [Double], given b: Int, rng: Xoshiro256StarStar) -> (
    z: [Double], r: [Double], q: [Double]
  ) {
    var rng = rng
    var z = [Double](repeating: 0, count: theta.count)
    var r = z
    var q = z
    let lse = theta.withUnsafeBufferPointer {
      LogSpace.logSumExp($0.baseAddress!, count: theta.count)
    }
    theta.withUnsafeBufferPointer { t in
      ConditionalGumbel.sample(
        logits: t.baseAddress!, logSumExp: lse, count: theta.count, given: b, rng: &rng,
        into: &z, r: &r, q: &q)
    }
    return (z, r, q)
  }

  @Test("the conditional sample's argmax is always b")
  func conditionalReproducesB() {
    var rng = Xoshiro256StarStar(seed: 11)
    for trial in 0..<20_000 {
      let theta = trial % 2 == 0 ? logits : [50, -50, 0, 3]
      let b = trial % theta.count
      let (z, _, _) = conditional(theta, given: b, rng: rng)
      _ = rng.next()
      let argmax = z.indices.max { z[$0] < z[$1] }
      if argmax != b {
        Issue.record("trial \(trial): argmax \(String(describing: argmax)), b \(b), z \(z)")
        return
      }
    }
  }

  @Test("the bernoulli conditional sample has the sign of b")
  func logisticConditionalReproducesB() {
    var rng = Xoshiro256StarStar(seed: 12)
    for l in [-50.0, -2, 0, 0.7, 50] {
      for b in [0, 1] {
        for _ in 0..<2_000 {
          let z = ConditionalLogistic.sample(logOdds: l, given: b, uniform: rng.nextOpenUniform())
          #expect(z.value.isFinite && z.derivative.isFinite)
          #expect((z.value > 0) == (b == 1) || z.value == 0)
        }
      }
    }
  }

  @Test("without r and q the conditional sample is the same, bit for bit, from the same uniforms")
  func conditionalWithoutDerivative() {
    var rng = Xoshiro256StarStar(seed: 13)
    for trial in 0..<2_000 {
      let theta = trial % 2 == 0 ? logits : [50, -50, 0, 3]
      let b = trial % theta.count
      let full = conditional(theta, given: b, rng: rng)
      var plain = [Double](repeating: 0, count: theta.count)
      var alone = rng
      let lse = theta.withUnsafeBufferPointer {
        LogSpace.logSumExp($0.baseAddress!, count: theta.count)
      }
      theta.withUnsafeBufferPointer { t in
        ConditionalGumbel.sample(
          logits: t.baseAddress!, logSumExp: lse, count: theta.count, given: b, rng: &alone,
          into: &plain)
      }
      var after = rng
      for _ in theta.indices { _ = after.nextOpenUniform() }
      #expect(plain == full.z)
      #expect(alone.next() == after.next())
      _ = rng.next()
    }
  }

  @Test("a conditional logistic built once per log-odds draws what the one-off call draws")
  func logisticConditionalPrepared() {
    var rng = Xoshiro256StarStar(seed: 14)
    for l in [-50.0, -2, 0, 0.7, 50] {
      let prepared = ConditionalLogistic(logOdds: l)
      for b in [0, 1] {
        for _ in 0..<500 {
          let v = rng.nextOpenUniform()
          let once = ConditionalLogistic.sample(logOdds: l, given: b, uniform: v)
          let held = prepared.sample(given: b, uniform: v)
          #expect(once.value == held.value && once.derivative == held.derivative)
          #expect(held.value == Self.logisticConditionalReference(l, b, v).value)
          #expect(held.derivative == Self.logisticConditionalReference(l, b, v).derivative)
        }
      }
    }
  }

  /// The per-draw formula as it was written before the sigmoids were held per log-odds.
  static func logisticConditionalReference(_ l: Double, _ b: Int, _ v: Double) -> (
    value: Double, derivative: Double
  ) {
    let p = LogSpace.sigmoid(l)
    let q = LogSpace.sigmoid(-l)
    if b == 0 {
      let oneMinusU = p + q * (1 - v)
      let value = l + log(v) + LogSpace.logSigmoid(-l) - log(oneMinusU)
      return (value, 1 - p / oneMinusU)
    } else {
      let u = q + p * v
      let value = l + log(u) - LogSpace.logSigmoid(l) - log1p(-v)
      return (value, 1 - q / u)
    }
  }

  @Test("d f(s(ztilde)) / d logits matches finite differences, for every b")
  func conditionalDerivative() {
    let rng = Xoshiro256StarStar(seed: 5)
    let p = LogSpace.softmax(logits)
    for b in logits.indices {
      let base = conditional(logits, given: b, rng: rng)
      // Upstream: s = d f(softmax(z / tau)) / d z at ztilde.
      let y = LogSpace.softmax(base.z, scale: 1 / tau)
      var d = [Double](repeating: 0, count: 4)
      var s = d
      var analytic = d
      y.withUnsafeBufferPointer { objective.gradient($0.baseAddress!, count: 4, into: &d) }
      GumbelSoftmax.backward(y: y, upstream: d, count: 4, temperature: tau, into: &s)
      ConditionalGumbel.backward(
        upstream: s, probabilities: p, count: 4, given: b, r: base.r, q: base.q, into: &analytic)
      for j in logits.indices {
        let h = 1e-6
        var up = logits
        var down = logits
        up[j] += h
        down[j] -= h
        let numeric =
          (relaxedValue(conditional(up, given: b, rng: rng).z)
            - relaxedValue(conditional(down, given: b, rng: rng).z)) / (2 * h)
        #expect(abs(numeric - analytic[j]) < 1e-5, "b \(b), j \(j): \(numeric) vs \(analytic[j])")
      }
    }
  }

  @Test("the bernoulli conditional derivative matches finite differences")
  func logisticConditionalDerivative() {
    for l in [-2.0, 0, 0.7, 3] {
      for b in [0, 1] {
        for v in [0.03, 0.5, 0.97] {
          let h = 1e-6
          let numeric =
            (ConditionalLogistic.sample(logOdds: l + h, given: b, uniform: v).value
              - ConditionalLogistic.sample(logOdds: l - h, given: b, uniform: v).value) / (2 * h)
          let analytic = ConditionalLogistic.sample(logOdds: l, given: b, uniform: v).derivative
          #expect(abs(numeric - analytic) < 1e-5 * max(1, abs(analytic)))
        }
      }
    }
  }

  @Test("gumbel-softmax is the exact gradient of the relaxed objective (common noise)")
  func gumbelSoftmaxIsPathwise() throws {
    let problem = try GradientProblem(
      distribution: .categorical(logits: logits, temperature: tau),
      objective: .quadratic(target: [0.2, 0.1, 0.6, 0.1]))
    let n = 2_000
    let estimates = try draws(.gumbelSoftmax, on: problem, samples: n)
    // The same noise: `draws` uses stream 99 of seed 7, K uniforms per sample.
    func relaxedLoss(_ theta: [Double]) -> Double {
      var rng = Xoshiro256StarStar(seed: 7, stream: 99)
      var z = [Double](repeating: 0, count: theta.count)
      var total = 0.0
      for _ in 0..<n {
        _ = theta.withUnsafeBufferPointer {
          GumbelSoftmax.perturb($0.baseAddress!, count: theta.count, rng: &rng, into: &z)
        }
        total += relaxedValue(z)
      }
      return total / Double(n)
    }
    for j in logits.indices {
      let mean = estimates.reduce(0) { $0 + $1[j] } / Double(n)
      var up = logits
      var down = logits
      up[j] += 1e-6
      down[j] -= 1e-6
      let numeric = (relaxedLoss(up) - relaxedLoss(down)) / 2e-6
      #expect(abs(numeric - mean) < 1e-6, "component \(j)")
    }
  }
}
