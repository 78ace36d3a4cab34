import SampleGradCore

/// The sweep's part of the snapshot: the last finished round of refinement (every point at
/// the same sample count, so the curves compare like for like) and how far the next round is.
package struct SweepSnapshot: JobPart {
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

  /// The round shown, whole percent of the next one, and the state.
  package var redrawKey: RedrawKey {
    RedrawKey(samples, Int(progress * 100), isPaused, isOpen)
  }
}

extension Snapshot {
  /// The sweep's part, once a sweep has been opened (`w`).
  package var sweep: SweepSnapshot? {
    get { parts[SweepSnapshot.self] }
    set { parts[SweepSnapshot.self] = newValue }
  }
}
