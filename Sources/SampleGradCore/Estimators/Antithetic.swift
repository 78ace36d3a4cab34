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

/// `(f(1[u > σ(-l)]) - f(1[u < σ(l)])) (u - 1/2)`.
struct ARM: GradientEstimator {
  var threshold = 0.5
  var p = 0.5
  let values: [Double]

  init(problem: GradientProblem) {
    values = problem.objective.outcomeValues
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    threshold = problem.probabilities[0]  // σ(-l)
    p = problem.probabilities[1]  // σ(l)
  }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let u = rng.nextOpenUniform()
    let b = u > threshold ? 1 : 0
    let antithetic = u < p ? 1 : 0
    out[0] = (values[b] - values[antithetic]) * (u - 0.5)
  }
}

/// `1/2 (f(b) - f(b')) (-1)^b' 1[b != b'] σ(|l|)`: zero whenever the pair agrees.
struct DisARM: GradientEstimator {
  var threshold = 0.5
  var p = 0.5
  var weight = 0.0
  let values: [Double]

  init(problem: GradientProblem) {
    values = problem.objective.outcomeValues
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    threshold = problem.probabilities[0]
    p = problem.probabilities[1]
    weight = 0.5 * LogSpace.sigmoid(abs(problem.distribution.parameters[0]))
  }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let u = rng.nextOpenUniform()
    let b = u > threshold ? 1 : 0
    let antithetic = u < p ? 1 : 0
    guard b != antithetic else {
      out[0] = 0
      return
    }
    let sign = antithetic == 1 ? -1.0 : 1.0
    out[0] = weight * (values[b] - values[antithetic]) * sign
  }
}
