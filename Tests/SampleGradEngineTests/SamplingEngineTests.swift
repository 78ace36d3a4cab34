import Foundation
import SampleGradCore
import Testing

@testable import SampleGradEngine

/// The engine's threads, with deadlines rather than sleeps of a fixed length.
@Suite("Sampling engine (threaded)")
struct SamplingEngineTests {
  func waitUntil(seconds: Double = 10, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      Thread.sleep(forTimeInterval: 0.005)
    }
    return condition()
  }

  @Test("samples in the background, applies commands, pauses and stops")
  func smoke() {
    let engine = SamplingEngine(scenario: EngineStateTests.scenario)
    engine.start()
    defer { engine.stop() }
    #expect(waitUntil { engine.latest.samples > 1000 })

    engine.send(.setTemperature(2))
    #expect(waitUntil { engine.latest.distribution.temperature == 2 })

    engine.send(.pause)
    #expect(waitUntil { engine.latest.isPaused })
    let paused = engine.latest.samples
    Thread.sleep(forTimeInterval: 0.1)
    #expect(engine.latest.samples == paused)

    engine.send(.step)
    #expect(waitUntil { engine.latest.samples > paused })
    engine.send(.resume)
    #expect(waitUntil { !engine.latest.isPaused })
  }

  @Test("a paused engine is idle: commands queued while it ran do not spin it afterwards")
  func noSpinAfterPause() {
    let engine = SamplingEngine(scenario: EngineStateTests.scenario)
    engine.start()
    defer { engine.stop() }
    #expect(waitUntil { engine.latest.samples > 0 })
    for _ in 0..<500 { engine.send(.resume) }
    engine.send(.pause)
    #expect(waitUntil { engine.latest.isPaused })
    Thread.sleep(forTimeInterval: 0.05)
    let settled = engine.idlePasses.withLock { $0 }
    // One pass found the pause; at most one more if the last commands came in two takes.
    #expect(settled <= 2)
    Thread.sleep(forTimeInterval: 0.2)
    #expect(engine.idlePasses.withLock { $0 } == settled)
    // Each command while paused wakes it exactly once.
    engine.send(.resetStatistics)
    #expect(waitUntil { engine.idlePasses.withLock { $0 } == settled + 1 })
    Thread.sleep(forTimeInterval: 0.05)
    #expect(engine.idlePasses.withLock { $0 } == settled + 1)
  }

  @Test("start is idempotent; stop waits for the loop; both are safe to repeat")
  func lifecycle() {
    let engine = SamplingEngine(scenario: EngineStateTests.scenario)
    engine.start()
    engine.start()
    #expect(waitUntil { engine.latest.samples > 0 })
    engine.stop()
    // The loop has ended: nothing is published any more, and commands are dropped.
    let last = engine.latest.samples
    engine.send(.setTemperature(3))
    Thread.sleep(forTimeInterval: 0.1)
    #expect(engine.latest.samples == last)
    #expect(engine.latest.distribution.temperature == 0.5)
    engine.stop()
    engine.start()
    Thread.sleep(forTimeInterval: 0.05)
    #expect(engine.latest.samples == last)

    let neverStarted = SamplingEngine(scenario: EngineStateTests.scenario)
    neverStarted.stop()
  }

  @Test("the sweep refines in the background and keeps the live numbers")
  func sweepInTheBackground() throws {
    let engine = SamplingEngine(scenario: EngineStateTests.scenario)
    engine.start()
    defer { engine.stop() }
    #expect(waitUntil { engine.latest.samples > 1000 })
    engine.send(.open(.temperature))
    #expect(waitUntil { engine.latest.sweep?.isOpen == true })
    let live = engine.latest.samples
    #expect(waitUntil { (engine.latest.sweep?.samples ?? 0) >= 2 * SweepJob.firstRound })
    #expect(engine.latest.samples == live)
    engine.send(SweepJobCommand.togglePause)
    #expect(waitUntil { engine.latest.sweep?.isPaused == true })
    let idle = engine.idlePasses.withLock { $0 }
    Thread.sleep(forTimeInterval: 0.1)
    #expect(engine.idlePasses.withLock { $0 } == idle)
    engine.send(.close)
    #expect(waitUntil { engine.latest.samples > live })
  }
}
