import Foundation
import SampleGradCore
import Testing

@testable import SampleGradEngine

/// The engine's threads, with deadlines rather than sleeps of a fixed length (its lifecycle:
/// `SamplingEngineLifecycleTests`).
@Suite("Sampling engine (threaded)")
struct SamplingEngineTests {
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

  @Test("the sweep refines in the background and keeps the live numbers")
  func sweepInTheBackground() throws {
    let engine = SamplingEngine(scenario: EngineStateTests.scenario)
    engine.start()
    defer { engine.stop() }
    #expect(waitUntil { engine.latest.samples > 1000 })
    engine.send(.sweep(.open(.temperature)))
    #expect(waitUntil { engine.latest.sweep?.isOpen == true })
    let live = engine.latest.samples
    #expect(waitUntil { (engine.latest.sweep?.samples ?? 0) >= 2 * SweepJob.firstRound })
    #expect(engine.latest.samples == live)
    engine.send(.sweep(.togglePause))
    #expect(waitUntil { engine.latest.sweep?.isPaused == true })
    // A paused sweep is idle too: no wake-up without a command.
    Thread.sleep(forTimeInterval: 0.1)
    #expect(engine.pausedWakeups.withLock { $0 } == 0)
    engine.send(.sweep(.close))
    #expect(waitUntil { engine.latest.samples > live })
  }
}
