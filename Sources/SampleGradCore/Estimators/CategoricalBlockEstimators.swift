/// The categorical estimators over blocks of samples: the same formulas as
/// `CategoricalEstimators.swift`, with the logs and exps of a block vectorised.
extension GradientSampler {
  /// Whether `run` takes the block path (categorical, and an estimator that samples).
  var usesBlocks: Bool {
    if case .categorical = problem.distribution {
      return kind != .exact && kind != .reparameterization
    }
    return false
  }

  func runCategoricalBlocks(
    count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments
  ) {
    var remaining = count
    while remaining > 0 {
      let rows = min(remaining, CategoricalBlock.rows)
      switch kind {
      case .scoreFunction, .scoreFunctionBaseline:
        scoreFunctionRows(rows, using: &rng, into: &moments)
      case .gumbelSoftmax, .straightThrough:
        relaxedRows(rows, using: &rng, into: &moments)
      case .rebar:
        if let conditional {
          rebarRows(rows, conditional, using: &rng, into: &moments)
        } else {
          for _ in 0..<rows {
            estimateInPlace(using: &rng)
            moments.add(UnsafePointer(out))
          }
        }
      case .exact, .reparameterization:
        break
      }
      remaining -= rows
    }
  }

  /// `(f(e_b) - c)(e_b - p)`, with b drawn by inverting the cumulative probabilities (one
  /// uniform and no logarithm: the score function needs an exact sample, not its noise).
  private func scoreFunctionRows(
    _ rows: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments
  ) {
    let n = k
    let values = oneHotValues
    for _ in 0..<rows {
      let u = rng.nextOpenUniform()
      var b = n - 1
      for j in 0..<(n - 1) where u < cumulative[j] {
        b = j
        break
      }
      let f = values[b]
      let c = kind == .scoreFunctionBaseline ? takeBaseline(recording: f) : 0
      let weight = f - c
      for j in 0..<n { out[j] = -weight * probabilities[j] }
      out[b] += weight
      moments.add(UnsafePointer(out))
    }
  }

  private func relaxedRows(
    _ rows: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments
  ) {
    let n = k
    let tau = temperature
    let objective = problem.objective
    CategoricalBlock.perturb(
      logits: logits, k: n, rows: rows, rng: &rng, into: blockZ, best: best)
    CategoricalBlock.relax(blockZ, k: n, rows: rows, temperature: tau, into: blockY)
    for row in 0..<rows {
      let y = blockY + row * n
      if kind == .gumbelSoftmax {
        objective.gradient(y, count: n, into: d)
      } else {
        objective.gradientAtOneHot(best[row], count: n, into: d)
      }
      GumbelSoftmax.backward(y: y, upstream: d, count: n, temperature: tau, into: out)
      moments.add(UnsafePointer(out))
    }
  }

  private func rebarRows(
    _ rows: Int, _ conditional: ConditionalBlock, using rng: inout Xoshiro256StarStar,
    into moments: inout RunningMoments
  ) {
    let n = k
    let tau = temperature
    let eta = problem.eta
    let objective = problem.objective
    CategoricalBlock.perturb(
      logits: logits, k: n, rows: rows, rng: &rng, into: blockZ, best: best)
    CategoricalBlock.relax(blockZ, k: n, rows: rows, temperature: tau, into: blockY)
    conditional.sample(
      k: n, rows: rows, best: best, rng: &rng, noise: blockE, into: blockZTilde, r: blockR,
      q: blockQ)
    CategoricalBlock.relax(blockZTilde, k: n, rows: rows, temperature: tau, into: blockYTilde)
    for row in 0..<rows {
      let offset = row * n
      let b = best[row]
      let y = blockY + offset
      let yTilde = blockYTilde + offset
      objective.gradient(y, count: n, into: d)
      GumbelSoftmax.backward(y: y, upstream: d, count: n, temperature: tau, into: relaxedGradient)
      let fTilde = objective.value(yTilde, count: n)
      objective.gradient(yTilde, count: n, into: dTilde)
      GumbelSoftmax.backward(y: yTilde, upstream: dTilde, count: n, temperature: tau, into: z)
      ConditionalGumbel.backward(
        upstream: z, probabilities: probabilities, count: n, given: b, r: blockR + offset,
        q: blockQ + offset, into: self.y)
      let weight = oneHotValues[b] - eta * fTilde
      for j in 0..<n {
        out[j] = eta * (relaxedGradient[j] - self.y[j]) - weight * probabilities[j]
      }
      out[b] += weight
      moments.add(UnsafePointer(out))
    }
  }
}
