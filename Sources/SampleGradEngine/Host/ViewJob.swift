/// A job that a full-screen view puts on screen (the sweep, the training race, the
/// overview): made from the live statistics as they are when the view opens, sampling only
/// while its view is open, keeping its numbers when it closes.
///
/// A job joins the engine by conforming, nothing more: its commands travel as
/// `JobCommand(Self.self, command)` through the engine's one command path, the host keeps one
/// job of each type in its table, and the job's part lands in `Snapshot.parts` under the part's
/// type. Nothing in the host or the snapshot names a job. (Its type is `SendableMetatype`
/// because a command carries it across to the engine's queue.)
package protocol ViewJob: EngineJob, SendableMetatype where Part: JobPart, Command: Equatable {
  /// What `command` asks: to open the view, to close it, or something of the job itself.
  static func route(_ command: Command) -> JobRoute

  /// The job an opening `command` puts on screen: `running` when it already computes what
  /// the live statistics now ask for, else a new one; nil when they cannot have one (the
  /// screen checks the same rules first, so nil changes nothing).
  static func opening(_ command: Command, from start: JobStart, running: Self?) -> Self?
}

/// Where a command of a `ViewJob` goes.
package enum JobRoute: Sendable, Equatable {
  /// Put the job on screen (the job before it rests).
  case open
  /// Back to the live statistics, if the job is on screen.
  case close
  /// To the job itself (pause, restart, ...), if it has been opened.
  case own
}

/// What a job opening from the live view starts from.
package struct JobStart {
  /// The live statistics as they are: the scenario on screen, its enabled rows, the seed.
  package let live: EngineState
  /// How fast a live race advances (tests run it flat out).
  package let pacing: RacePacing
}
