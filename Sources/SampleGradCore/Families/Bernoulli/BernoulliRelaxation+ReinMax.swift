extension BernoulliRelaxation {
  /// ReinMax's backward pass for each bit, as the two categories `(1 - b, b)` with logits
  /// `(0, l)` (Liu et al. 2023, Algorithm 2): the log-odds' row of `J(pi) g` is
  /// `pi_1 (1 - pi_1) (g_1 - g_0)`, and `f` reads the bit only, so `g_1 - g_0 = df/db`:
  /// `out_d = (2 a (1 - a) - p (1 - p) / 2) df/db_d` with `a = (b + σ(l/τ)) / 2` and
  /// `1 - a = (1 - b + σ(-l/τ)) / 2`, each a sum of non-negative terms.
  func reinMaxBackward(
    hard: UnsafePointer<Int>, upstream g: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>
  ) {
    let tempered = buffers.slot(1)
    let complement = buffers.slot(2)
    for d in 0..<variables {
      let b = Double(hard[d])
      let a = 0.5 * (b + tempered[d])
      let aComplement = 0.5 * ((1 - b) + complement[d])
      let p = conditionals[d].p
      let q = conditionals[d].q
      out[d] = (2 * a * aComplement - 0.5 * p * q) * g[d]
    }
  }
}
