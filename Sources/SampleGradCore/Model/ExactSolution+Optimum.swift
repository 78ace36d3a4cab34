extension ExactSolution {
  /// The lowest loss any parameters of the family reach (an infimum), or nil where the loss
  /// is unbounded below: each family's own (`DistributionFamily.optimum`). A training race
  /// draws it as its target line.
  public static func optimum(distribution: Distribution, objective: Objective) -> Double? {
    distribution.spec.family.optimum(objective)
  }
}
