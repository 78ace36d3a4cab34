/// What every gaussian sampler draws from: the mean and std of `x = mean + std * eps` and the
/// standard normals `eps`.
///
/// `rebind(to:)` moves mean and std and keeps the spare normal, so a training stream goes on
/// where it was; `reset()` forgets it, as at the start of a new stream.
struct GaussianNoise {
  private(set) var mean = 0.0
  private(set) var std = 1.0
  private var normals = NormalPairs()

  init(problem: GradientProblem) {
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    guard let family = problem.distribution.spec.family as? Gaussian else {
      preconditionFailure("a gaussian sampler needs a gaussian distribution")
    }
    mean = family.mean
    std = family.std
  }

  /// The next standard normal.
  @inline(__always)
  mutating func eps(using rng: inout Xoshiro256StarStar) -> Double {
    normals.next(using: &rng)
  }

  /// Forgets the spare normal.
  mutating func reset() { normals = NormalPairs() }
}
