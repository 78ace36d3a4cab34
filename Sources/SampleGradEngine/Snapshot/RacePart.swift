import SampleGradCore

/// The training race's part of the snapshot: what the race view draws (`RaceSnapshot`) and the
/// race so far as `samplegrad train` reports it, for the view's export.
package struct RacePart: JobPart {
  package var race: RaceSnapshot
  /// Every lane's trace and final state up to the current step; nil in a part built by hand.
  package var result: TrainingResult?

  package init(race: RaceSnapshot, result: TrainingResult? = nil) {
    self.race = race
    self.result = result
  }

  package var isOpen: Bool {
    get { race.isOpen }
    set { race.isOpen = newValue }
  }

  /// The step, the state, the rate and learning rate shown, and the race's message.
  package var redrawKey: RedrawKey {
    RedrawKey(
      race.step, race.isPaused, race.isOpen, race.stepsPerSecond, race.settings.learningRate,
      race.message)
  }
}

extension Snapshot {
  /// The training race's view part, once a race has been opened (`T`). Setting it keeps the
  /// part's result (a hand-built race has none).
  package var race: RaceSnapshot? {
    get { parts[RacePart.self]?.race }
    set {
      parts[RacePart.self] = newValue.map {
        RacePart(race: $0, result: parts[RacePart.self]?.result)
      }
    }
  }

  /// The training race so far as `samplegrad train` reports it, once a race has been opened.
  package var raceResult: TrainingResult? { parts[RacePart.self]?.result }
}
