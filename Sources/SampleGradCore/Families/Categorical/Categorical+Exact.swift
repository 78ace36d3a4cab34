extension Categorical {
  /// One variable, a one-variable objective: enumerate K, `dL/dθ_j = p_j (f(e_j) - L)`,
  /// `L = sum_k p_k f(e_k)`. Many variables (or `mean-squared`, `squared-mean`): the
  /// objective's closed form in the marginals, `dL/dp`, chained through each row's softmax.
  func exact(_ objective: Objective) -> ExactSolution {
    let p = probabilities
    guard objective.kind.takesManyVariables else {
      let f = objective.outcomeValues
      let loss = zip(p, f).reduce(0) { $0 + $1.0 * $1.1 }
      return ExactSolution(loss: loss, gradient: (0..<p.count).map { p[$0] * (f[$0] - loss) })
    }
    let (loss, slopes) = objective.marginalExact(p)
    var gradient = [Double](repeating: 0, count: p.count)
    p.withUnsafeBufferPointer { pp in
      slopes.withUnsafeBufferPointer { a in
        gradient.withUnsafeMutableBufferPointer { out in
          Self.softmaxChain(
            probabilities: pp.baseAddress!, slopes: a.baseAddress!, variables: variables,
            categories: categories, into: out.baseAddress!)
        }
      }
    }
    return ExactSolution(loss: loss, gradient: gradient)
  }

  /// The best outcome's `f` (one variable), approached as its logit grows without bound; for
  /// many variables, the many-variable objective's own infimum.
  func optimum(_ objective: Objective) -> Double? {
    guard objective.kind.takesManyVariables else { return objective.outcomeValues.min() }
    return objective.manyVariableOptimum
  }

  /// `out_dj = p_dj (a_dj - sum_i p_di a_di)` for each of D rows of K: the gradient w.r.t. the
  /// logits of `sum p a`, the softmax's chain rule.
  static func softmaxChain(
    probabilities p: UnsafePointer<Double>, slopes a: UnsafePointer<Double>, variables: Int,
    categories k: Int, into out: UnsafeMutablePointer<Double>
  ) {
    for d in 0..<variables {
      let row = d * k
      var mean = 0.0
      for j in 0..<k { mean += p[row + j] * a[row + j] }
      for j in 0..<k { out[row + j] = p[row + j] * (a[row + j] - mean) }
    }
  }
}
