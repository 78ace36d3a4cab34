/// What a distribution offers an estimator. Estimators state what they need
/// (`EstimatorNeeds`), so "does not apply" is a set difference with a reason, never a
/// comparison of distribution kinds.
public struct DistributionCapabilities: OptionSet, Sendable, Hashable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// Samples are categories (a histogram of counts; Gumbel-max draws them exactly).
  public static let discrete = DistributionCapabilities(rawValue: 1 << 0)
  /// Samples are real numbers written `x = mean + std * eps`, differentiable in the parameters.
  public static let continuous = DistributionCapabilities(rawValue: 1 << 1)
  /// A Concrete relaxation of the discrete sample at a temperature.
  public static let relaxation = DistributionCapabilities(rawValue: 1 << 2)
  /// Relaxed noise drawn conditionally on the discrete sample, `z~ ~ p(z | b)`.
  public static let conditionalRelaxation = DistributionCapabilities(rawValue: 1 << 3)
  /// Exactly two outcomes, 0 and 1 (the antithetic pairs of ARM and DisARM).
  public static let binary = DistributionCapabilities(rawValue: 1 << 4)
  /// A weak-derivative decomposition of the density (measure-valued gradients).
  public static let measureValued = DistributionCapabilities(rawValue: 1 << 5)
}

/// What an objective offers an estimator.
public struct ObjectiveCapabilities: OptionSet, Sendable, Hashable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// `f` is defined between the outcomes too (on the simplex, or on the real line).
  public static let relaxedPoints = ObjectiveCapabilities(rawValue: 1 << 0)
  /// `df/dx` exists (possibly zero almost everywhere, as for a step).
  public static let derivative = ObjectiveCapabilities(rawValue: 1 << 1)
  /// `f` is continuous, so its derivative (where it exists) carries the whole gradient: a
  /// step's derivative is 0 almost everywhere and misses the jump.
  public static let smooth = ObjectiveCapabilities(rawValue: 1 << 2)
}
