import Dispatch
import Foundation
import SampleGradCore

/// The engine: one background queue that runs the jobs of a `JobHost` (the live statistics,
/// a sweep) and publishes the latest snapshot, at most ~30 times a second; the newest wins.
///
/// The UI never samples and never waits for a slice: `send` posts to the inbox and returns;
/// `latest` reads the last published snapshot. One lifecycle: `start` starts the loop once
/// (later calls do nothing), `stop` closes the inbox and returns only when the loop has
/// ended (every call waits; a never-started engine returns at once). When the job on screen
/// has nothing to do (paused, a finished sweep) the loop sleeps until the next command.
public final class SamplingEngine: Sendable {
  private let queue = DispatchQueue(label: "samplegrad.sampling", qos: .userInitiated)
  private let inbox = Mailbox<HostCommand>()
  private let published: LockedValue<Snapshot>
  private let lifecycle = LockedValue(Lifecycle.ready)
  private let running = DispatchGroup()
  private let scenario: Scenario
  private let seed: UInt64
  private let timing: BatchTiming
  /// Loop passes that found nothing to do (tests check that a paused engine does not spin).
  let idlePasses = LockedValue(0)

  private enum Lifecycle { case ready, running, stopped }

  public init(
    scenario: Scenario, seed: UInt64 = Scenario.defaultSeed, timing: BatchTiming = BatchTiming()
  ) {
    self.scenario = scenario
    self.seed = seed
    self.timing = timing
    published = LockedValue(EngineState(scenario: scenario, seed: seed).snapshot())
  }

  /// Starts the loop; only the first call does anything, and none after `stop`.
  public func start() {
    let first = lifecycle.withLock { state -> Bool in
      guard state == .ready else { return false }
      state = .running
      return true
    }
    guard first else { return }
    running.enter()
    queue.async {
      defer { self.running.leave() }
      self.loop()
    }
  }

  /// Queues a command for the live statistics; it takes effect before their next batch.
  public func send(_ command: EngineCommand) { inbox.post(.live(command)) }

  /// Queues a command for the sweep (or for which job is on screen).
  public func send(_ command: SweepJobCommand) { inbox.post(.sweep(command)) }

  /// Queues a command for the training race (or for which job is on screen). Labelled, since
  /// the sweep's commands share some names (`.close`, `.togglePause`).
  public func send(race command: TrainingJobCommand) { inbox.post(.training(command)) }

  /// The most recently published snapshot.
  public var latest: Snapshot { published.withLock { $0 } }

  /// Stops the loop and waits until it has finished its slice and ended.
  public func stop() {
    lifecycle.withLock { $0 = .stopped }
    inbox.close()
    running.wait()
  }

  private func loop() {
    var host = JobHost(scenario: scenario, seed: seed, timing: timing)
    var lastPublish = DispatchTime(uptimeNanoseconds: 0)
    while let commands = inbox.take() {
      for command in commands { host.apply(command) }
      guard host.hasWork else {
        host.rest()
        publish(host)
        idlePasses.withLock { $0 += 1 }
        inbox.waitForMail()
        continue
      }
      host.work()
      let now = DispatchTime.now()
      if !commands.isEmpty || now.seconds(since: lastPublish) >= timing.publishInterval {
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
public struct BatchTiming: Sendable {
  /// A batch should take about this long, so a command waits at most ~this.
  public var targetSeconds = 0.01
  public var initialBatch = 256
  public var publishInterval = 1.0 / 30
  public var historyInterval = 0.25

  public init() {}

  func nextBatch(after batch: Int, took seconds: Double) -> Int {
    guard seconds > 0 else { return min(batch * 2, 1 << 20) }
    let scaled = Double(batch) * targetSeconds / seconds
    return Int(min(max(scaled, Double(batch) / 2, 16), min(Double(batch) * 2, Double(1 << 20))))
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
