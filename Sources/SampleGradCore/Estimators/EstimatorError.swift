/// An estimator asked of a distribution it is not defined for.
public struct EstimatorNotApplicable: Error, Equatable, CustomStringConvertible {
  public let estimator: EstimatorKind
  public let distribution: DistributionKind

  public init(estimator: EstimatorKind, distribution: DistributionKind) {
    self.estimator = estimator
    self.distribution = distribution
  }

  public var description: String {
    "estimator '\(estimator.rawValue)' does not apply to a \(distribution.rawValue) distribution"
      + " (\(estimator.reasonItDoesNotApply(to: distribution)))"
  }
}
