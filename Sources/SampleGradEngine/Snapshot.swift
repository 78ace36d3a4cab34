import SampleGradCore

/// Everything the screen draws, as one immutable value published by the engine.
public struct Snapshot: Sendable {
  public var scenario: Scenario
  /// The distribution as it is now (after the user's tweaks).
  public var distribution: DistributionSpec { scenario.distribution.spec }
  public var exact: ExactSolution
  /// Probabilities of the discrete outcomes (empty for a gaussian).
  public var probabilities: [Double]
  public var isPaused: Bool
  /// Samples of the distribution drawn since the statistics were last reset.
  public var samples: Int
  public var samplesPerSecond: Double
  public var histogram: Histogram
  public var chiSquare: ChiSquareTest
  /// The latest relaxed samples, newest last (K values each; empty for a gaussian).
  public var relaxedRows: [[Double]]
  /// Mean of all relaxed samples since the reset, beside `probabilities`.
  public var relaxedMean: [Double]
  /// One row per estimator that applies to the distribution, enabled or not.
  public var estimators: [EstimatorSnapshot]
  /// A status or error line for the user (e.g. "temperature is already at its minimum").
  public var message: String?
  /// Increases whenever the parameters change, so the screen can tell a fresh start.
  public var generation: Int
  /// The sweep's part, published by the sweep job once a sweep has been opened.
  public var sweep: SweepSnapshot? = nil
  /// The training race's part, once a race has been opened (`T`).
  public var race: RaceSnapshot? = nil

  public var parameterNames: [String] { distribution.parameterNames }
}

/// One estimator's running statistics, per gradient component.
public struct EstimatorSnapshot: Sendable {
  public var kind: EstimatorKind
  public var isEnabled: Bool
  public var samples: Int
  public var mean: [Double]
  public var variance: [Double]
  public var standardError: [Double]
  public var exact: [Double]
  /// Running variance over time, oldest first, one entry per component per point; points
  /// from before a parameter change are kept so the sparkline shows the jump.
  public var varianceHistory: [[Double]]
  /// Whether theory says this estimator is unbiased for this objective.
  public var isUnbiased: Bool
  /// Why this estimator cannot run here ("needs df/dx"), shown instead of numbers.
  public var unavailable: String?
  /// The control-variate scale in use (rebar), or its running value (rebar-auto).
  public var eta: Double?
  public var bias: [Double] { zip(mean, exact).map { $0 - $1 } }
}
