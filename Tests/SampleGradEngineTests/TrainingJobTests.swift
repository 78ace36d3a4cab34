import SampleGradCore
import Testing

@testable import SampleGradEngine

/// The training race as an engine job, driven synchronously: `T` opens a race of the live
/// scenario as it is, the race view's keys reach it and nothing else, and however the work is
/// sliced the race equals `samplegrad train`.
@Suite("Training job")
struct TrainingJobTests {
  static func host(_ name: String = "relax-toy-race") throws -> JobHost {
    var host = JobHost(scenario: try PresetLab.load(name), seed: 7)
    host.pacing = RacePacing(seconds: 0)  // flat out: no waiting in tests
    return host
  }

  @Test("opening puts a race of the enabled rows on screen; finished, it equals the headless race")
  func openAndFinish() throws {
    var host = try Self.host()
    host.work()
    let live = host.snapshot().samples
    host.apply(.job(.race(.open)))
    #expect(host.focus == .training && host.hasWork)
    while host.hasWork { host.work() }
    let race = try #require(host.snapshot().race)
    #expect(race.isFinished && race.step == 10_000 && host.snapshot().samples == live)
    let scenario = try PresetLab.load("relax-toy-race")
    let headless = TrainingRunner.run(
      try RaceSetup(scenario: scenario, settings: scenario.training!, seed: 7), threads: 2)
    for lane in race.lanes {
      let twin = try #require(headless.lanes.first { $0.kind == lane.kind })
      #expect(lane.loss == twin.final.loss && lane.parameters == twin.final.parameters)
      #expect(lane.reachedStep == twin.reachedStep)
    }
    // The live view's rows come in registry order.
    #expect(
      race.lanes.map(\.kind)
        == EstimatorRegistry.all.map(\.kind).filter(scenario.estimators.contains))
  }

  @Test("space, r and a new learning rate reach the race only")
  func commands() throws {
    var host = try Self.host()
    host.apply(.job(.race(.open)))
    host.work()
    let step = host.snapshot().race!.step
    #expect(step > 0)
    host.apply(.job(.race(.togglePause)))
    #expect(!host.hasWork && host.snapshot().race!.isPaused && !host.snapshot().isPaused)
    host.apply(.job(.race(.restart)))
    #expect(host.hasWork && host.snapshot().race!.step == 0)
    host.apply(.job(.race(.setLearningRate(0.05))))
    #expect(host.snapshot().race!.settings.learningRate == 0.05 && host.snapshot().race!.step == 0)
    host.apply(.job(.race(.setLearningRate(-1))))
    #expect(
      host.snapshot().race!.message
        == "training.learning_rate: must be between 1e-9 and 1e6, got -1")
    #expect(host.snapshot().race!.settings.learningRate == 0.05)
  }

  @Test("closing keeps the race; reopening resumes it unless the scenario changed")
  func closeAndReopen() throws {
    var host = try Self.host()
    host.apply(.job(.race(.open)))
    host.apply(.job(.race(.setLearningRate(0.02))))
    host.work()
    let step = host.snapshot().race!.step
    host.apply(.job(.race(.close)))
    #expect(host.focus == .live)
    host.work()
    #expect(host.snapshot().race!.step == step)
    host.apply(.job(.race(.open)))
    #expect(host.snapshot().race!.step == step)
    #expect(host.snapshot().race!.settings.learningRate == 0.02)
    host.apply(.job(.race(.close)))
    host.apply(.live(.nudgeParameter(index: 0, delta: 0.5)))
    host.apply(.job(.race(.open)))
    #expect(host.snapshot().race!.step == 0)
    #expect(host.snapshot().race!.lanes[0].parameters == [0.5])
  }

  @Test("the sweep and the race are two jobs of one host: each keeps its numbers off screen")
  func besideTheSweep() throws {
    var host = try Self.host()
    host.apply(.job(.race(.open)))
    host.work()
    let step = try #require(host.snapshot().race).step
    #expect(step > 0 && host.snapshot().race?.isOpen == true)
    host.apply(.job(.race(.close)))
    host.apply(.job(.sweep(.open(.temperature))))
    #expect(host.focus == .sweep)
    // A race command while the sweep is on screen reaches the race only.
    host.apply(.job(.race(.close)))
    #expect(host.focus == .sweep)
    host.work()
    #expect(host.snapshot().race?.step == step && host.snapshot().race?.isOpen == false)
    #expect(host.snapshot().sweep?.isOpen == true)
    host.apply(.job(.sweep(.close)))
    host.apply(.job(.race(.open)))
    #expect(host.focus == .training && host.snapshot().race?.step == step)
    #expect(host.snapshot().race?.isOpen == true && host.snapshot().sweep?.isOpen == false)
  }

  @Test("a race that cannot start changes nothing; the screen checks the same rule")
  func cannotStart() throws {
    var host = try Self.host("gaussian-race")
    for kind in try PresetLab.load("gaussian-race").estimators {
      host.apply(.live(.toggleEstimator(kind)))
    }
    host.apply(.job(.race(.open)))
    #expect(host.focus == .live && host.snapshot().race == nil)
    #expect(throws: InvalidScenario.self) {
      try RaceSetup(live: try PresetLab.load("gaussian-race"), enabled: [], seed: 7)
    }
  }

  @Test("a slice's pieces start at one step, so a costly step cannot hold a slice for long")
  func piecesStartAtOneStep() throws {
    var timing = BatchTiming()
    timing.targetSeconds = 0  // every piece overruns: one piece a slice, of one step
    var host = JobHost(scenario: try PresetLab.load("relax-toy-race"), seed: 7, timing: timing)
    host.pacing = RacePacing(seconds: 0)
    host.apply(.job(.race(.open)))
    host.work()
    #expect(host.snapshot().race?.step == 1)
    host.work()
    #expect(host.snapshot().race?.step == 2)
    // However it was sliced, the race ends where the headless race does.
    while host.hasWork { host.work() }
    let race = try #require(host.snapshot().race)
    let scenario = try PresetLab.load("relax-toy-race")
    let headless = TrainingRunner.run(
      try RaceSetup(scenario: scenario, settings: scenario.training!, seed: 7), threads: 1)
    for lane in race.lanes {
      let twin = try #require(headless.lanes.first { $0.kind == lane.kind })
      #expect(lane.loss == twin.final.loss && lane.parameters == twin.final.parameters)
    }
  }

  @Test("pacing: a long race crosses its log axis at a steady speed, a short one linearly")
  func pacing() {
    let pacing = RacePacing(seconds: 20)
    #expect(pacing.step(after: 0, of: 10_000) == 0)
    #expect(pacing.step(after: 10, of: 10_000) == 99)  // sqrt(10001) - 1 = 99.005
    #expect(pacing.step(after: 20, of: 10_000) == 10_000)
    #expect(pacing.step(after: 10, of: 150) == 75)
    #expect(RacePacing(seconds: 0).step(after: 0, of: 500) == 500)
  }
}
