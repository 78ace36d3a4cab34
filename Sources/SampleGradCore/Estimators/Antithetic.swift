import Foundation

extension EstimatorKind {
  /// Augment-REINFORCE-merge (Yin and Zhou 2019).
  public static let arm = EstimatorKind("arm")
  /// DisARM, ARM with the antithetic noise integrated out (Dong, Mnih, Tucker 2020).
  public static let disarm = EstimatorKind("disarm")
}

/// The two antithetic Bernoulli estimators. From one uniform u, `b = 1[u > σ(-l)]` and
/// `b' = 1[u < σ(l)]` are each Bernoulli(σ(l)) and perfectly anti-correlated.
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

/// What ARM and DisARM share: the thresholds of the pair and f at each outcome, and the draw
/// of one uniform with its antithetic pair.
struct AntitheticPair {
  /// σ(-l): `b = 1[u > threshold]`.
  private(set) var threshold = 0.5
  /// σ(l): `b' = 1[u < p]`.
  private(set) var p = 0.5
  let values: [Double]

  init(problem: GradientProblem) {
    values = problem.objective.outcomeValues
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    threshold = problem.probabilities[0]  // σ(-l)
    p = problem.probabilities[1]  // σ(l)
  }

  /// One uniform `u` and the pair `(b, b')` it decides.
  @inline(__always)
  func draw(using rng: inout Xoshiro256StarStar) -> (u: Double, b: Int, antithetic: Int) {
    let u = rng.nextOpenUniform()
    return (u, u > threshold ? 1 : 0, u < p ? 1 : 0)
  }
}

/// `(f(1[u > σ(-l)]) - f(1[u < σ(l)])) (u - 1/2)`.
struct ARM: GradientEstimator {
  var pair: AntitheticPair

  init(problem: GradientProblem) {
    pair = AntitheticPair(problem: problem)
  }

  mutating func rebind(to problem: GradientProblem) { pair.rebind(to: problem) }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let (u, b, antithetic) = pair.draw(using: &rng)
    out[0] = (pair.values[b] - pair.values[antithetic]) * (u - 0.5)
  }
}

/// `1/2 (f(b) - f(b')) (-1)^b' 1[b != b'] σ(|l|)`: zero whenever the pair agrees.
struct DisARM: GradientEstimator {
  var pair: AntitheticPair
  /// `σ(|l|) / 2`.
  var weight: Double

  init(problem: GradientProblem) {
    pair = AntitheticPair(problem: problem)
    weight = Self.weight(problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    pair.rebind(to: problem)
    weight = Self.weight(problem)
  }

  private static func weight(_ problem: GradientProblem) -> Double {
    0.5 * LogSpace.sigmoid(abs(problem.distribution.logOdds))
  }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let (_, b, antithetic) = pair.draw(using: &rng)
    guard b != antithetic else {
      out[0] = 0
      return
    }
    let sign = antithetic == 1 ? -1.0 : 1.0
    out[0] = weight * (pair.values[b] - pair.values[antithetic]) * sign
  }
}
