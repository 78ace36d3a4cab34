extension EstimatorKind {
  /// The pathwise gradient through `x = mean + std * eps` (Kingma and Welling 2014).
  public static let reparameterization = EstimatorKind("reparameterization")
}

/// `(f'(x), f'(x) eps)`: the derivative of `f(mean + std * eps)` with `eps` held fixed.
struct Reparameterization: GradientEstimator {
  static let descriptor = EstimatorDescriptor(
    kind: .reparameterization, stream: 4, shortName: "reparameterize",
    longName: "reparameterization",
    summary: "pathwise: differentiate f(mean + std * eps) with the noise eps held fixed",
    isUnbiased: true, unbiasedNeeds: .smooth,
    needs: EstimatorNeeds(distribution: .continuous, objective: .derivative),
    make: { Reparameterization(problem: $0) })

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
    let eps = noise.eps(using: &rng)
    let slope = objective.derivative(noise.mean + noise.std * eps)
    out[0] = slope
    out[1] = slope * eps
  }

  mutating func resetState() { noise.reset() }
}
