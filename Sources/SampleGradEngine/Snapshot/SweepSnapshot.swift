import SampleGradCore

/// What the screen asks of the sweep. `open` and `close` are the host's (they decide which
/// job samples); the rest go to the sweep job itself.
package enum SweepJobCommand: Sendable, Equatable {
  /// Shows the sweep over `setting` of the live scenario as it is now, comparing the enabled
  /// estimators. A sweep that already computes the same numbers carries on where it was;
  /// otherwise a new one starts. While it is open the sweep is the job that samples; the live
  /// statistics wait, kept.
  case open(ScenarioSetting)
  /// Back to the live statistics; the sweep keeps its numbers and stops refining.
  case close
  /// Stops or restarts the refinement.
  case togglePause
}

/// The sweep's part of the snapshot: the last finished round of refinement (every point at
/// the same sample count, so the curves compare like for like) and how far the next round is.
package struct SweepSnapshot: Sendable {
  package var plan: SweepPlan
  /// The last finished round, nil until the first has finished.
  package var result: SweepResult?
  /// Samples per point and estimator the round in progress reaches.
  package var target: Int
  /// How much of the round in progress is done, 0...1.
  package var progress: Double
  /// The largest sample count refinement goes to; it stops there.
  package var maximumSamples: Int
  package var isPaused: Bool
  /// Whether refinement has reached `maximumSamples`.
  package var isFinished: Bool
  /// Whether the sweep is the job on screen (and so the one sampling).
  package var isOpen: Bool
  /// Estimates per second over the last refinement slices (0 while idle).
  package var estimatesPerSecond: Double

  /// Samples per point and estimator in `result` (0 before the first round).
  package var samples: Int { result?.samples ?? 0 }
}
