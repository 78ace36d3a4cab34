import Foundation
import SampleGradCore
import Testing

@testable import SampleGradEngine

/// Issue 12, item 11: the engine's lifecycle. `start` runs one loop, once; `stop` returns
/// only when the loop has ended, however long its batch; `init` builds the only state; a
/// paused loop sleeps instead of spinning through commands it has already taken.
@Suite("Sampling engine lifecycle")
struct SamplingEngineLifecycleTests {
  @Test("stop before start, and twice, returns at once; start after stop does nothing")
  func stopWithoutStart() {
    let engine = SamplingEngine(scenario: EngineStateTests.scenario)
    engine.stop()
    engine.stop()
    engine.start()
    #expect(!engine.isRunning)
    #expect(engine.latest.samples == 0)
  }

  @Test("start is idempotent: one loop, which takes the state init built")
  func startOnce() {
    let engine = SamplingEngine(scenario: EngineStateTests.scenario)
    #expect(engine.hasPendingState)
    #expect(engine.latest.generation == 1)
    engine.start()
    engine.start()
    #expect(waitUntil { engine.latest.samples > 0 })
    #expect(!engine.hasPendingState)
    #expect(engine.isRunning)
    engine.stop()
    #expect(!engine.isRunning)
    engine.start()
    #expect(!engine.isRunning)
  }

  @Test("stop waits for the batch in progress: nothing samples after it returns")
  func stopWaitsForTheBatch() throws {
    // K = 64 logits spread over more than 700: REBAR on its one-sample path, about 10 us a
    // sample, so the first batch of 40,000 takes about half a second.
    var logits = [Double](repeating: 0, count: 64)
    logits[63] = 1e5
    var target = [Double](repeating: 0, count: 64)
    target[63] = 1
    let scenario = try Scenario(
      name: "slow", estimators: [.rebar],
      distribution: .categorical(logits: logits, temperature: 0.5),
      objective: .quadratic(target: target))
    var timing = BatchTiming()
    timing.initialBatch = 40_000
    let engine = SamplingEngine(scenario: scenario, timing: timing)
    engine.start()
    #expect(waitUntil { !engine.hasPendingState })
    Thread.sleep(forTimeInterval: 0.05)
    engine.stop()
    #expect(!engine.isRunning)
    let samples = engine.latest.samples
    Thread.sleep(forTimeInterval: 0.2)
    #expect(engine.latest.samples == samples)
  }

  @Test("a paused loop wakes once per command, not once per command sent while it ran")
  func noSpinAfterPause() {
    let engine = SamplingEngine(scenario: EngineStateTests.scenario)
    engine.start()
    defer { engine.stop() }
    #expect(waitUntil { engine.latest.samples > 0 })
    for _ in 0..<2000 { engine.send(.resume) }
    engine.send(.pause)
    #expect(waitUntil { engine.latest.isPaused })
    Thread.sleep(forTimeInterval: 0.2)
    #expect(engine.pausedWakeups.withLock { $0 } == 0)

    engine.send(.nudgeParameter(index: 0, delta: 0.1))
    #expect(waitUntil { engine.latest.distribution.parameters[0] == 1.1 })
    Thread.sleep(forTimeInterval: 0.1)
    #expect(engine.pausedWakeups.withLock { $0 } == 1)
    #expect(engine.latest.samples == 0)
  }
}
