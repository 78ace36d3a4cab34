/// What the race view asks of the training job.
package enum TrainingJobCommand: Sendable, Equatable {
  /// Opens the race view: a race of the live scenario as it is now (its enabled estimators,
  /// its `[training]` defaults), or the one already run if nothing it depends on changed.
  case open
  /// Back to the live statistics; the race keeps its numbers.
  case close
  case togglePause
  /// The same race again from step 0 (same seed: the same numbers).
  case restart
  /// A new learning rate, and the race again from step 0.
  case setLearningRate(Double)
}

extension JobCommand {
  /// A command for the training race.
  package static func race(_ command: TrainingJobCommand) -> JobCommand {
    JobCommand(TrainingJob.self, command)
  }
}
