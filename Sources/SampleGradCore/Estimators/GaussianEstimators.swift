import Foundation

/// Single-sample estimators of `d E[f(x)] / d (mean, std)`, `x = mean + std * eps`.
extension GradientSampler {
  func estimateGaussian(mean: Double, std: Double, using rng: inout Xoshiro256StarStar) {
    let objective = problem.objective
    switch kind {
    case .exact, .gumbelSoftmax, .straightThrough, .rebar:
      out[0] = problem.exact.gradient[0]
      out[1] = problem.exact.gradient[1]

    case .scoreFunction, .scoreFunctionBaseline:
      // d/dmu log N = eps / std; d/dstd log N = (eps^2 - 1) / std.
      let eps = normals.next(using: &rng)
      let f = objective.value(mean + std * eps)
      let c = kind == .scoreFunctionBaseline ? takeBaseline(recording: f) : 0
      out[0] = (f - c) * eps / std
      out[1] = (f - c) * (eps * eps - 1) / std

    case .reparameterization:
      // Pathwise: f'(x) dx/dmu and f'(x) dx/dstd.
      let eps = normals.next(using: &rng)
      let slope = objective.derivative(mean + std * eps)
      out[0] = slope
      out[1] = slope * eps
    }
  }
}

/// Standard normal variates by the Box-Muller transform, two per pair of open uniforms.
struct NormalPairs {
  private var spare = 0.0
  private var hasSpare = false

  @inline(__always)
  mutating func next(using rng: inout Xoshiro256StarStar) -> Double {
    if hasSpare {
      hasSpare = false
      return spare
    }
    let radius = (-2 * log(rng.nextOpenUniform())).squareRoot()
    let angle = 2 * Double.pi * rng.nextOpenUniform()
    spare = radius * sin(angle)
    hasSpare = true
    return radius * cos(angle)
  }
}
