/// What an estimator needs from the distribution and the objective. It applies when every
/// need is met; otherwise the first unmet need names the missing piece.
public struct EstimatorNeeds: Sendable, Equatable {
  public var distribution: DistributionCapabilities
  public var objective: ObjectiveCapabilities

  public init(
    distribution: DistributionCapabilities = [], objective: ObjectiveCapabilities = []
  ) {
    self.distribution = distribution
    self.objective = objective
  }

  /// The first unmet distribution need, as (what is needed, what the distribution is).
  func unmet(by distribution: DistributionSpec) -> (need: String, lack: String)? {
    let missing = self.distribution.subtracting(distribution.capabilities)
    guard !missing.isEmpty else { return nil }
    let name = "a \(distribution.kind.rawValue) distribution"
    let table: [(DistributionCapabilities, String, String)] = [
      (.discrete, "a discrete sample", "\(name) is continuous"),
      (
        .continuous, "a continuous sample x = mean + std * eps",
        "\(name) is discrete; try gumbel-softmax"
      ),
      (
        .relaxation, "a relaxation of a discrete sample",
        "\(name) is continuous; try reparameterization"
      ),
      (.conditionalRelaxation, "relaxed noise conditioned on the sample", "\(name) has none"),
      (
        .binary, "exactly two outcomes",
        distribution.outcomes == 0
          ? "\(name) is continuous" : "\(name) has \(distribution.outcomes) categories"
      ),
      (.measureValued, "a weak-derivative decomposition of the density", "\(name) has none here"),
    ]
    return table.first { missing.contains($0.0) }.map { ($0.1, $0.2) }
  }

  /// The first unmet objective need.
  func unmet(by objective: ObjectiveKind) -> (need: String, lack: String)? {
    let missing = self.objective.subtracting(objective.capabilities)
    guard !missing.isEmpty else { return nil }
    let name = "a \(objective.rawValue) objective"
    if missing.contains(.derivative) { return ("df/dx", "\(name) has no derivative") }
    if missing.contains(.relaxedPoints) {
      return ("f at relaxed points", "\(name) is defined at the outcomes only")
    }
    return nil
  }
}

/// Why an estimator does not apply: `estimator 'gumbel-softmax' needs df/dx, and a table
/// objective has no derivative`.
public struct EstimatorNotApplicable: Error, Equatable, Sendable, CustomStringConvertible {
  public let estimator: EstimatorKind
  /// What is needed ("df/dx"), for a short label on screen.
  public let need: String
  /// Why it is missing ("a table objective has no derivative").
  public let lack: String
  /// Whether the objective (not the distribution) is what falls short; the explorer still
  /// lists such an estimator, with the need instead of numbers.
  public let isObjectiveNeed: Bool

  public var description: String { "estimator '\(estimator.rawValue)' needs \(need), and \(lack)" }

  /// The short label the explorer shows in place of numbers.
  public var shortReason: String { "needs \(need)" }

  /// Checks `estimator`'s needs against a distribution and (if given) an objective.
  public static func check(
    _ estimator: EstimatorKind, distribution: DistributionSpec, objective: ObjectiveKind?
  ) -> EstimatorNotApplicable? {
    let needs = estimator.descriptor.needs
    if let (need, lack) = needs.unmet(by: distribution) {
      return EstimatorNotApplicable(
        estimator: estimator, need: need, lack: lack, isObjectiveNeed: false)
    }
    if let objective, let (need, lack) = needs.unmet(by: objective) {
      return EstimatorNotApplicable(
        estimator: estimator, need: need, lack: lack, isObjectiveNeed: true)
    }
    return nil
  }
}
