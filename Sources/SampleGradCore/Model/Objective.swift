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
  let form: Form
  /// The array `form` reads: the weights (linear), the target (quadratic) or the values
  /// (table); empty otherwise.
  private let coefficients: [Double]

  enum Form: Equatable {
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
    (form, coefficients) = Self.form(of: spec)
    outcomeValues = Self.outcomeValues(
      spec, layout: layout, values: values, form: form, coefficients: coefficients)
  }

  private static func form(of spec: ObjectiveSpec) -> (Form, [Double]) {
    switch spec {
    case .linear(let w): (.linear, w)
    case .quadratic(let t): (.quadratic, t)
    case .table(let v): (.table, v)
    case .model: (.model, [])
    case .cosine(let w): (.cosine(w), [])
    case .step(let c): (.step(c), [])
    case .meanSquared(let t, _): (.meanSquared(t), [])
    case .squaredMean(let t, _): (.squaredMean(t), [])
    }
  }

  public var kind: ObjectiveKind { spec.kind }
  public var capabilities: ObjectiveCapabilities { spec.kind.capabilities }

  private static func outcomeValues(
    _ spec: ObjectiveSpec, layout: ObjectiveLayout, values: [Double], form: Form,
    coefficients: [Double]
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
    default: return [0, 1].map { scalarValue(form, coefficients, $0) }
    }
  }

  /// Whether `f` is linear or quadratic: the forms kernels evaluate themselves
  /// (`withLinearOrQuadratic`).
  var isLinearOrQuadratic: Bool { form == .linear || form == .quadratic }

  /// `body` of a linear or quadratic objective's form, for kernels that evaluate `f` and
  /// `f'` themselves as `value` and `gradient` do: whether it is quadratic, and its weights or
  /// target; nil for another form. The array is lent, not copied: every thread's estimator
  /// reads the same one, and a copy's retain and release per block made the threads take
  /// turns at its reference count.
  func withLinearOrQuadratic<R>(
    _ body: (_ quadratic: Bool, _ coefficients: UnsafePointer<Double>) -> R
  ) -> R? {
    guard isLinearOrQuadratic else { return nil }
    return coefficients.withUnsafeBufferPointer { body(form == .quadratic, $0.baseAddress!) }
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
  var modelFunction: any ModelFunction {
    guard case .model(let model) = spec else { preconditionFailure("not a model objective") }
    return model.function
  }

  // MARK: scalars (bernoulli and gaussian)

  /// `f(x)` for a scalar sample (a Bernoulli's table is read at the nearer outcome).
  public func value(_ x: Double) -> Double {
    if case .model = form { return withUnsafePointer(to: x) { modelFunction.value($0) } }
    return Self.scalarValue(form, coefficients, x)
  }

  /// `f(x)` of every form but a model's (whose `f` is its function's); `init` lists a bit's
  /// two outcomes with it too.
  private static func scalarValue(_ form: Form, _ c: [Double], _ x: Double) -> Double {
    switch form {
    case .linear: c[0] * x
    case .quadratic: (x - c[0]) * (x - c[0])
    case .cosine(let w): cos(w * x)
    case .step(let threshold): x > threshold ? 1 : 0
    case .table: c[x > 0.5 ? 1 : 0]
    case .meanSquared(let t), .squaredMean(let t): (x - t) * (x - t)
    case .model: preconditionFailure("a model's f is its function's")
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
