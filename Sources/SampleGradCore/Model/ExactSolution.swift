/// The true loss and gradient, by enumeration or closed form (each family's own, see
/// `DistributionFamily.exact`): the ground truth every estimate on screen is measured against.
public struct ExactSolution: Sendable, Equatable, Codable {
  public var loss: Double
  public var gradient: [Double]

  public init(loss: Double, gradient: [Double]) {
    self.loss = loss
    self.gradient = gradient
  }

  /// A placeholder for a problem whose truth is not computed (NaN loss and gradient).
  public static func notComputed(dimension: Int) -> ExactSolution {
    ExactSolution(loss: .nan, gradient: [Double](repeating: .nan, count: dimension))
  }

  public init(distribution: Distribution, objective: Objective) {
    self = distribution.spec.family.exact(objective)
  }
}
