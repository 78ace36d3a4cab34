import SampleGradCore
import Testing

@testable import SampleGradEngine

/// The engine's jobs driven synchronously: commands reach the job they concern, only the job
/// on screen samples, and switching views loses no numbers.
@Suite("Job host")
struct JobHostTests {
  static func host() -> JobHost { JobHost(scenario: EngineStateTests.scenario, seed: 7) }

  @Test("opening the sweep puts it on screen; the live statistics wait, kept")
  func openKeepsLive() throws {
    var host = Self.host()
    host.work()
    let live = host.snapshot().samples
    #expect(live > 0)
    host.apply(.job(.sweep(.open(.temperature))))
    #expect(host.focus == .sweep && host.hasWork)
    while host.snapshot().sweep?.result == nil { host.work() }
    let snapshot = host.snapshot()
    #expect(snapshot.samples == live)
    let sweep = try #require(snapshot.sweep)
    #expect(sweep.isOpen && sweep.plan.setting == .temperature)
    // The enabled rows of the live view, without exact: what the screen compares.
    #expect(sweep.plan.estimators == [.scoreFunction, .gumbelSoftmax, .rebar])
    #expect(sweep.samples == SweepJob.firstRound)

    host.apply(.job(.sweep(.close)))
    #expect(host.focus == .live)
    host.work()
    #expect(host.snapshot().samples > live)
    #expect(host.snapshot().sweep?.isOpen == false)
    #expect(host.snapshot().sweep?.samples == SweepJob.firstRound)
  }

  @Test("commands go to their own job: a sweep pause does not pause the live view")
  func routing() {
    var host = Self.host()
    host.apply(.job(.sweep(.open(.temperature))))
    host.apply(.job(.sweep(.togglePause)))
    #expect(!host.hasWork)
    #expect(host.snapshot().sweep?.isPaused == true)
    #expect(!host.snapshot().isPaused)
    host.apply(.job(.sweep(.close)))
    #expect(host.hasWork)
    host.apply(.live(.pause))
    #expect(!host.hasWork)
    #expect(host.snapshot().sweep?.isPaused == true)
  }

  @Test("reopening keeps the sweep when it would compute the same numbers")
  func reopen() throws {
    var host = Self.host()
    host.apply(.job(.sweep(.open(.temperature))))
    host.sweepThroughFirstRound()
    host.apply(.job(.sweep(.close)))
    // Enter in the sweep view: the live view moves to a swept value. The curves are the
    // same; only the "now" mark moves.
    host.apply(.live(.set(.temperature, to: 3.16)))
    #expect(host.snapshot().distribution.temperature == 3.16)
    host.apply(.job(.sweep(.open(.temperature))))
    #expect(host.snapshot().sweep?.samples == SweepJob.firstRound)
    #expect(host.snapshot().sweep?.plan.current == 3.16)
    // A new logit changes every point: a new sweep.
    host.apply(.job(.sweep(.close)))
    host.apply(.live(.nudgeParameter(index: 0, delta: 0.1)))
    host.apply(.job(.sweep(.open(.temperature))))
    #expect(host.snapshot().sweep?.result == nil)
    // So does another setting.
    host.sweepThroughFirstRound()
    host.apply(.job(.sweep(.open(.parameter(1)))))
    #expect(host.snapshot().sweep?.plan.setting == .parameter(1))
    #expect(host.snapshot().sweep?.result == nil)
  }

  @Test("a setting the scenario lacks changes nothing")
  func refusedOpen() {
    var host = Self.host()
    host.apply(.job(.sweep(.open(.frequency))))
    #expect(host.focus == .live && host.snapshot().sweep == nil)
  }

  @Test("the live job's set command moves any setting, checked by the scenario's rules")
  func setCommand() {
    var state = EngineState(scenario: EngineStateTests.scenario)
    let eta = state.apply(.set(.option("eta"), to: 0.25))
    #expect(eta)
    #expect(state.scenario.options.value("eta") == 0.25)
    #expect(state.snapshot().estimators.first { $0.kind == .rebar }?.diagnostic("eta") == 0.25)
    let hot = state.apply(.set(.temperature, to: 500))
    #expect(!hot)
    #expect(state.message?.contains("between 0.01 and 100") == true)
    let frequency = state.apply(.set(.frequency, to: 1))
    #expect(!frequency)
  }
}

extension JobHost {
  mutating func sweepThroughFirstRound() {
    while snapshot().sweep?.result == nil { work() }
  }
}

/// The jobs these tests open, by name (the host keys its table by job type).
extension JobKey {
  static let sweep = JobKey(SweepJob.self)
  static let training = JobKey(TrainingJob.self)
  static let overview = JobKey(OverviewJob.self)
}
