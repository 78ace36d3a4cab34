/// What every lane of a race shares: the scenario, the settings, the seed, the start and the
/// target. Immutable, so a headless run can hand it to any worker.
public struct RaceSetup: Sendable {
  public let scenario: Scenario
  public let settings: TrainingSettings
  public let seed: UInt64
  /// Trace points every this many steps (and at step 0 and the last), or none.
  public let every: Int?
  /// The problem at the start (step 0), shared by every lane.
  public let start: GradientProblem
  /// The lowest loss the family reaches, if it is finite (`ExactSolution.optimum`).
  public let optimum: Double?

  /// The chunk index of every training stream: lane `e` draws from
  /// `(seed, e.streamIndex, streamChunk)`, apart from `run`'s chunks (0, 1, ...) and the live
  /// explorer's (`UInt64.max`).
  public static let streamChunk = UInt64.max - 1

  /// A lane has "reached the optimum" once it has closed 99% of the starting gap:
  /// `L_t - L* <= reachFraction (L_0 - L*)`.
  public static let reachFraction = 0.01

  /// Checks the settings against the scenario (one problem per broken rule, keyed
  /// `training.*`).
  public init(scenario: Scenario, settings: TrainingSettings, seed: UInt64, every: Int? = nil)
    throws(InvalidScenario)
  {
    let problems = settings.raceProblems(for: scenario.distribution)
    guard problems.isEmpty else { throw InvalidScenario(problems) }
    self.init(checked: scenario, settings: settings, seed: seed, every: every)
  }

  /// A race whose settings already passed `TrainingSettings.raceProblems(for:)`.
  init(checked scenario: Scenario, settings: TrainingSettings, seed: UInt64, every: Int?) {
    self.scenario = scenario
    self.settings = settings
    self.seed = seed
    self.every = every.map { max($0, 1) }
    start = scenario.problem
    optimum = ExactSolution.optimum(
      distribution: scenario.distribution, objective: scenario.objective)
  }

  /// The race the explorer's `T` starts: the scenario as it is on screen, its enabled
  /// estimators (in the scenario's order), its `[training]` defaults or the standard ones.
  public init(live scenario: Scenario, enabled: [EstimatorKind], seed: UInt64)
    throws(InvalidScenario)
  {
    guard !enabled.isEmpty else {
      throw InvalidScenario(key: "", "no estimator is on: turn one on with 1-9")
    }
    try self.init(
      scenario: try scenario.with(estimators: enabled),
      settings: scenario.training ?? TrainingSettings(), seed: seed)
  }

  /// Whether `other` runs the same race, the learning rate aside (the race view's `+` and
  /// `-` change it and keep the race when it is opened again).
  public func isSameRace(asIgnoringLearningRate other: RaceSetup) -> Bool {
    var mine = settings
    mine.learningRate = other.settings.learningRate
    return scenario == other.scenario && mine == other.settings && seed == other.seed
      && every == other.every
  }

  /// The default trace interval: about ten points besides step 0.
  public static func defaultEvery(steps: Int) -> Int { max(1, steps / 10) }

  public var startLoss: Double { start.exact.loss }

  /// The outcome with the lowest objective value (the first of equals), whose probability
  /// the race view and the table show; nil when the objective has no outcome values.
  /// Derived from the objective (at most 64 values) each time, so nothing can go stale.
  public var bestOutcome: Int? {
    let values = scenario.objective.outcomeValues
    return values.indices.min { values[$0] < values[$1] }
  }

  /// The loss at or below which a lane counts as having reached the optimum.
  public var reachLoss: Double? {
    optimum.map { $0 + Self.reachFraction * max(startLoss - $0, 0) }
  }

  /// The relaxation temperature for the update at step `t`, nil for a gaussian.
  public func temperature(at t: Int) -> Double? {
    scenario.distribution.temperature.map { settings.anneal.temperature(at: t, start: $0) }
  }
}
