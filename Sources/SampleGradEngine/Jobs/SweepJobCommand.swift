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

extension JobCommand {
  /// A command for the sweep.
  package static func sweep(_ command: SweepJobCommand) -> JobCommand {
    JobCommand(SweepJob.self, command)
  }
}
