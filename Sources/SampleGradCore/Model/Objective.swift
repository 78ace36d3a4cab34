import Foundation

/// An objective checked against its distribution (lengths, finiteness, where it is
/// defined) and ready to evaluate in the sampling loop, with `f` precomputed at every
/// discrete outcome.
public struct Objective: Sendable, Equatable {
  public let spec: ObjectiveSpec
  /// `f` at each outcome: `f(e_j)` per category, or `[f(0), f(1)]` for a Bernoulli.
  public let outcomeValues: [Double]

  public init(_ spec: ObjectiveSpec, for distribution: Distribution) throws(InvalidScenario) {
    let problems = Self.problems(spec, for: distribution.spec)
    guard problems.isEmpty else { throw InvalidScenario(problems) }
    self.spec = spec
    outcomeValues = Self.outcomeValues(spec, distribution: distribution.spec)
  }

  public var kind: ObjectiveKind { spec.kind }
  public var capabilities: ObjectiveCapabilities { spec.kind.capabilities }

  /// The rules an objective must satisfy for `distribution`, each with its key.
  public static func problems(
    _ spec: ObjectiveSpec, for distribution: DistributionSpec
  ) -> [ScenarioProblem] {
    let kind = distribution.kind
    guard spec.kind.applies(to: distribution.capabilities) else {
      return [
        ScenarioProblem(
          key: "objective.kind",
          message: "'\(spec.kind.rawValue)' does not apply to a \(kind.rawValue) distribution")
      ]
    }
    var found: [ScenarioProblem] = []
    let categories: Int
    switch distribution {
    case .categorical(let logits, _):
      categories = Scenario.categoryRange.contains(logits.count) ? logits.count : 0
    default: categories = 1
    }
    func length(_ values: [Double], _ key: String, expected: Int, note: String) {
      if expected > 0 && values.count != expected {
        found.append(
          ScenarioProblem(key: "objective.\(key)", message: "needs \(note), got \(values.count)"))
      }
      found += ScenarioRules.inRange(values, NumericDomain.objective, key: "objective.\(key)")
    }
    let perCategory = kind == .categorical ? "\(categories) values, one per logit" : "one value"
    switch spec {
    case .linear(let weights): length(weights, "weights", expected: categories, note: perCategory)
    case .quadratic(let target): length(target, "target", expected: categories, note: perCategory)
    case .cosine(let frequency):
      found += ScenarioRules.inRange(
        [frequency], NumericDomain.objective, key: "objective.frequency")
    case .step(let threshold):
      found += ScenarioRules.inRange(
        [threshold], NumericDomain.objective, key: "objective.threshold")
    case .table(let values):
      let expected = kind == .categorical ? categories : 2
      let note =
        kind == .categorical ? "\(categories) values, one per category" : "2 values, [f(0), f(1)]"
      length(values, "values", expected: expected, note: note)
    }
    return found
  }

  private static func outcomeValues(_ spec: ObjectiveSpec, distribution: DistributionSpec)
    -> [Double]
  {
    switch distribution {
    case .categorical(let logits, _):
      let k = logits.count
      return (0..<k).map { j in
        switch spec {
        case .linear(let w): w[j]
        case .quadratic(let t):
          (0..<k).reduce(0.0) { s, i in
            let diff = (i == j ? 1.0 : 0.0) - t[i]
            return s + diff * diff
          }
        case .table(let values): values[j]
        case .cosine, .step: 0
        }
      }
    case .bernoulli:
      if case .table(let values) = spec { return values }
      return [scalarValue(spec, 0), scalarValue(spec, 1)]
    case .gaussian:
      return []
    }
  }

  // MARK: vectors (categorical)

  /// `f(x)` for a point of the simplex (one-hot or relaxed).
  func value(_ x: UnsafePointer<Double>, count: Int) -> Double {
    var s = 0.0
    switch spec {
    case .linear(let w):
      for k in 0..<count { s += w[k] * x[k] }
    case .quadratic(let t):
      for k in 0..<count {
        let diff = x[k] - t[k]
        s += diff * diff
      }
    case .cosine, .step, .table: break
    }
    return s
  }

  /// `df/dx` at `x`, written into `d`.
  func gradient(_ x: UnsafePointer<Double>, count: Int, into d: UnsafeMutablePointer<Double>) {
    switch spec {
    case .linear(let w):
      for k in 0..<count { d[k] = w[k] }
    case .quadratic(let t):
      for k in 0..<count { d[k] = 2 * (x[k] - t[k]) }
    case .cosine, .step, .table:
      for k in 0..<count { d[k] = 0 }
    }
  }

  /// `df/dx` at the one-hot vector `e_b`, written into `d`.
  func gradientAtOneHot(_ b: Int, count: Int, into d: UnsafeMutablePointer<Double>) {
    switch spec {
    case .linear(let w):
      for k in 0..<count { d[k] = w[k] }
    case .quadratic(let t):
      for k in 0..<count { d[k] = 2 * ((k == b ? 1 : 0) - t[k]) }
    case .cosine, .step, .table:
      for k in 0..<count { d[k] = 0 }
    }
  }

  // MARK: scalars (bernoulli and gaussian)

  /// `f(x)` for a scalar sample (a Bernoulli's table is read at the nearer outcome).
  public func value(_ x: Double) -> Double { Self.scalarValue(spec, x) }

  private static func scalarValue(_ spec: ObjectiveSpec, _ x: Double) -> Double {
    switch spec {
    case .linear(let w): w[0] * x
    case .quadratic(let t): (x - t[0]) * (x - t[0])
    case .cosine(let w): cos(w * x)
    case .step(let c): x > c ? 1 : 0
    case .table(let values): values[x > 0.5 ? 1 : 0]
    }
  }

  /// `f'(x)` for a scalar sample (0 where the objective has no derivative).
  public func derivative(_ x: Double) -> Double {
    switch spec {
    case .linear(let w): w[0]
    case .quadratic(let t): 2 * (x - t[0])
    case .cosine(let w): -w * sin(w * x)
    case .step, .table: 0
    }
  }
}
