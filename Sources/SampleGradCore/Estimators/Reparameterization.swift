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

  var mean = 0.0
  var std = 1.0
  let objective: Objective
  var normals = NormalPairs()

  init(problem: GradientProblem) {
    objective = problem.objective
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    mean = problem.distribution.parameters[0]
    std = problem.distribution.parameters[1]
  }

  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    let eps = normals.next(using: &rng)
    let slope = objective.derivative(mean + std * eps)
    out[0] = slope
    out[1] = slope * eps
  }

  mutating func resetState() { normals = NormalPairs() }
}
