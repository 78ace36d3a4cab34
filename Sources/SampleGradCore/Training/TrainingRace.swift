/// A training race: every estimator trains its own copy of the parameters from the same
/// start, with the same optimiser, step size, batch and number of steps, each on its own
/// random stream, and is measured by the exact loss at its parameters after each step.
///
/// A plain value that tests drive synchronously; the engine runs it as a job (live) or one
/// lane per worker (headless). Lanes never share state, so a race's numbers depend on the
/// seed only, never on how many threads ran it.
public struct TrainingRace {
  public let setup: RaceSetup
  var lanes: [RaceLane]

  /// A race of the scenario's estimators (which the scenario checked apply).
  public init(setup: RaceSetup) {
    self.setup = setup
    lanes = setup.scenario.estimators.map { try! RaceLane(kind: $0, setup: setup) }
  }

  /// A race of some estimators only (a headless worker runs one lane each).
  public init(setup: RaceSetup, estimators: [EstimatorKind]) throws(EstimatorNotApplicable) {
    self.setup = setup
    var lanes: [RaceLane] = []
    for kind in estimators { lanes.append(try RaceLane(kind: kind, setup: setup)) }
    self.lanes = lanes
  }

  /// The steps taken: every lane advances together (a lane that stopped early stays behind).
  public var step: Int { lanes.map(\.step).max() ?? 0 }

  /// Whether every lane has reached the last step or stopped.
  public var isFinished: Bool {
    lanes.allSatisfy { $0.step >= setup.settings.steps || $0.stopped != nil }
  }

  /// Advances every lane by up to `steps` updates.
  public mutating func advance(steps: Int) {
    for i in lanes.indices { lanes[i].advance(steps, setup: setup) }
  }

  /// Runs to the last step.
  public mutating func finish() { advance(steps: setup.settings.steps) }

  /// Each lane's trace points recorded since the last call (see `RaceLane.takeTrace`); the
  /// `result()` after it holds only the points not taken.
  public mutating func takeTrace() -> [[TracePoint]] {
    lanes.indices.map { lanes[$0].takeTrace(setup) }
  }

  public func result() -> TrainingResult {
    TrainingResult(setup: setup, lanes: lanes.map { $0.result(setup) })
  }
}
