/// One lesson's setup: what is sampled, what is differentiated, which estimators compete.
public struct Scenario: Sendable, Equatable {
  public var name: String
  public var title: String?
  public var lesson: String?
  public var seed: UInt64?
  public var samples: Int?
  public var estimators: [EstimatorKind]
  public var distribution: DistributionSpec
  public var objective: ObjectiveSpec
  /// REBAR's control-variate scale.
  public var eta: Double

  public init(
    name: String, title: String? = nil, lesson: String? = nil, seed: UInt64? = nil,
    samples: Int? = nil, estimators: [EstimatorKind]? = nil, distribution: DistributionSpec,
    objective: ObjectiveSpec, eta: Double = 1
  ) {
    self.name = name
    self.title = title
    self.lesson = lesson
    self.seed = seed
    self.samples = samples
    self.estimators =
      estimators ?? EstimatorKind.allCases.filter { $0.applies(to: distribution.kind) }
    self.distribution = distribution
    self.objective = objective
    self.eta = eta
  }

  /// The compiled problem the samplers run on.
  public var problem: GradientProblem {
    GradientProblem(distribution: distribution, objective: objective, eta: eta)
  }

  /// The title if there is one, else the name.
  public var displayTitle: String { title ?? name }

  public static let defaultSeed: UInt64 = 7
  public static let defaultSamples = 100_000
  /// The range of temperatures samplegrad accepts (the explorer's `[` and `]` stop here).
  public static let temperatureRange = 0.01...100.0
  public static let categoryRange = 2...64
}
