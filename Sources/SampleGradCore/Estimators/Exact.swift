extension EstimatorKind {
  /// The exact gradient, shown as a row so every other row has its reference beside it.
  public static let exact = EstimatorKind("exact")
}

/// The exact gradient (each family's enumeration or closed form), returned for every
/// "sample": zero variance, zero bias, no random numbers drawn.
struct Exact: GradientEstimator {
  static let descriptor = EstimatorDescriptor(
    kind: .exact, stream: 1, shortName: "exact",
    summary: "the true gradient, by enumeration or closed form",
    isUnbiased: true, evaluations: { _ in 0 }, make: { Exact(gradient: $0.exact.gradient) })

  var gradient: [Double]

  mutating func rebind(to problem: GradientProblem) { gradient = problem.exact.gradient }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    for j in gradient.indices { out[j] = gradient[j] }
  }
}
