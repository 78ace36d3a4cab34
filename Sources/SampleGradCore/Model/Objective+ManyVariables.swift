/// The many-variable objectives (`mean-squared`, `squared-mean`): a function of one running
/// sum of per-variable terms, `f = combine(sum_d term(v_d))`.
extension Objective {
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
  func manyVariableGradient(
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
}
