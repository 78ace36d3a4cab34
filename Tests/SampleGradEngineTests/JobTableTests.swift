import SampleGradCore
import Testing

@testable import SampleGradEngine

/// The host's open job table: a job joins by conforming to `ViewJob`, its part reaches the
/// snapshot under its own type, and the redraw key is made of every part's own key.
@Suite("Job table")
struct JobTableTests {
  /// A job the host has never heard of: it counts its slices.
  struct CountingJob: ViewJob {
    enum Command: Sendable, Equatable { case open, close, reset }

    struct Part: JobPart {
      var slices: Int
      var isOpen = false
      var redrawKey: RedrawKey { RedrawKey(slices, isOpen) }
    }

    var slices = 0

    static func route(_ command: Command) -> JobRoute {
      switch command {
      case .open: .open
      case .close: .close
      case .reset: .own
      }
    }

    static func opening(_ command: Command, from start: JobStart, running: CountingJob?)
      -> CountingJob?
    {
      running ?? CountingJob()
    }

    mutating func apply(_ command: Command) {
      if command == .reset { slices = 0 }
    }
    var hasWork: Bool { true }
    mutating func work(timing: BatchTiming) { slices += 1 }
    mutating func rest() {}
    func publish() -> Part { Part(slices: slices) }
  }

  static func host() -> JobHost { JobHost(scenario: EngineStateTests.scenario, seed: 7) }

  @Test("a new job joins by conforming: opened, it samples, publishes its part and keeps it")
  func newJobJoins() throws {
    var host = Self.host()
    #expect(host.snapshot().parts[CountingJob.Part.self] == nil)
    host.apply(.job(JobCommand(CountingJob.self, .open)))
    #expect(host.focus == JobKey(CountingJob.self))
    host.work()
    host.work()
    let part = try #require(host.snapshot().parts[CountingJob.Part.self])
    #expect(part.slices == 2 && part.isOpen)
    host.apply(.job(JobCommand(CountingJob.self, .close)))
    #expect(host.focus == .live)
    host.work()
    #expect(host.snapshot().parts[CountingJob.Part.self]?.slices == 2)
    #expect(host.snapshot().parts[CountingJob.Part.self]?.isOpen == false)
    host.apply(.job(JobCommand(CountingJob.self, .reset)))
    #expect(host.snapshot().parts[CountingJob.Part.self]?.slices == 0)
  }

  @Test("commands are equal when they address the same job with equal commands")
  func commandEquality() {
    #expect(JobCommand.sweep(.close) == JobCommand.sweep(.close))
    #expect(JobCommand.sweep(.close) != JobCommand.overview(.close))
    #expect(JobCommand.sweep(.open(.temperature)) != JobCommand.sweep(.open(.option("eta"))))
    #expect(JobCommand(CountingJob.self, .close) != JobCommand.race(.close))
  }

  @Test("the redraw key moves with any part's own key, and only then")
  func redrawKey() {
    var host = Self.host()
    host.apply(.live(.pause))
    let still = host.snapshot().redrawKey
    #expect(host.snapshot().redrawKey == still)
    host.apply(.job(JobCommand(CountingJob.self, .open)))
    let opened = host.snapshot().redrawKey
    #expect(opened != still)
    host.work()
    #expect(host.snapshot().redrawKey != opened)
    host.apply(.job(.sweep(.open(.temperature))))
    let sweep = host.snapshot().redrawKey
    host.sweepThroughFirstRound()
    #expect(host.snapshot().redrawKey != sweep)
  }

  @Test("a race's part reports, once finished, what samplegrad train prints for its settings")
  func raceResultIsTrainOutput() throws {
    var host = try TrainingJobTests.host("gaussian-race")
    host.apply(.job(.race(.open)))
    while host.hasWork { host.work() }
    let result = try #require(host.snapshot().raceResult)
    let scenario = try PresetLab.load("gaussian-race")
    // `samplegrad train --preset gaussian-race --seed 7`, as TrainCommand builds it.
    let setup = try TrainingOverrides().race(for: scenario, seed: 7, every: nil)
    #expect(
      TrainingReport.json(result).render()
        == TrainingReport.json(TrainingRunner.run(setup, threads: 2)).render())
  }
}
