import Dispatch
import Foundation
import SampleGradCore

/// The live sampler: a loop on a background queue that applies commands between batches and
/// publishes the latest snapshot (at most ~30 times a second; the newest wins).
///
/// The UI never samples and never waits for a batch: `send` appends to a locked inbox and
/// returns; `latest` reads the last published snapshot. Paused means idle: the loop sleeps
/// on a semaphore until the next command.
public final class SamplingEngine: Sendable {
  private let queue = DispatchQueue(label: "samplegrad.sampling", qos: .userInitiated)
  private let inbox = LockedValue<[EngineCommand]>([])
  private let published: LockedValue<Snapshot>
  private let stopped = LockedValue(false)
  private let wake = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)
  private let scenario: Scenario
  private let seed: UInt64
  private let timing: BatchTiming

  public init(
    scenario: Scenario, seed: UInt64 = Scenario.defaultSeed, timing: BatchTiming = BatchTiming()
  ) {
    self.scenario = scenario
    self.seed = seed
    self.timing = timing
    published = LockedValue(EngineState(scenario: scenario, seed: seed).snapshot())
  }

  /// Starts the sampling loop (once).
  public func start() {
    queue.async { self.loop() }
  }

  /// Queues a command; it takes effect before the next batch (within one batch time).
  public func send(_ command: EngineCommand) {
    inbox.withLock { $0.append(command) }
    wake.signal()
  }

  /// The most recently published snapshot.
  public var latest: Snapshot { published.withLock { $0 } }

  /// Stops the loop and waits for it to finish its batch.
  public func stop() {
    let wasRunning = stopped.withLock { old -> Bool in
      defer { old = true }
      return !old
    }
    guard wasRunning else { return }
    wake.signal()
    _ = finished.wait(timeout: .now() + 2)
  }

  private func loop() {
    var state = EngineState(scenario: scenario, seed: seed)
    var batch = timing.initialBatch
    var rate = RateMeter()
    var lastPublish = DispatchTime(uptimeNanoseconds: 0)
    var lastHistory = DispatchTime.now()
    defer { finished.signal() }

    while !stopped.withLock({ $0 }) {
      let commands = inbox.withLock { queued -> [EngineCommand] in
        defer { queued.removeAll(keepingCapacity: true) }
        return queued
      }
      var steps = 0
      for command in commands {
        if command == .step { steps += 1 }
        state.apply(command)
      }
      if state.isPaused && steps == 0 {
        state.setRate(0)
        rate = RateMeter()
        publish(state)
        wake.wait()
        continue
      }

      let started = DispatchTime.now()
      state.step(samples: batch)
      let now = DispatchTime.now()
      let seconds = now.seconds(since: started)
      state.setRate(rate.record(samples: batch, seconds: seconds))
      batch = timing.nextBatch(after: batch, took: seconds)

      if now.seconds(since: lastHistory) >= timing.historyInterval || steps > 0 {
        state.recordHistory()
        lastHistory = now
      }
      if !commands.isEmpty || steps > 0 || now.seconds(since: lastPublish) >= timing.publishInterval
      {
        publish(state)
        lastPublish = now
      }
    }
  }

  private func publish(_ state: EngineState) {
    let snapshot = state.snapshot()
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
