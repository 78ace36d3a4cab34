/// A job's place in the host's table: its type. The live statistics have their own key.
package struct JobKey: Hashable, Sendable, CustomStringConvertible {
  private let id: ObjectIdentifier?
  package let description: String

  package init<Job: ViewJob>(_ job: Job.Type) {
    id = ObjectIdentifier(job)
    description = String(describing: job)
  }

  private init(live: Void) {
    id = nil
    description = "live"
  }

  /// The live statistics.
  package static let live = JobKey(live: ())
}

/// A command for a `ViewJob`, addressed by the job's type: the one way a view talks to its
/// job, whatever the job. Two commands are equal when they address the same job with equal
/// commands, so the screen's key handling stays checkable by tests.
package struct JobCommand: Sendable, Equatable, CustomStringConvertible {
  package let job: JobKey
  private let command: any Equatable & Sendable
  /// Hands the command to its job's type in the host (captured while the type is known).
  private let deliver: @Sendable (inout JobHost) -> Void

  package init<Job: ViewJob>(_ job: Job.Type, _ command: Job.Command) {
    self.job = JobKey(job)
    self.command = command
    deliver = { host in host.deliver(command, to: Job.self) }
  }

  /// Applies the command to `host`.
  func apply(to host: inout JobHost) { deliver(&host) }

  package static func == (a: JobCommand, b: JobCommand) -> Bool {
    a.job == b.job && a.command.isEqual(to: b.command)
  }

  package var description: String { "\(job): \(command)" }
}

extension Equatable {
  /// Whether `other` is a value of this type equal to this one.
  fileprivate func isEqual(to other: any Equatable) -> Bool {
    (other as? Self) == self
  }
}
