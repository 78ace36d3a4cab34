/// Command-line changes to a scenario's training defaults (`--steps`, `--learning-rate`,
/// `--optimizer`, `--batch`). Problems with a changed value name the flag; the rest keep the
/// `training.*` key of the file they came from.
public struct TrainingOverrides: Sendable, Equatable {
  public var steps: Int?
  public var learningRate: Double?
  public var optimizer: OptimizerKind?
  public var batch: Int?

  public init(
    steps: Int? = nil, learningRate: Double? = nil, optimizer: OptimizerKind? = nil,
    batch: Int? = nil
  ) {
    self.steps = steps
    self.learningRate = learningRate
    self.optimizer = optimizer
    self.batch = batch
  }

  /// The scenario's training settings (or the defaults) with these changes, checked by the
  /// settings' rules and the rule for starting a race from the scenario's temperature.
  public func settings(for scenario: Scenario) throws(ScenarioError) -> TrainingSettings {
    var settings = scenario.training ?? TrainingSettings()
    var problems: [ScenarioProblem] = []
    if let steps { settings.steps = steps }
    if let learningRate { settings.learningRate = learningRate }
    if let batch { settings.batch = batch }
    if let optimizer { settings.optimizer = optimizer }
    let flags = [
      "training.steps": steps != nil ? "--steps" : nil,
      "training.learning_rate": learningRate != nil ? "--learning-rate" : nil,
      "training.batch": batch != nil ? "--batch" : nil,
    ]
    for problem in settings.raceProblems(for: scenario.distribution) {
      let key = flags[problem.key].flatMap { $0 } ?? problem.key
      problems.append(ScenarioProblem(key: key, message: problem.message))
    }
    guard problems.isEmpty else {
      throw ScenarioError(source: ScenarioOverrides.source, problems: problems)
    }
    return settings
  }

  /// The race `samplegrad train` runs: `settings(for:)`, checked once, with a trace point
  /// every `every` steps (default `RaceSetup.defaultEvery`).
  public func race(for scenario: Scenario, seed: UInt64, every: Int?) throws(ScenarioError)
    -> RaceSetup
  {
    let settings = try settings(for: scenario)
    return RaceSetup(
      checked: scenario, settings: settings, seed: seed,
      every: every ?? RaceSetup.defaultEvery(steps: settings.steps))
  }
}
