import Foundation

/// `r(x) = sum_h v_h tanh(W_h . x + b_h) + c`: one hidden layer of `width` tanh units over
/// `inputs` values, the learned part of RELAX's and LAX's control variates (Grathwohl et al.
/// 2018). Its parameters live in a flat buffer the caller owns (layout: `W` row-major,
/// `width x inputs`, then `b`, then `v`, then `c`), so one optimiser moves them together with
/// the surrogate's other parameters.
///
/// Besides `r` and its input gradient, it gives the parameter gradient of `r(x)` and of its
/// directional derivative `D(x, w) = grad r(x) . w`, which a control variate's variance
/// gradient needs (`d/dψ` of an estimate that contains `grad r`). With `a_h = W_h . x + b_h`,
/// `t_h = tanh(a_h)`, `s_h = 1 - t_h^2` and `m_h = W_h . w`:
/// - `grad r = sum_h v_h s_h W_h`, `D = sum_h v_h s_h m_h`;
/// - `dr/dW_hi = v_h s_h x_i`, `dr/db_h = v_h s_h`, `dr/dv_h = t_h`, `dr/dc = 1`;
/// - `dD/dW_hi = v_h (s_h w_i - 2 t_h s_h m_h x_i)`, `dD/db_h = -2 v_h t_h s_h m_h`,
///   `dD/dv_h = s_h m_h`, `dD/dc = 0` (`ds/da = -2 t s`).
///
/// `s` is `4 E / (1 + E)^2` with `E = exp(-2|a|)`, never `1 - t^2`, which would lose every
/// digit of `s` once `|t|` rounds to 1.
struct TanhNetwork {
  let inputs: Int
  let width: Int

  /// `width (inputs + 2) + 1`.
  var parameterCount: Int { width * (inputs + 2) + 1 }

  /// Glorot-uniform weights `W ~ U(-a, a)`, `a = sqrt(6 / (inputs + width))`, from a fixed
  /// generator (the same start for every run and seed), and `b = v = c = 0`: `r` starts at 0,
  /// so a surrogate starts as the control variate without it.
  func initialize(_ p: UnsafeMutablePointer<Double>, seed: UInt64) {
    var rng = Xoshiro256StarStar(seed: seed)
    let limit = (6 / Double(max(inputs + width, 1))).squareRoot()
    for i in 0..<(width * inputs) { p[i] = (2 * rng.nextOpenUniform() - 1) * limit }
    for i in (width * inputs)..<parameterCount { p[i] = 0 }
  }

  /// `t = tanh(a)` and `s = 1 - t^2` without cancellation.
  @inline(__always)
  static func activation(_ a: Double) -> (t: Double, s: Double) {
    let e = exp(-2 * abs(a))
    return (tanh(a), 4 * e / ((1 + e) * (1 + e)))
  }

  /// `r(x)`, and `grad r(x)` written into `gradient` (`inputs` values).
  func evaluate(
    _ p: UnsafePointer<Double>, at x: UnsafePointer<Double>,
    gradient: UnsafeMutablePointer<Double>
  ) -> Double {
    let n = inputs
    let b = p + width * n
    let v = b + width
    var r = p[parameterCount - 1]
    for i in 0..<n { gradient[i] = 0 }
    for h in 0..<width {
      let row = p + h * n
      var a = b[h]
      for i in 0..<n { a += row[i] * x[i] }
      let (t, s) = Self.activation(a)
      r += v[h] * t
      let weight = v[h] * s
      for i in 0..<n { gradient[i] += weight * row[i] }
    }
    return r
  }

  /// Adds `alpha * d r(x) / dψ + beta * d D(x, w) / dψ` to `sum` (the parameter layout).
  func accumulateParameterGradient(
    _ p: UnsafePointer<Double>, at x: UnsafePointer<Double>, direction w: UnsafePointer<Double>,
    valueWeight alpha: Double, directionWeight beta: Double,
    into sum: UnsafeMutablePointer<Double>
  ) {
    let n = inputs
    let b = p + width * n
    let v = b + width
    let sumB = sum + width * n
    let sumV = sumB + width
    for h in 0..<width {
      let row = p + h * n
      var a = b[h]
      var m = 0.0
      for i in 0..<n {
        a += row[i] * x[i]
        m += row[i] * w[i]
      }
      let (t, s) = Self.activation(a)
      // d/da of (alpha r + beta D) through unit h, and the part of d/dW_h along w.
      let slope = alpha * v[h] * s - 2 * beta * v[h] * t * s * m
      let alongDirection = beta * v[h] * s
      let sumRow = sum + h * n
      for i in 0..<n { sumRow[i] += slope * x[i] + alongDirection * w[i] }
      sumB[h] += slope
      sumV[h] += alpha * t + beta * s * m
    }
    sum[parameterCount - 1] += alpha
  }
}
