import Foundation

/// An objective checked against its distribution (lengths, finiteness, where it is
/// defined) and ready to evaluate in the sampling loop, with `f` precomputed at every
/// outcome of a single variable.
///
/// `f` is evaluated at points in the family's coordinates (`ObjectiveLayout`): one-hot or
/// relaxed simplex rows (categorical), bits or relaxed bits (bernoulli), a real number
/// (gaussian). The one-variable objectives keep their own formulas; `mean-squared` and
/// `squared-mean` read each variable's value `v_d` from the point and are a function of one
/// running sum over the variables, `f = combine(sum_d term(v_d))`, so that changing one
/// variable costs O(1) (IndeCateR, through `OutcomeTable`).
public struct Objective: Sendable, Equatable {
  public let spec: ObjectiveSpec
  /// `f` at each outcome of a single variable: `f(e_j)` per category, `[f(0), f(1)]` for a
  /// bernoulli; empty for many variables (they have too many outcomes to list).
  public let outcomeValues: [Double]
  /// How the family's points are read.
  public let layout: ObjectiveLayout
  /// Each outcome's value `v` for the many-variable objectives (`values`, or the layout's).
  let values: [Double]
  /// The hot path's view of `spec`, with only numbers for payloads: a `switch` over `spec`
  /// copies the case's array (a retain and a release per call, in every estimate).
  private let form: Form
  /// The array `form` reads: the weights (linear), the target (quadratic) or the values
  /// (table); empty otherwise.
  private let coefficients: [Double]

  private enum Form: Equatable {
    case linear, quadratic, table, model
    case cosine(Double)
    case step(Double)
    case meanSquared(Double)
    case squaredMean(Double)
  }

  public init(_ spec: ObjectiveSpec, for distribution: Distribution) throws(InvalidScenario) {
    let problems = Self.problems(spec, for: distribution.spec)
    guard problems.isEmpty else { throw InvalidScenario(problems) }
    self.spec = spec
    layout = distribution.spec.family.objectiveLayout
    switch spec {
    case .meanSquared(_, let given), .squaredMean(_, let given):
      values = given ?? layout.outcomeValues
    default:
      values = []
    }
    outcomeValues = Self.outcomeValues(spec, layout: layout, values: values)
    switch spec {
    case .linear(let w): (form, coefficients) = (.linear, w)
    case .quadratic(let t): (form, coefficients) = (.quadratic, t)
    case .table(let v): (form, coefficients) = (.table, v)
    case .model: (form, coefficients) = (.model, [])
    case .cosine(let w): (form, coefficients) = (.cosine(w), [])
    case .step(let c): (form, coefficients) = (.step(c), [])
    case .meanSquared(let t, _): (form, coefficients) = (.meanSquared(t), [])
    case .squaredMean(let t, _): (form, coefficients) = (.squaredMean(t), [])
    }
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
    let layout = distribution.family.objectiveLayout
    if !spec.kind.takesManyVariables && layout.variables > 1 {
      return [
        ScenarioProblem(
          key: "objective.kind",
          message:
            "'\(spec.kind.rawValue)' takes one variable, and this \(kind.rawValue) has \(layout.variables) (use mean-squared or squared-mean)"
        )
      ]
    }
    var found: [ScenarioProblem] = []
    // 0 when the family's own size is invalid (its problem is reported there).
    let categories = layout.isVector ? layout.outcomes : 1
    func length(_ values: [Double], _ key: String, expected: Int, note: String) {
      if expected > 0 && values.count != expected {
        found.append(
          ScenarioProblem(key: "objective.\(key)", message: "needs \(note), got \(values.count)"))
      }
      found += ScenarioRules.inRange(values, NumericDomain.objective, key: "objective.\(key)")
    }
    let perCategory = layout.isVector ? "\(categories) values, one per logit" : "one value"
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
      let expected = layout.isVector ? categories : 2
      let note =
        layout.isVector ? "\(categories) values, one per category" : "2 values, [f(0), f(1)]"
      length(values, "values", expected: expected, note: note)
    case .model(let model):
      if model.function.variables != layout.variables {
        found.append(
          ScenarioProblem(
            key: "objective",
            message:
              "\(model.name) reads \(model.function.variables) variables, and the distribution has \(layout.variables)"
          ))
      }
    case .meanSquared(let target, let values), .squaredMean(let target, let values):
      found += ScenarioRules.inRange([target], NumericDomain.objective, key: "objective.target")
      if let values {
        if layout.isVector {
          length(
            values, "values", expected: layout.outcomes,
            note: "\(layout.outcomes) values, one per category")
        } else {
          found.append(
            ScenarioProblem(
              key: "objective.values",
              message:
                "does not apply to a \(kind.rawValue) (a variable's value is its outcome; values name a categorical's)"
            ))
        }
      }
    }
    return found
  }

  private static func outcomeValues(
    _ spec: ObjectiveSpec, layout: ObjectiveLayout, values: [Double]
  ) -> [Double] {
    guard layout.variables == 1, layout.outcomes > 0 else { return [] }
    if layout.isVector {
      let k = layout.outcomes
      return (0..<k).map { j in
        switch spec {
        case .linear(let w): w[j]
        case .quadratic(let t):
          (0..<k).reduce(0.0) { s, i in
            let diff = (i == j ? 1.0 : 0.0) - t[i]
            return s + diff * diff
          }
        case .table(let values): values[j]
        case .meanSquared(let t, _), .squaredMean(let t, _): (values[j] - t) * (values[j] - t)
        case .cosine, .step, .model: 0
        }
      }
    }
    switch spec {
    case .table(let values): return values
    case .model: return []
    case .meanSquared(let t, _), .squaredMean(let t, _):
      return values.map { ($0 - t) * ($0 - t) }
    default: return [scalarValue(spec, 0), scalarValue(spec, 1)]
    }
  }

  // MARK: points

  /// `f(x)` at a point of `count` coordinates (one-hot or relaxed rows, bits, a number).
  func value(_ x: UnsafePointer<Double>, count: Int) -> Double {
    switch form {
    case .model:
      return modelFunction.value(x)
    case .meanSquared, .squaredMean:
      return combine(sumOfTerms(x, count: count))
    case .linear:
      return coefficients.withUnsafeBufferPointer { w in
        if count == 1 { return w[0] * x[0] }
        var s = 0.0
        for k in 0..<count { s += w[k] * x[k] }
        return s
      }
    case .quadratic:
      return coefficients.withUnsafeBufferPointer { t in
        if count == 1 { return (x[0] - t[0]) * (x[0] - t[0]) }
        var s = 0.0
        for k in 0..<count {
          let diff = x[k] - t[k]
          s += diff * diff
        }
        return s
      }
    case .cosine, .step, .table:
      return count == 1 ? value(x[0]) : 0
    }
  }

  /// `df/dx` at `x`, written into `d`.
  func gradient(_ x: UnsafePointer<Double>, count: Int, into d: UnsafeMutablePointer<Double>) {
    switch form {
    case .model:
      modelFunction.gradient(x, into: d)
    case .meanSquared, .squaredMean:
      manyVariableGradient(x, count: count, into: d)
    case .linear:
      coefficients.withUnsafeBufferPointer { w in
        for k in 0..<count { d[k] = w[k] }
      }
    case .quadratic:
      coefficients.withUnsafeBufferPointer { t in
        for k in 0..<count { d[k] = 2 * (x[k] - t[k]) }
      }
    case .cosine, .step, .table:
      if count == 1 {
        d[0] = derivative(x[0])
      } else {
        for k in 0..<count { d[k] = 0 }
      }
    }
  }

  /// The model's `f` (for `.model` only).
  private var modelFunction: any ModelFunction {
    guard case .model(let model) = spec else { preconditionFailure("not a model objective") }
    return model.function
  }

  // MARK: many variables

  /// Variable `d`'s value at a point: the coordinate itself (bits), or the row's dot product
  /// with `values` (simplex rows).
  @inline(__always)
  func variableValue(_ x: UnsafePointer<Double>, variable d: Int) -> Double {
    let c = layout.coordinates
    if c == 1 { return x[d] }
    let row = x + d * c
    var v = 0.0
    for k in 0..<c { v += row[k] * values[k] }
    return v
  }

  /// `term(v)`: `(v - t)^2` (mean-squared) or `v` (squared-mean).
  @inline(__always)
  func term(_ v: Double) -> Double {
    switch form {
    case .meanSquared(let t): (v - t) * (v - t)
    default: v
    }
  }

  /// `f` from the sum of the terms: `S / D`, or `(S / D - t)^2`.
  @inline(__always)
  func combine(_ sum: Double) -> Double {
    let n = Double(layout.variables)
    switch form {
    case .squaredMean(let t):
      let m = sum / n - t
      return m * m
    default: return sum / n
    }
  }

  /// The sum of the terms of every variable at a point.
  func sumOfTerms(_ x: UnsafePointer<Double>, count: Int) -> Double {
    var s = 0.0
    for d in 0..<layout.variables { s += term(variableValue(x, variable: d)) }
    return s
  }

  /// `df/dx` of the many-variable objectives: `df/dv_d = combine'(S) term'(v_d)`, times
  /// `values` along a simplex row.
  private func manyVariableGradient(
    _ x: UnsafePointer<Double>, count: Int, into out: UnsafeMutablePointer<Double>
  ) {
    let n = Double(layout.variables)
    let c = layout.coordinates
    var shared = 0.0
    if case .squaredMean(let t) = form {
      shared = 2 * (sumOfTerms(x, count: count) / n - t) / n
    }
    for d in 0..<layout.variables {
      let slope: Double
      switch form {
      case .meanSquared(let t): slope = 2 * (variableValue(x, variable: d) - t) / n
      default: slope = shared
      }
      if c == 1 {
        out[d] = slope
      } else {
        for k in 0..<c { out[d * c + k] = slope * values[k] }
      }
    }
  }

  /// The exact loss and `dL/dp` of the many-variable objectives from the marginals
  /// `p` (`D x K`, row-major), in closed form from each variable's mean and variance (no
  /// enumeration; written without `E v^2 - (E v)^2`, which cancels):
  /// mean-squared `L = (1/D) sum_d sum_k p_dk (v_k - t)^2`, `dL/dp_dk = (v_k - t)^2 / D`;
  /// squared-mean `L = (1/D^2) sum_d Var_d + (mean_d mu_d - t)^2`,
  /// `dL/dp_dk = (v_k - mu_d)^2 / D^2 + 2 (mean_d mu_d - t) v_k / D` (up to a constant per
  /// row, which the softmax's and the sigmoid's chain rules ignore).
  func marginalExact(_ p: [Double]) -> (loss: Double, slopes: [Double]) {
    let n = layout.variables
    let k = layout.outcomes
    let scale = Double(n)
    var slopes = [Double](repeating: 0, count: n * k)
    switch spec {
    case .meanSquared(let t, _):
      var loss = 0.0
      for d in 0..<n {
        for j in 0..<k {
          let e = (values[j] - t) * (values[j] - t)
          slopes[d * k + j] = e / scale
          loss += p[d * k + j] * e
        }
      }
      return (loss / scale, slopes)
    case .squaredMean(let t, _):
      var means = [Double](repeating: 0, count: n)
      var variance = 0.0
      for d in 0..<n {
        var mu = 0.0
        for j in 0..<k { mu += p[d * k + j] * values[j] }
        means[d] = mu
        for j in 0..<k { variance += p[d * k + j] * (values[j] - mu) * (values[j] - mu) }
      }
      let gap = means.reduce(0, +) / scale - t
      for d in 0..<n {
        for j in 0..<k {
          let v = values[j]
          slopes[d * k + j] =
            (v - means[d]) * (v - means[d]) / (scale * scale) + 2 * gap * v / scale
        }
      }
      return (variance / (scale * scale) + gap * gap, slopes)
    default:
      preconditionFailure("marginalExact is for the many-variable objectives")
    }
  }

  // MARK: scalars (bernoulli and gaussian)

  /// `f(x)` for a scalar sample (a Bernoulli's table is read at the nearer outcome).
  public func value(_ x: Double) -> Double {
    switch form {
    case .linear: coefficients[0] * x
    case .quadratic: (x - coefficients[0]) * (x - coefficients[0])
    case .cosine(let w): cos(w * x)
    case .step(let c): x > c ? 1 : 0
    case .table: coefficients[x > 0.5 ? 1 : 0]
    case .meanSquared(let t), .squaredMean(let t): (x - t) * (x - t)
    case .model: withUnsafePointer(to: x) { modelFunction.value($0) }
    }
  }

  private static func scalarValue(_ spec: ObjectiveSpec, _ x: Double) -> Double {
    switch spec {
    case .linear(let w): w[0] * x
    case .quadratic(let t): (x - t[0]) * (x - t[0])
    case .cosine(let w): cos(w * x)
    case .step(let c): x > c ? 1 : 0
    case .table(let values): values[x > 0.5 ? 1 : 0]
    case .meanSquared(let t, _), .squaredMean(let t, _): (x - t) * (x - t)
    case .model(let model): withUnsafePointer(to: x) { model.function.value($0) }
    }
  }

  /// `f'(x)` for a scalar sample (0 where the objective has no derivative).
  public func derivative(_ x: Double) -> Double {
    switch form {
    case .linear: coefficients[0]
    case .quadratic: 2 * (x - coefficients[0])
    case .cosine(let w): -w * sin(w * x)
    case .meanSquared(let t), .squaredMean(let t): 2 * (x - t)
    case .step, .table: 0
    case .model:
      withUnsafePointer(to: x) { point in
        var slope = 0.0
        modelFunction.gradient(point, into: &slope)
        return slope
      }
    }
  }
}

/// How a family's points are read by an objective: `variables` D, `coordinates` per variable
/// (a categorical's K simplex coordinates, 1 for a bit or a real number), `outcomes` K per
/// variable, and each outcome's value when `mean-squared` or `squared-mean` gives none.
public struct ObjectiveLayout: Sendable, Equatable {
  public let variables: Int
  public let coordinates: Int
  public let outcomes: Int
  /// `0, 1, ..., K-1` for a categorical, `[0, 1]` for a bit, empty when continuous.
  public let outcomeValues: [Double]
  /// Whether a one-variable objective takes a vector (one value per category).
  public let isVector: Bool

  init(variables: Int, coordinates: Int, outcomes: Int, outcomeValues: [Double], isVector: Bool) {
    self.variables = variables
    self.coordinates = coordinates
    self.outcomes = outcomes
    self.outcomeValues = outcomeValues
    self.isVector = isVector
  }
}
