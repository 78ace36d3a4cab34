/// The true loss and gradient, by enumeration or closed form (each family's own, see
/// `DistributionFamily.exact`): the ground truth every estimate on screen is measured against.
public struct ExactSolution: Sendable, Equatable, Codable {
  public var loss: Double
  public var gradient: [Double]

  public init(loss: Double, gradient: [Double]) {
    self.loss = loss
    self.gradient = gradient
  }

  public init(distribution: Distribution, objective: Objective) {
    self = distribution.spec.family.exact(objective)
  }
}
