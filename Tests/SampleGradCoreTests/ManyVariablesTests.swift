import Foundation
import Testing

@testable import SampleGradCore

/// D independent variables: the closed-form exact answers against enumeration, and what each
/// estimator is supposed to do there, against truth computed here, not by the code under test.
@Suite("Many variables")
struct ManyVariablesTests {
  /// Every outcome of D variables with K outcomes each (K^D of them), as outcome indices.
  static func outcomes(variables d: Int, categories k: Int) -> [[Int]] {
    (0..<Int(pow(Double(k), Double(d)))).map { n in
      var rest = n
      return (0..<d).map { _ in
        defer { rest /= k }
        return rest % k
      }
    }
  }

  /// `f` written out from the objective's definition (not `Objective`'s code).
  static func f(_ values: [Double], _ spec: ObjectiveSpec) -> Double {
    let n = Double(values.count)
    switch spec {
    case .meanSquared(let t, _): return values.map { ($0 - t) * ($0 - t) }.reduce(0, +) / n
    case .squaredMean(let t, _):
      let m = values.reduce(0, +) / n - t
      return m * m
    default: fatalError("a many-variable objective")
    }
  }

  /// L and its gradient by enumeration: `L = sum_x P(x) f(x)`, `dL/dθ = sum_x P(x) f(x)
  /// score(x)` (the score-function identity, exact when summed over every outcome).
  static func enumerate(_ problem: GradientProblem) -> (loss: Double, gradient: [Double]) {
    let spec = problem.distribution.spec
    let d = spec.variables
    let k = spec.outcomes
    let p = problem.probabilities
    let isBits = spec.kind == .bernoulli
    let values: [Double]
    switch problem.objective.spec {
    case .meanSquared(_, let v), .squaredMean(_, let v): values = v ?? (0..<k).map(Double.init)
    default: values = []
    }
    var loss = 0.0
    var gradient = [Double](repeating: 0, count: spec.parameterCount)
    for x in outcomes(variables: d, categories: k) {
      let probability = x.enumerated().reduce(1.0) { $0 * p[$1.0 * k + $1.1] }
      let value = f(x.map { values[$0] }, problem.objective.spec)
      loss += probability * value
      for v in 0..<d {
        if isBits {
          gradient[v] += probability * value * (Double(x[v]) - p[2 * v + 1])
        } else {
          for j in 0..<k {
            gradient[v * k + j] += probability * value * ((x[v] == j ? 1 : 0) - p[v * k + j])
          }
        }
      }
    }
    return (loss, gradient)
  }

  static let small: [GradientProblem] = [
    Problems.bitsMeanSquared, Problems.bitsSquaredMean, Problems.rowsMeanSquared,
    Problems.rowsSquaredMean,
    try! GradientProblem(
      distribution: .categorical(logits: [0.2, -1, 0.7], temperature: 1),
      objective: .squaredMean(target: -0.5, values: [2, -1, 0.5])),
    try! GradientProblem(
      distribution: .bernoulli(logOdds: [4, -3, 0.1], temperature: 1),
      objective: .meanSquared(target: 1.7, values: nil)),
  ]

  @Test("the closed forms equal enumeration of every outcome (to 1e-12)", arguments: small)
  func closedFormsMatchEnumeration(_ problem: GradientProblem) {
    let truth = Self.enumerate(problem)
    // Sums of at most 64 terms of size ~10: rounding stays far below 1e-12.
    #expect(abs(problem.exact.loss - truth.loss) < 1e-12)
    for (a, b) in zip(problem.exact.gradient, truth.gradient) { #expect(abs(a - b) < 1e-12) }
  }

  @Test("the closed forms at 128 bits equal the finite difference of the loss")
  func finiteDifferencesAt128Bits() throws {
    let logits = (0..<128).map { sin(Double($0)) * 2 }
    let spec = DistributionSpec.bernoulli(logOdds: logits, temperature: 0.5)
    for objective in [
      ObjectiveSpec.meanSquared(target: 0.45, values: nil), .squaredMean(target: 0.3, values: nil),
    ] {
      let problem = try GradientProblem(distribution: spec, objective: objective)
      for i in [0, 17, 127] {
        // Central differences at h = 1e-5: truncation ~h^2 L''' and rounding ~1e-16 / h.
        let h = 1e-5
        let up = try GradientProblem(
          distribution: spec.with(parameter: i, value: logits[i] + h), objective: objective)
        let down = try GradientProblem(
          distribution: spec.with(parameter: i, value: logits[i] - h), objective: objective)
        let difference = (up.exact.loss - down.exact.loss) / (2 * h)
        #expect(abs(problem.exact.gradient[i] - difference) < 1e-10)
      }
    }
  }

  @Test("one variable: mean-squared on a bit is the quadratic objective")
  func oneBitIsTheQuadratic() throws {
    let spec = DistributionSpec.bernoulli(logOdds: 0.7, temperature: 0.5)
    let many = try GradientProblem(
      distribution: spec, objective: .meanSquared(target: 0.45, values: nil))
    let one = try GradientProblem(distribution: spec, objective: .quadratic(target: [0.45]))
    #expect(abs(many.exact.loss - one.exact.loss) < 1e-15)
    #expect(abs(many.exact.gradient[0] - one.exact.gradient[0]) < 1e-15)
  }

  @Test("IndeCateR has variance 0 when f is a sum over variables (mean-squared)")
  func indecaterIsExactOnSeparableObjectives() throws {
    for problem in [Problems.bitsMeanSquared, Problems.rowsMeanSquared] {
      let m = try moments(.indecater, on: problem, samples: 2_000)
      // Each estimate is the exact gradient up to rounding: the other variables' terms are
      // the same for every outcome of variable d and cancel in its chain rule.
      for (mean, exact) in zip(m.mean, problem.exact.gradient) {
        #expect(abs(mean - exact) < 1e-12)
      }
      #expect(m.variance.allSatisfy { $0 < 1e-24 })
    }
  }

  @Test("IndeCateR counts D K k evaluations")
  func indecaterEvaluations() throws {
    let sampler = try GradientSampler(problem: Problems.rowsSquaredMean, kind: .indecater)
    #expect(sampler.evaluations == 3 * 2 * 4)
  }

  @Test("IndeCateR refuses a size whose evaluations run into the millions, naming the option")
  func indecaterRule() {
    #expect(throws: InvalidScenario.self) {
      try Scenario(
        name: "big", estimators: [.indecater],
        distribution: .categorical(
          rows: [[Double]](repeating: [0, 0, 0, 0], count: 2000), temperature: 1),
        objective: .meanSquared(target: 0.5, values: nil),
        options: EstimatorOptions(["draws": 200]))
    }
  }

  @Test("DisARM has variance 0 on independent bits at p = 1/2 with a separable objective")
  func disarmAtOneHalf() throws {
    let problem = try GradientProblem(
      distribution: .bernoulli(logOdds: [Double](repeating: 0, count: 8), temperature: 0.5),
      objective: .meanSquared(target: 0.45, values: nil))
    let m = try moments(.disarm, on: problem, samples: 5_000)
    // Not zero here: with D bits f(b) - f(b') mixes every bit's term, unlike one bit.
    #expect(worstZScore(m, exact: problem.exact.gradient) < 5)
  }

  @Test("a one-row logits list stays the single categorical of today")
  func oneRowIsTheSingleCategorical() {
    let one = DistributionSpec.categorical(logits: [1, 0, -1], temperature: 0.5)
    let rows = DistributionSpec.categorical(rows: [[1, 0, -1]], temperature: 0.5)
    #expect(one == rows)
    #expect(one.parameterNames == ["logit 1", "logit 2", "logit 3"])
  }
}
