/// What every gaussian estimator draws from: the mean and std of `x = mean + std * eps`,
/// read from the spec (no parameter array is built), and the standard normals `eps`.
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
    guard case .gaussian(let mean, let std) = problem.distribution.spec else {
      preconditionFailure("a gaussian estimator needs a gaussian distribution")
    }
    self.mean = mean
    self.std = std
  }

  /// The next standard normal.
  @inline(__always)
  mutating func eps(using rng: inout Xoshiro256StarStar) -> Double {
    normals.next(using: &rng)
  }

  /// Forgets the spare normal.
  mutating func reset() { normals = NormalPairs() }
}
