/// One lesson's setup: what is sampled, what is differentiated, which estimators compete.
///
/// Valid by construction: the only initialiser checks every rule (`Distribution`,
/// `Objective`, `EstimatorOptions`, `TrainingSettings` and the estimator list) and the `with`
/// methods check the same rules again, so no sampler ever sees a value a scenario file could
/// not hold.
public struct Scenario: Sendable, Equatable {
  public private(set) var name: String
  public private(set) var title: String?
  public private(set) var lesson: String?
  public private(set) var seed: UInt64?
  public private(set) var samples: Int?
  public private(set) var estimators: [EstimatorKind]
  public private(set) var distribution: Distribution
  public private(set) var objective: Objective
  public private(set) var options: EstimatorOptions
  /// The defaults of a training race (`[training]`), if the scenario gives any.
  public private(set) var training: TrainingSettings?
  /// What `samplegrad sweep` and the sweep view vary when not told otherwise (`[sweep]`).
  public private(set) var sweep: SweepSpec?

  /// Checks every rule; the error lists every problem, each with its key.
  public init(
    name: String, title: String? = nil, lesson: String? = nil, seed: UInt64? = nil,
    samples: Int? = nil, estimators: [EstimatorKind]? = nil, distribution: DistributionSpec,
    objective: ObjectiveSpec, options: EstimatorOptions = EstimatorOptions(),
    training: TrainingSettings? = nil,
    sweep: SweepSpec? = nil
  ) throws(InvalidScenario) {
    var problems: [ScenarioProblem] = []
    if name.isEmpty { problems.append(ScenarioProblem(key: "name", message: "must not be empty")) }
    problems += ScenarioRules.printable(name, key: "name")
    problems += ScenarioRules.printable(title, key: "title")
    problems += ScenarioRules.printable(lesson, key: "lesson", allowing: ["\n", "\t"])
    if let samples { problems += ScenarioRules.samples(samples) }
    problems += options.problems
    if let training { problems += training.problems(for: distribution) }
    let validDistribution: Distribution
    do throws(InvalidScenario) {
      validDistribution = try Distribution(distribution)
    } catch {
      // Objective rules that can still be judged (lengths need a valid K).
      var all = problems + error.problems + Objective.problems(objective, for: distribution)
      if let estimators {
        all += Self.estimatorProblems(
          estimators, distribution: distribution, objective: objective.kind, options: options)
      }
      throw InvalidScenario(all)
    }
    var validObjective: Objective?
    do throws(InvalidScenario) {
      validObjective = try Objective(objective, for: validDistribution)
    } catch {
      problems += error.problems
    }
    // Without a list: every estimator that applies and whose own rules accept the scenario
    // (unordered-set's k = 4 is more than a single bit's two outcomes).
    let kinds =
      estimators
      ?? EstimatorRegistry.kinds(for: distribution, objective: objective.kind, options: options)
    problems += Self.estimatorProblems(
      kinds, distribution: distribution, objective: objective.kind, options: options)
    guard problems.isEmpty, let validObjective else { throw InvalidScenario(problems) }
    self.name = name
    self.title = title
    self.lesson = lesson
    self.seed = seed
    self.samples = samples
    self.estimators = kinds
    self.distribution = validDistribution
    self.objective = validObjective
    self.options = options
    self.training = training
    self.sweep = sweep
  }

  /// An estimator list's problems: empty, repeated, an estimator whose needs are unmet, or
  /// one whose own rules (`EstimatorDescriptor.problems`) the scenario breaks.
  static func estimatorProblems(
    _ kinds: [EstimatorKind], distribution: DistributionSpec, objective: ObjectiveKind,
    options: EstimatorOptions
  ) -> [ScenarioProblem] {
    var found: [ScenarioProblem] = []
    if kinds.isEmpty {
      found.append(ScenarioProblem(key: "estimators", message: "lists no estimator"))
    }
    // One line per repeated name, however often it is repeated; each name judged once.
    var distinct: [EstimatorKind] = []
    for kind in kinds where !distinct.contains(kind) { distinct.append(kind) }
    for kind in distinct {
      let times = kinds.count { $0 == kind }
      if times > 1 {
        let count = times == 2 ? "twice" : "\(times) times"
        found.append(
          ScenarioProblem(key: "estimators", message: "lists '\(kind.rawValue)' \(count)"))
      }
    }
    for kind in distinct {
      if let reason = EstimatorNotApplicable.check(
        kind, distribution: distribution, objective: objective)
      {
        found.append(ScenarioProblem(key: "estimators", message: reason.description))
      } else if Distribution.problems(distribution).isEmpty {
        found += kind.descriptor.problems(distribution, options: options).map {
          ScenarioProblem(key: "estimators", message: $0)
        }
      }
    }
    return found
  }

  /// The compiled problem the samplers run on.
  public var problem: GradientProblem {
    GradientProblem(distribution: distribution, objective: objective, options: options)
  }

  /// The title if there is one, else the name.
  public var displayTitle: String { title ?? name }

  // MARK: changes, each checked by the same rules

  /// The same scenario with another distribution (the objective must still fit it).
  public func with(distribution spec: DistributionSpec) throws(InvalidScenario) -> Scenario {
    try Scenario(
      name: name, title: title, lesson: lesson, seed: seed, samples: samples,
      estimators: estimators, distribution: spec, objective: objective.spec, options: options,
      training: training, sweep: sweep)
  }

  /// The same scenario at another temperature.
  public func with(temperature: Double) throws(InvalidScenario) -> Scenario {
    var copy = self
    copy.distribution = try distribution.with(temperature: temperature)
    return copy
  }

  /// The same scenario with parameter `index` set to `value`.
  public func with(parameter index: Int, value: Double) throws(InvalidScenario) -> Scenario {
    var copy = self
    copy.distribution = try distribution.with(parameter: index, value: value)
    return copy
  }

  /// The same scenario with other logits, as the family takes them (`--logits`, a tour
  /// step's `logits`): a categorical's K (or D x K), a bernoulli's log-odds; a gaussian has
  /// none. Problems are keyed `distribution.logits` (or the key of the rule the values break).
  public func with(logits: [Double]) throws(InvalidScenario) -> Scenario {
    func change<F: DistributionFamily>(_ family: F) -> Result<DistributionSpec, InvalidScenario> {
      family.with(logits: logits, scenario: name).map { DistributionSpec($0) }
    }
    switch change(distribution.spec.family) {
    case .success(let spec): return try with(distribution: spec)
    case .failure(let error): throw error
    }
  }

  /// The same scenario with another objective.
  public func with(objective spec: ObjectiveSpec) throws(InvalidScenario) -> Scenario {
    try Scenario(
      name: name, title: title, lesson: lesson, seed: seed, samples: samples,
      estimators: estimators, distribution: distribution.spec, objective: spec, options: options,
      training: training, sweep: sweep)
  }

  /// The same scenario comparing other estimators.
  public func with(estimators kinds: [EstimatorKind]) throws(InvalidScenario) -> Scenario {
    let problems = Self.estimatorProblems(
      kinds, distribution: distribution.spec, objective: objective.kind, options: options)
    guard problems.isEmpty else { throw InvalidScenario(problems) }
    var copy = self
    copy.estimators = kinds
    return copy
  }

  /// The same scenario with other estimator options (checked against every estimator's
  /// own rules too).
  public func with(options: EstimatorOptions) throws(InvalidScenario) -> Scenario {
    let problems =
      options.problems
      + Self.estimatorProblems(
        estimators, distribution: distribution.spec, objective: objective.kind, options: options)
    guard problems.isEmpty else { throw InvalidScenario(problems) }
    var copy = self
    copy.options = options
    return copy
  }

  public static let defaultSeed: UInt64 = 7
  public static let defaultSamples = 100_000
  /// The range of temperatures samplegrad accepts (the explorer's `[` and `]` stop here).
  public static let temperatureRange = ScenarioRules.temperatureRange
}
