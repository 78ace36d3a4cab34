import Foundation

extension EstimatorKind {
  /// Augment-REINFORCE-merge (Yin and Zhou 2019).
  public static let arm = EstimatorKind("arm")
  /// DisARM, ARM with the antithetic noise integrated out (Dong, Mnih, Tucker 2020).
  public static let disarm = EstimatorKind("disarm")
}

/// The two antithetic estimators of bits. From one uniform per bit, `b_d = 1[u_d > σ(-l_d)]`
/// and `b'_d = 1[u_d < σ(l_d)]` are each Bernoulli(σ(l_d)) and perfectly anti-correlated;
/// `f` is evaluated at the two whole vectors `b` and `b'`.
enum Antithetic {
  static let armDescriptor = EstimatorDescriptor(
    kind: .arm, stream: 10, shortName: "ARM", longName: "ARM (antithetic)",
    summary: "(f(b) - f(b')) (u - 1/2) from one uniform and its antithetic pair; unbiased",
    isUnbiased: true, needs: EstimatorNeeds(distribution: .binary), evaluations: { _ in 2 },
    make: { ARM(problem: $0) })

  static let disarmDescriptor = EstimatorDescriptor(
    kind: .disarm, stream: 11, shortName: "DisARM",
    summary: "ARM with u integrated out given (b, b'): 1/2 (f(b) - f(b')) ±σ(|l|); unbiased",
    isUnbiased: true, needs: EstimatorNeeds(distribution: .binary), evaluations: { _ in 2 },
    make: { DisARM(problem: $0) })
}

/// What ARM and DisARM share: each bit's thresholds, and the draw of one uniform per bit
/// with the antithetic pair of bit vectors it decides.
struct AntitheticPairs {
  let variables: Int
  /// `f` at hard outcomes.
  private(set) var table: OutcomeTable
  /// σ(-l_d) (`b_d = 1[u_d > threshold_d]`), σ(l_d) (`b'_d = 1[u_d < p_d]`), `σ(|l_d|) / 2`,
  /// and the uniforms of the current draw.
  let buffers: ScratchBuffers
  /// `b` then `b'`.
  let bits: ScratchBuffers

  init(problem: GradientProblem) {
    variables = problem.variables
    table = OutcomeTable(objective: problem.objective)
    buffers = ScratchBuffers(count: variables, slots: 4)
    bits = ScratchBuffers(count: 1, slots: 1, indexCount: 2 * variables)
    rebind(to: problem)
  }

  var threshold: UnsafeMutablePointer<Double> { buffers.slot(0) }
  var p: UnsafeMutablePointer<Double> { buffers.slot(1) }
  /// DisARM's `σ(|l_d|) / 2`.
  var halfSigmoidOfMagnitude: UnsafeMutablePointer<Double> { buffers.slot(2) }
  var uniforms: UnsafeMutablePointer<Double> { buffers.slot(3) }
  var b: UnsafeMutablePointer<Int> { bits.indices }
  var antithetic: UnsafeMutablePointer<Int> { bits.indices + variables }

  mutating func rebind(to problem: GradientProblem) {
    table.rebind(to: problem.objective)
    let logOdds = problem.distribution.parameters
    for d in 0..<variables {
      threshold[d] = problem.probabilities[2 * d]  // σ(-l)
      p[d] = problem.probabilities[2 * d + 1]  // σ(l)
      halfSigmoidOfMagnitude[d] = 0.5 * LogSpace.sigmoid(abs(logOdds[d]))
    }
  }

  /// One uniform per bit and the pair of bit vectors it decides; returns `f(b) - f(b')`.
  @inline(__always)
  func draw(using rng: inout Xoshiro256StarStar) -> Double {
    for d in 0..<variables {
      let u = rng.nextOpenUniform()
      uniforms[d] = u
      b[d] = u > threshold[d] ? 1 : 0
      antithetic[d] = u < p[d] ? 1 : 0
    }
    return table.value(outcomes: b) - table.value(outcomes: antithetic)
  }
}

/// `g_d = (f(1[u > σ(-l)]) - f(1[u < σ(l)])) (u_d - 1/2)`.
struct ARM: GradientEstimator {
  var pairs: AntitheticPairs

  init(problem: GradientProblem) { pairs = AntitheticPairs(problem: problem) }

  mutating func rebind(to problem: GradientProblem) { pairs.rebind(to: problem) }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let difference = pairs.draw(using: &rng)
    for d in 0..<pairs.variables { out[d] = difference * (pairs.uniforms[d] - 0.5) }
  }
}

/// `g_d = 1/2 (f(b) - f(b')) (-1)^(b'_d) 1[b_d != b'_d] σ(|l_d|)`: zero for every bit the
/// pair agrees on.
struct DisARM: GradientEstimator {
  var pairs: AntitheticPairs

  init(problem: GradientProblem) { pairs = AntitheticPairs(problem: problem) }

  mutating func rebind(to problem: GradientProblem) { pairs.rebind(to: problem) }

  /// `(-1)^(b'_d) 1[b_d != b'_d]` is `b_d - b'_d` (1, -1 or 0): no branch per bit.
  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let difference = pairs.draw(using: &rng)
    for d in 0..<pairs.variables {
      let sign = Double(pairs.b[d] - pairs.antithetic[d])
      out[d] = pairs.halfSigmoidOfMagnitude[d] * difference * sign
    }
  }
}
