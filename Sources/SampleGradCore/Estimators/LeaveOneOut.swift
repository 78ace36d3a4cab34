extension EstimatorKind {
  /// REINFORCE leave-one-out (Kool, van Hoof, Welling 2019).
  public static let rloo = EstimatorKind("rloo")
}

/// Leave-one-out REINFORCE with k draws: `1/(k-1) Σ_i (f(x_i) - f̄) score(x_i)`, f̄ the mean
/// of the k values. Each draw's baseline is the mean of the other k - 1 (independent of it),
/// written through f̄ as `k/(k-1) (f_i - f̄)`, so it is unbiased; it costs k evaluations.
enum LeaveOneOut {
  static let descriptor = EstimatorDescriptor(
    kind: .rloo, stream: 9, shortName: "RLOO", longName: "leave-one-out (RLOO)",
    summary: "k draws, each with the mean f of the other k - 1 as its baseline; unbiased",
    isUnbiased: true, evaluations: { $0.draws },
    make: { problem in
      switch problem.distribution.spec {
      case .categorical, .bernoulli: DiscreteLeaveOneOut(problem: problem)
      case .gaussian: GaussianLeaveOneOut(problem: problem)
      }
    })
}

/// RLOO for a categorical (score `e_b - p`) or a Bernoulli (score `b - p`), each draw by
/// inverting the cumulative probabilities with one uniform.
struct DiscreteLeaveOneOut: GradientEstimator {
  let draws: Int
  let dimension: Int
  let isBernoulli: Bool
  /// p (score), cumulative p, f at each outcome (all over the outcomes), and the draws.
  var probabilities: [Double]
  var cumulative: [Double]
  let values: [Double]
  let drawn: ScratchBuffers

  init(problem: GradientProblem) {
    draws = problem.options.draws
    dimension = problem.dimension
    isBernoulli = problem.distribution.kind == .bernoulli
    probabilities = problem.probabilities
    cumulative = problem.probabilities
    values = problem.objective.outcomeValues
    drawn = ScratchBuffers(count: draws, slots: 1, indexCount: draws)
    rebind(to: problem)
  }

  /// Rewrites the probabilities in place (same count).
  mutating func rebind(to problem: GradientProblem) {
    var total = 0.0
    for j in probabilities.indices {
      probabilities[j] = problem.probabilities[j]
      total += problem.probabilities[j]
      cumulative[j] = total
    }
  }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let outcomes = drawn.indices
    let n = probabilities.count
    var mean = 0.0
    for i in 0..<draws {
      let u = rng.nextOpenUniform()
      var b = n - 1
      for j in 0..<(n - 1) where u < cumulative[j] {
        b = j
        break
      }
      outcomes[i] = b
      mean += values[b]
    }
    mean /= Double(draws)
    let scale = 1 / Double(draws - 1)
    for j in 0..<dimension { out[j] = 0 }
    var weightSum = 0.0
    for i in 0..<draws {
      let b = outcomes[i]
      let weight = (values[b] - mean) * scale
      weightSum += weight
      // Categorical: add weight (e_b - p); Bernoulli: weight (b - p) on one component.
      if isBernoulli {
        if b == 1 { out[0] += weight }
      } else {
        out[b] += weight
      }
    }
    // The -p part of every score, summed once: Σ_i weight_i (-p). A Bernoulli's one
    // component is p = probabilities[1].
    let offset = isBernoulli ? 1 : 0
    for j in 0..<dimension { out[j] -= weightSum * probabilities[j + offset] }
  }
}

/// RLOO for a gaussian: scores `eps / std` (mean) and `(eps^2 - 1) / std` (std).
struct GaussianLeaveOneOut: GradientEstimator {
  let draws: Int
  let objective: Objective
  var noise: GaussianNoise
  /// eps and f of each draw.
  let drawn: ScratchBuffers

  init(problem: GradientProblem) {
    draws = problem.options.draws
    objective = problem.objective
    drawn = ScratchBuffers(count: draws, slots: 2)
    noise = GaussianNoise(problem: problem)
  }

  mutating func rebind(to problem: GradientProblem) { noise.rebind(to: problem) }

  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    let eps = drawn.slot(0)
    let f = drawn.slot(1)
    let mean = noise.mean
    let std = noise.std
    var average = 0.0
    for i in 0..<draws {
      eps[i] = noise.eps(using: &rng)
      f[i] = objective.value(mean + std * eps[i])
      average += f[i]
    }
    average /= Double(draws)
    var dMean = 0.0
    var dStd = 0.0
    for i in 0..<draws {
      let weight = f[i] - average
      dMean += weight * eps[i]
      dStd += weight * (eps[i] * eps[i] - 1)
    }
    let scale = 1 / (Double(draws - 1) * std)
    out[0] = dMean * scale
    out[1] = dStd * scale
  }

  mutating func resetState() { noise.reset() }
}
