/// One kind of background work the engine hosts: the live statistics, a sweep, a training
/// race, the overview. The host (`JobHost`, run by `SamplingEngine`) owns the queue, the inbox and
/// the lifecycle; a job is a plain value that tests drive synchronously:
///
/// - `apply` takes the job's own commands; the host routes each command to the job it
///   concerns, so a sweep command never touches the live statistics and the reverse.
/// - `hasWork` says whether a slice would do anything now. When the job on screen has none
///   (paused, finished), the host sleeps until the next command: a paused engine is idle.
/// - `work(timing:)` does one slice of about `timing.targetSeconds`, so a command waits at
///   most about that long. A slice may use every core (`concurrentPerform`) but returns.
/// - `rest()` is called when the job stops getting slices (paused, finished, or another job
///   is on screen): what it measures per second reads 0 until it works again. Its numbers are
///   kept, so switching views loses nothing.
/// - `publish()` returns the job's own part of the snapshot, an immutable value.
///
/// The live statistics are the one job always there; the others are `ViewJob`s, which a
/// full-screen view opens.
package protocol EngineJob {
  associatedtype Command: Sendable
  associatedtype Part: Sendable

  mutating func apply(_ command: Command)
  var hasWork: Bool { get }
  mutating func work(timing: BatchTiming)
  mutating func rest()
  func publish() -> Part
}
