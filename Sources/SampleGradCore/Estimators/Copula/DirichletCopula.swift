import Foundation

/// The Dirichlet copula of ARMS (Dimitriev and Zhou 2021): `n` uniforms, each marginally
/// U(0, 1) and negatively correlated with the others, from a flat Dirichlet draw
/// `w = E / sum(E)`, `E_i ~ Exp(1)`: `u_i = (1 - w_i)^(n-1)`, since `w_i ~ Beta(1, n - 1)` has
/// `P(w_i > x) = (1 - x)^(n-1)`.
///
/// A bit with rare outcome probability `r = min(p, 1 - p)` takes its rare outcome in sample i
/// when `u_i < r`, that is when `w_i > c = 1 - r^(1/(n-1))` (`c` from `expm1`, no
/// cancellation), so that rare outcomes of two samples exclude each other as far as the copula
/// allows. Both rare, with the flat Dirichlet's joint tail `P(w_i > x, w_j > y) = (1 - x - y)^(n-1)`:
/// `P = max(1 - 2c, 0)^(n-1)` (`bivariate(r)`), the copula's `C(r, r)` written in `c`.
enum DirichletCopula {
  /// `c = 1 - r^(1/(n-1))`: a sample takes the rare outcome when its weight exceeds `c`.
  static func threshold(rare r: Double, samples n: Int) -> Double {
    r > 0 ? -expm1(log(r) / Double(n - 1)) : 1
  }

  /// `P(both of two samples take the rare outcome) = max(1 - 2c, 0)^(n-1)`.
  static func bivariate(rare r: Double, samples n: Int) -> Double {
    let c = threshold(rare: r, samples: n)
    return pow(max(1 - 2 * c, 0), Double(n - 1))
  }

  /// ARMS's debiasing factor `p (1 - p) / (r - P(both rare))`, which is `1 / (1 - ρ)` with ρ
  /// the correlation of two samples' bits; `r - P(both rare) >= r (1 - r)` since ρ <= 0, so
  /// the difference never cancels. 0 when `r = 0` (the bit never varies, nor does its
  /// gradient).
  static func debias(p: Double, q: Double, samples n: Int) -> Double {
    let r = min(p, q)
    guard r > 0 else { return 0 }
    return p * q / (r - bivariate(rare: r, samples: n))
  }
}
