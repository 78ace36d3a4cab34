import SampleGradCore

/// What the overview view asks of the overview job.
package enum OverviewJobCommand: Sendable, Equatable {
  /// Shows the overview of the live scenario as it is now (every method that can run on it,
  /// and the probe for the df/dx column). An overview that already measures the same
  /// scenario carries on where it was; otherwise a new one starts. While it is open it is
  /// the job that samples; the live statistics wait, kept.
  case open
  /// Back to the live statistics; the overview keeps its numbers and stops refining.
  case close
  /// Stops or restarts the refinement.
  case togglePause
}

extension JobCommand {
  /// A command for the overview.
  package static func overview(_ command: OverviewJobCommand) -> JobCommand {
    JobCommand(OverviewJob.self, command)
  }
}
