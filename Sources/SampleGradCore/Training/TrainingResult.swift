/// A finished (or stopped) race: per estimator, its trace and its final state. What
/// `samplegrad train` prints as JSON, CSV or a table.
public struct TrainingResult: Sendable {
  public let setup: RaceSetup
  public var lanes: [LaneResult]

  public init(setup: RaceSetup, lanes: [LaneResult]) {
    self.setup = setup
    self.lanes = lanes
  }

  public var scenario: Scenario { setup.scenario }
  public var settings: TrainingSettings { setup.settings }
}

/// One estimator's race: trace points every E steps (and at step 0 and the last step), the
/// final state, when it first came within 1% of the optimum, and why it stopped if early.
public struct LaneResult: Sendable, Equatable {
  public let kind: EstimatorKind
  public let trace: [TracePoint]
  public let final: TracePoint
  /// The first step with `L_t - L* <= 0.01 (L_0 - L*)`, if any.
  public let reachedStep: Int?
  /// Set when the parameters left the valid range (a learning rate far too large).
  public let stopped: String?
}
