extension CategoricalRelaxation {
  /// ReinMax's backward pass, row by row (Liu et al. 2023, Algorithm 2): with `pi0 = p_d`,
  /// `pi1 = (e_b + softmax(θ_d / τ)) / 2` and `J(pi) g = pi ⊙ (g - pi . g)` (the softmax's
  /// Jacobian at the value `pi`), `out_d = 2 J(pi1) g_d - J(pi0) g_d / 2`. Both products are
  /// formed from `g` directly; `pi1` is a sum of non-negative terms.
  func reinMaxBackward(
    hard: UnsafePointer<Int>, upstream g: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>
  ) {
    for d in 0..<variables {
      let o = d * k
      let b = o + hard[d]
      var firstDot = 0.0
      var zerothDot = 0.0
      for j in o..<(o + k) {
        let pi1 = 0.5 * ((j == b ? 1 : 0) + tempered[j])
        firstDot += pi1 * g[j]
        zerothDot += probabilities[j] * g[j]
      }
      for j in o..<(o + k) {
        let pi1 = 0.5 * ((j == b ? 1 : 0) + tempered[j])
        out[j] = 2 * pi1 * (g[j] - firstDot) - 0.5 * probabilities[j] * (g[j] - zerothDot)
      }
    }
  }
}
