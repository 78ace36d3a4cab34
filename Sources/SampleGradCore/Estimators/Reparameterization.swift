extension EstimatorKind {
  /// The pathwise gradient through `x = mean + std * eps` (Kingma and Welling 2014).
  public static let reparameterization = EstimatorKind("reparameterization")
}

/// `f'(x) dx/dθ`: the derivative of `f(x(θ, eps))` with the noise held fixed; for a gaussian
/// `(f'(x), f'(x) eps)`. One type for every family with a pathwise sample.
struct Reparameterization<Path: PathwiseSampling>: GradientEstimator {
  var path: Path
  /// `dx/dθ` of the current sample.
  let slope: ScratchBuffers

  init(problem: GradientProblem) {
    path = Path(problem: problem, slots: 1)
    slope = ScratchBuffers(count: path.parameterCount, slots: 1)
  }

  mutating func rebind(to problem: GradientProblem) { path.rebind(to: problem) }

  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    let dx = slope.slot(0)
    let x = path.drawPath(using: &rng, slope: dx)
    let derivative = path.derivative(x)
    for j in 0..<path.parameterCount { out[j] = derivative * dx[j] }
  }

  mutating func resetState() { path.resetState() }
}

enum ReparameterizationEstimator {
  static let descriptor = EstimatorDescriptor(
    kind: .reparameterization, stream: 4, shortName: "reparameterize",
    longName: "reparameterization",
    summary: "pathwise: differentiate f(mean + std * eps) with the noise eps held fixed",
    isUnbiased: true, unbiasedNeeds: .smooth,
    needs: EstimatorNeeds(distribution: .continuous, objective: .derivative),
    make: { problem in
      func build<F: PathwiseFamily>(_: F) -> any GradientEstimator {
        Reparameterization<F.Path>(problem: problem)
      }
      guard let family = problem.distribution.spec.family as? any PathwiseFamily else {
        preconditionFailure("a \(problem.distribution.kind.rawValue) has no pathwise sample")
      }
      return build(family)
    })
}
