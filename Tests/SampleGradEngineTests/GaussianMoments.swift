import Foundation

/// The objectives of the gaussian presets, written out here (value and derivative) so a closed
/// form does not lean on the code it checks.
enum GaussianObjective {
  case quadratic(target: Double)
  case cosine(frequency: Double)
  case step(threshold: Double)

  func value(_ x: Double) -> Double {
    switch self {
    case .quadratic(let t): (x - t) * (x - t)
    case .cosine(let k): cos(k * x)
    case .step(let t): x > t ? 1 : 0
    }
  }

  func derivative(_ x: Double) -> Double {
    switch self {
    case .quadratic(let t): 2 * (x - t)
    case .cosine(let k): -k * sin(k * x)
    case .step: 0
    }
  }

  /// Where the integrand jumps (in x), so the quadrature splits there.
  var jump: Double? {
    if case .step(let t) = self { return t }
    return nil
  }
}

/// Moments of the single-sample gradient estimators of `E[f(x)]`, `x = mean + std * eps`,
/// `eps ~ N(0, 1)`, by Simpson's rule over eps in [-12, 12] (split at a jump of f): the score
/// function's weights are eps / std (mean) and (eps^2 - 1) / std (std), the pathwise
/// estimator's f'(x) and f'(x) eps. The rule's error is far below the third digit of every
/// number checked with it (the integrands are smooth on each piece, the tails below 1e-30).
struct GaussianMoments {
  let mean: Double
  let std: Double
  let objective: GaussianObjective

  /// `E[h(eps)]`.
  func expectation(_ h: (Double) -> Double) -> Double {
    var cuts = [-12.0, 12.0]
    if let jump = objective.jump { cuts.insert((jump - mean) / std, at: 1) }
    var total = 0.0
    for (a, b) in zip(cuts, cuts.dropFirst()) where b > a {
      let n = 20_000
      let h0 = (b - a) / Double(n)
      var sum = 0.0
      for i in 0...n {
        let e = a + Double(i) * h0
        let weight: Double = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2)
        sum += weight * h(e) * exp(-0.5 * e * e)
      }
      total += sum * h0 / 3 / (2 * Double.pi).squareRoot()
    }
    return total
  }

  func f(_ e: Double) -> Double { objective.value(mean + std * e) }

  var loss: Double { expectation(f) }

  /// The exact gradient with respect to (mean, std).
  var gradient: [Double] {
    [expectation { f($0) * $0 / std }, expectation { f($0) * ($0 * $0 - 1) / std }]
  }

  /// Variance of the score function `(f(x) - c) d log p(x)` with a constant baseline `c`.
  func scoreFunctionVariance(baseline c: Double) -> [Double] {
    let g = gradient
    let second = [
      expectation { pow((f($0) - c) * $0 / std, 2) },
      expectation { pow((f($0) - c) * ($0 * $0 - 1) / std, 2) },
    ]
    return [second[0] - g[0] * g[0], second[1] - g[1] * g[1]]
  }

  /// Variance of the pathwise estimator, f'(x) and f'(x) eps.
  var pathwiseVariance: [Double] {
    let d = { (e: Double) in self.objective.derivative(self.mean + self.std * e) }
    let g = [expectation(d), expectation { d($0) * $0 }]
    return [
      expectation { d($0) * d($0) } - g[0] * g[0], expectation { pow(d($0) * $0, 2) } - g[1] * g[1],
    ]
  }
}
