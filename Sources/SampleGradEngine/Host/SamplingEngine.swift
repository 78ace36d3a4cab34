import Dispatch
import Foundation
import SampleGradCore

/// The engine: one background queue that runs the jobs of a `JobHost` (the live statistics,
/// and the jobs views open: a sweep, a training race, the overview; see `EngineJob`) and
/// publishes the latest snapshot, at most ~30 times a second; the newest wins.
///
/// The UI never samples and never waits for a slice: `send` queues a command for the job it
/// concerns and returns; `latest` reads the last published snapshot. When the job on screen
/// has nothing to do (paused, a finished sweep, race or overview) the loop sleeps until the next
/// command.
///
/// Lifecycle: `init` builds the one `JobHost` (whose snapshot is `latest` until the loop
/// publishes), `start` hands it to the loop, once: a second `start`, or one after `stop`,
/// does nothing. `stop` closes the inbox and waits for the loop to end. There is no time
/// limit on that wait because none is needed: the loop checks for `stop` between slices, a
/// slice is sized to take about `BatchTiming.targetSeconds` (10 ms), and an idle loop wakes
/// at once. `stop` may be called from several threads, more than once, or without `start`.
package final class SamplingEngine: Sendable {
  private let queue = DispatchQueue(label: "samplegrad.sampling", qos: .userInitiated)
  private let mailbox = Mailbox<HostCommand>()
  private let published: LockedValue<Snapshot>
  /// The host built by `init`, until the loop takes it.
  private let pending: LockedValue<JobHost?>
  private let phase = LockedValue(Phase.ready)
  /// Entered by `start`, left when the loop returns: `stop` waits on it.
  private let running = DispatchGroup()
  /// Times the idle loop woke up (tests check it does not spin).
  let pausedWakeups = LockedValue(0)

  enum Phase { case ready, started, stopped }

  package init(
    scenario: Scenario, seed: UInt64 = Scenario.defaultSeed, timing: BatchTiming = BatchTiming()
  ) {
    let host = JobHost(scenario: scenario, seed: seed, timing: timing)
    published = LockedValue(host.snapshot())
    pending = LockedValue(host)
  }

  /// Starts the loop; only the first call does anything.
  package func start() {
    let first = phase.withLock { phase -> Bool in
      guard phase == .ready else { return false }
      phase = .started
      // Inside the lock, so a `stop` that comes after this always waits for the loop.
      running.enter()
      return true
    }
    guard first else { return }
    queue.async { self.loop() }
  }

  /// Queues a command for the live statistics; it takes effect before their next batch.
  package func send(_ command: EngineCommand) {
    mailbox.post(.live(command))
  }

  /// Queues a command for a job a view opens (or for which job is on screen): the one path
  /// for every such job.
  package func send(_ command: JobCommand) {
    mailbox.post(.job(command))
  }

  /// The most recently published snapshot.
  package var latest: Snapshot { published.withLock { $0 } }

  /// Whether the loop has started and not yet ended.
  var isRunning: Bool { running.wait(timeout: .now()) == .timedOut }

  /// Whether `init`'s host still waits for the loop (true until `start`).
  var hasPendingState: Bool { pending.withLock { $0 != nil } }

  /// Stops the loop and returns once it has ended (after its current slice).
  package func stop() {
    phase.withLock { $0 = .stopped }
    mailbox.close()
    running.wait()
  }

  private func loop() {
    defer { running.leave() }
    guard
      var host = pending.withLock({ held -> JobHost? in
        defer { held = nil }
        return held
      })
    else { return }
    var lastPublish = DispatchTime(uptimeNanoseconds: 0)
    var idle = false

    while true {
      let (commands, closed) = mailbox.take(waiting: idle)
      if closed { return }
      if idle { pausedWakeups.withLock { $0 += 1 } }
      for command in commands { host.apply(command) }
      idle = !host.hasWork
      if idle {
        host.rest()
        publish(host)
        continue
      }
      host.work()
      let now = DispatchTime.now()
      if !commands.isEmpty || now.seconds(since: lastPublish) >= host.timing.publishInterval {
        publish(host)
        lastPublish = now
      }
    }
  }

  private func publish(_ host: JobHost) {
    let snapshot = host.snapshot()
    published.withLock { $0 = snapshot }
  }
}

/// How the loop sizes its batches and paces its output.
package struct BatchTiming: Sendable {
  /// A batch should take about this long, so a command waits at most ~this.
  package var targetSeconds = 0.01
  package var initialBatch = 256
  package var publishInterval = 1.0 / 30
  package var historyInterval = 0.25

  package init() {}

  /// The batch to draw next, given that `batch` took `seconds`: scaled toward
  /// `targetSeconds`, at most halved or doubled at a time, never below `minimum` (unless
  /// doubling does not reach it yet) nor above 2^20.
  func nextBatch(after batch: Int, took seconds: Double, minimum: Int = 16) -> Int {
    guard seconds > 0 else { return min(batch * 2, 1 << 20) }
    let scaled = Double(batch) * targetSeconds / seconds
    return Int(
      min(
        max(scaled, Double(batch) / 2, Double(minimum)), min(Double(batch) * 2, Double(1 << 20))))
  }
}

/// Samples per second over the last second or so, smoothed.
struct RateMeter {
  private var samples = 0
  private var seconds = 0.0
  private var rate = 0.0

  mutating func record(samples n: Int, seconds dt: Double) -> Double {
    samples += n
    seconds += dt
    if seconds >= 0.5 {
      rate = Double(samples) / seconds
      samples = 0
      seconds = 0
    } else if rate == 0, seconds > 0 {
      rate = Double(samples) / seconds
    }
    return rate
  }
}
