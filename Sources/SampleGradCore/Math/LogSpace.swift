import Foundation

/// Numerically safe building blocks: every function is finite for every finite input.
public enum LogSpace {
  /// `log(sum(exp(x)))` without overflow: the maximum is subtracted first.
  static func logSumExp(_ x: UnsafePointer<Double>, count: Int, scale: Double = 1) -> Double {
    var m = -Double.infinity
    for i in 0..<count { m = max(m, x[i] * scale) }
    var s = 0.0
    for i in 0..<count { s += exp(x[i] * scale - m) }
    return m + log(s)
  }

  /// `out = softmax(x * scale)`, computed as `exp(x*scale - max) / sum`: the maximum is
  /// subtracted before any `exp`, so nothing overflows, and each `exp` is taken once.
  /// Returns the log-normaliser. `out` may alias `x`.
  @discardableResult
  static func softmax(
    _ x: UnsafePointer<Double>, count: Int, scale: Double = 1,
    into out: UnsafeMutablePointer<Double>
  ) -> Double {
    var m = -Double.infinity
    for i in 0..<count { m = max(m, x[i] * scale) }
    var s = 0.0
    for i in 0..<count {
      let e = exp(x[i] * scale - m)
      out[i] = e
      s += e
    }
    let inverse = 1 / s
    for i in 0..<count { out[i] *= inverse }
    return m + log(s)
  }

  /// Softmax of an array, for code outside the hot loop.
  public static func softmax(_ x: [Double], scale: Double = 1) -> [Double] {
    var out = x
    x.withUnsafeBufferPointer { xs in
      out.withUnsafeMutableBufferPointer { os in
        _ = softmax(xs.baseAddress!, count: xs.count, scale: scale, into: os.baseAddress!)
      }
    }
    return out
  }

  /// The logistic function, evaluated on the side where `exp` cannot overflow.
  public static func sigmoid(_ x: Double) -> Double {
    if x >= 0 {
      return 1 / (1 + exp(-x))
    }
    let e = exp(x)
    return e / (1 + e)
  }

  /// `log(sigmoid(x))`, finite for every finite `x`.
  public static func logSigmoid(_ x: Double) -> Double {
    x >= 0 ? -log1p(exp(-x)) : x - log1p(exp(x))
  }

  /// `log(exp(a) + exp(b))`.
  public static func logAddExp(_ a: Double, _ b: Double) -> Double {
    let m = max(a, b)
    return m + log1p(exp(-abs(a - b)))
  }

  /// A standard Gumbel variate from an open-interval uniform: `-log(-log u)`.
  public static func gumbel(_ u: Double) -> Double {
    -log(-log(u))
  }

  /// The logistic noise of the binary Concrete relaxation: `log u - log(1 - u)`.
  public static func logit(_ u: Double) -> Double {
    log(u) - log1p(-u)
  }
}
