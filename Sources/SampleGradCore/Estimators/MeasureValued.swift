import Foundation

extension EstimatorKind {
  /// The measure-valued gradient of a gaussian (Mohamed et al. 2020, section 6).
  public static let measureValued = EstimatorKind("measure-valued")
}

/// Measure-valued derivatives of `N(mean, std^2)`: the derivative of the density is written
/// as a difference of two densities, and `f` is averaged under each; no derivative of f.
///
/// Mean: `(f(mean + std W) - f(mean - std W)) / (std sqrt(2 pi))`, `W ~ Rayleigh(1)` drawn as
/// `sqrt(-2 log U)`. Std: `(f(mean + std M) - f(mean + std M U)) / std`, `M` double-sided
/// Maxwell (a random sign times `sqrt(chi^2_3)`) and `U ~ U(0, 1)`, so `M U ~ N(0, 1)`: the
/// two terms share M, which couples them and keeps the difference small. The decomposition
/// is the gaussian's own, so this estimator is written for the gaussian family.
struct MeasureValued: GradientEstimator {
  static let descriptor = EstimatorDescriptor(
    kind: .measureValued, stream: 14, shortName: "measure-valued",
    summary: "f under two densities whose difference is the density's derivative; unbiased",
    isUnbiased: true, needs: EstimatorNeeds(distribution: .measureValued),
    evaluations: { _ in 4 }, make: { MeasureValued(problem: $0) })

  let objective: Objective
  var noise: GaussianNoise

  init(problem: GradientProblem) {
    objective = problem.objective
    noise = GaussianNoise(problem: problem)
  }

  mutating func rebind(to problem: GradientProblem) { noise.rebind(to: problem) }

  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    let x = drawPoints(using: &rng)
    out[0] =
      (objective.value(x.0) - objective.value(x.1)) / (noise.std * (2 * Double.pi).squareRoot())
    out[1] = (objective.value(x.2) - objective.value(x.3)) / noise.std
  }

  /// The four points `f` is evaluated at: `mean ± std W` (the mean's two densities, `W`
  /// Rayleigh), then `mean + std M` and `mean + std M U` (the std's, `M` double-sided
  /// Maxwell, `U` uniform). Also the forward pass the overview tests against N(mean, std).
  mutating func drawPoints(using rng: inout Xoshiro256StarStar) -> (Double, Double, Double, Double)
  {
    let mean = noise.mean
    let std = noise.std
    let w = (-2 * log(rng.nextOpenUniform())).squareRoot()
    let spread = std * w
    var chiSquare = 0.0
    for _ in 0..<3 {
      let n = noise.eps(using: &rng)
      chiSquare += n * n
    }
    let sign: Double = rng.nextOpenUniform() < 0.5 ? -1 : 1
    let m = sign * chiSquare.squareRoot()
    let u = rng.nextOpenUniform()
    return (mean + spread, mean - spread, mean + std * m, mean + std * m * u)
  }

  mutating func resetState() { noise.reset() }
}
