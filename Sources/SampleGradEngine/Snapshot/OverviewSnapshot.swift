import SampleGradCore

/// The overview's part of the snapshot: the last finished round's table for every gradient
/// component (empty until the first round is done) and how far the next round is.
package struct OverviewSnapshot: JobPart {
  /// The scenario the table measures.
  package var scenarioName: String
  /// One table per gradient component, all from the same runs.
  package var overviews: [Overview]
  /// Samples per method in `overviews` (0 before the first round).
  package var samples: Int
  /// Samples per method the round in progress reaches.
  package var target: Int
  /// How much of the round in progress is done, 0...1.
  package var progress: Double
  package var maximumSamples: Int
  package var isPaused: Bool
  package var isFinished: Bool
  /// Whether the overview is the job on screen (and so the one sampling).
  package var isOpen: Bool

  package init(
    scenarioName: String, overviews: [Overview], samples: Int, target: Int, progress: Double,
    maximumSamples: Int, isPaused: Bool, isFinished: Bool, isOpen: Bool
  ) {
    self.scenarioName = scenarioName
    self.overviews = overviews
    self.samples = samples
    self.target = target
    self.progress = progress
    self.maximumSamples = maximumSamples
    self.isPaused = isPaused
    self.isFinished = isFinished
    self.isOpen = isOpen
  }

  /// The round shown, whole percent of the next one, and the state.
  package var redrawKey: RedrawKey {
    RedrawKey(samples, Int(progress * 100), isPaused, isOpen)
  }

  /// The table for gradient component `component` (clamped), nil before the first round.
  package func overview(component: Int) -> Overview? {
    guard !overviews.isEmpty else { return nil }
    return overviews[min(max(component, 0), overviews.count - 1)]
  }
}

extension Snapshot {
  /// The overview's part, once the overview has been opened (`o`).
  package var overview: OverviewSnapshot? {
    get { parts[OverviewSnapshot.self] }
    set { parts[OverviewSnapshot.self] = newValue }
  }
}
