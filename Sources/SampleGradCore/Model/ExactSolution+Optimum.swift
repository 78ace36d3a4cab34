extension ExactSolution {
  /// The lowest loss any parameters of the family reach (an infimum), or nil where the loss
  /// is unbounded below. A training race draws it as its target line.
  ///
  /// - categorical, bernoulli: the best outcome's `f`, approached as its logit (or the
  ///   log-odds) grows without bound; no finite parameters reach it exactly.
  /// - gaussian, `(x - k)^2`: `L = (mean - k)^2 + std^2`, infimum 0 (mean = k, std -> 0).
  /// - gaussian, `cos(w x)`: `L = cos(w mean) exp(-w^2 std^2 / 2)`, infimum -1
  ///   (`w mean = pi`, std -> 0); 1 when `w = 0`.
  /// - gaussian, `1[x > c]`: `L = P(x > c)`, infimum 0 (mean -> -infinity).
  /// - gaussian, `w x`: `L = w mean`, unbounded below unless `w = 0`.
  public static func optimum(distribution: Distribution, objective: Objective) -> Double? {
    if distribution.isDiscrete { return objective.outcomeValues.min() }
    switch objective.spec {
    case .quadratic, .step: return 0
    case .cosine(let w): return w == 0 ? 1 : -1
    case .linear(let w): return w[0] == 0 ? 0 : nil
    case .table: return nil
    }
  }
}
