import Foundation

/// Samples `ztilde ~ p(z | argmax z = b)` for REBAR, from fresh uniforms, with the pieces
/// of its derivative with respect to the logits.
///
/// `ztilde_b = LSE(theta) - log(-log v_b)`;
/// `ztilde_i = -logaddexp(log(-log v_i) - theta_i, -ztilde_b)` for `i != b`
/// (Tucker et al. 2017, appendix; Maddison et al. 2014).
///
/// Derivative: `d ztilde_b / d theta_j = p_j`, and for `i != b`
/// `d ztilde_i / d theta_j = r_i delta_ij + q_i p_j`, with
/// `r_i = sigmoid(a_i + ztilde_b)`, `q_i = 1 - r_i`, `a_i = log(-log v_i) - theta_i`.
enum ConditionalGumbel {
  /// Draws `ztilde` given `b`. Writes `r` and `q` (`1 - r`, each its own sigmoid) for the
  /// derivative, `r_b = 0`, `q_b = 1`, when given: a caller that does not differentiate
  /// through `ztilde` (Gumbel-Rao) passes nil and skips their two sigmoids per category.
  static func sample(
    logits: UnsafePointer<Double>, logSumExp lse: Double, count: Int, given b: Int,
    rng: inout Xoshiro256StarStar, into ztilde: UnsafeMutablePointer<Double>,
    r: UnsafeMutablePointer<Double>? = nil, q: UnsafeMutablePointer<Double>? = nil
  ) {
    precondition((r == nil) == (q == nil), "r and q come together")
    // Draw every uniform in index order so the stream does not depend on b.
    for k in 0..<count { ztilde[k] = log(-log(rng.nextOpenUniform())) }
    let top = lse - ztilde[b]
    ztilde[b] = top
    guard let r, let q else {
      for i in 0..<count where i != b {
        ztilde[i] = -LogSpace.logAddExp(ztilde[i] - logits[i], -top)
      }
      return
    }
    r[b] = 0
    q[b] = 1
    for i in 0..<count where i != b {
      let a = ztilde[i] - logits[i]
      ztilde[i] = -LogSpace.logAddExp(a, -top)
      r[i] = LogSpace.sigmoid(a + top)
      q[i] = LogSpace.sigmoid(-(a + top))
    }
  }

  /// Chains `s = df/dztilde` through `ztilde(theta)`:
  /// `out_j = p_j (s_b + sum_{i != b} s_i q_i) + [j != b] s_j r_j`.
  static func backward(
    upstream s: UnsafePointer<Double>, probabilities p: UnsafePointer<Double>, count: Int,
    given b: Int, r: UnsafePointer<Double>, q: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>
  ) {
    var shared = s[b]
    for i in 0..<count where i != b { shared += s[i] * q[i] }
    for j in 0..<count { out[j] = p[j] * shared + s[j] * r[j] }
  }

  /// The forward product through `ztilde(theta)`, `backward`'s transpose:
  /// `out_i = r_i w_i + q_i (p . w)` (with `r_b = 0`, `q_b = 1`, so `out_b = p . w`).
  static func tangent(
    direction w: UnsafePointer<Double>, probabilities p: UnsafePointer<Double>, count: Int,
    r: UnsafePointer<Double>, q: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>
  ) {
    var shared = 0.0
    for j in 0..<count { shared += p[j] * w[j] }
    for i in 0..<count { out[i] = r[i] * w[i] + q[i] * shared }
  }
}
