import SampleGradCore
import Testing

@testable import SampleGradEngine

/// The overview measured live: each finished round is `samplegrad overview --samples N`,
/// number for number, however the work was sliced; the host puts it on screen and back.
@Suite("Overview job")
struct OverviewJobTests {
  /// Small chunks, so a round crosses several chunk boundaries.
  static let chunkSize = 1_024

  @Test(
    "a finished round equals the headless overview at that count, for every family",
    arguments: ["bias-and-variance", "antithetic-bernoulli", "measure-valued"])
  func equalsHeadless(preset: String) throws {
    let scenario = try PresetLab.load(preset)
    var job = OverviewJob(
      measuring: scenario, seed: 11, firstRound: 1_280, maximumSamples: 5_120,
      chunkSize: Self.chunkSize)
    #expect(job.publish().overviews.isEmpty, "no table before the first round")
    // Uneven slices: the numbers must not depend on them.
    while job.publish().samples < 1_280 { job.refine(budget: 700) }
    for round in [1_280, 2_560, 5_120] {
      job.refine(throughRound: round)
      let part = job.publish()
      #expect(part.samples == round)
      let component = scenario.distribution.parameterCount - 1
      let headless = OverviewRunner.measure(
        scenario, samples: round, seed: 11, threads: 2, component: component,
        chunkSize: Self.chunkSize)
      #expect(part.overview(component: component) == headless, "\(preset) at \(round)")
    }
    #expect(job.isFinished && !job.hasWork)
    #expect(job.publish().progress == 1)
  }

  @Test("the host opens it over the live view, keeps the live numbers, and reopens it as it was")
  func hostLifecycle() throws {
    var host = JobHost(scenario: try PresetLab.load("bias-and-variance"), seed: 7)
    host.work()
    let live = host.snapshot().samples
    host.apply(.job(.overview(.open)))
    #expect(host.focus == .overview && host.hasWork)
    while host.snapshot().overview?.overviews.isEmpty != false { host.work() }
    let part = try #require(host.snapshot().overview)
    #expect(part.isOpen && part.samples == OverviewJob.firstRound)
    #expect(part.overviews.count == 4, "one table per logit")
    #expect(part.overview(component: 1)?.componentName == "logit 2")
    #expect(host.snapshot().samples == live, "the live statistics wait")

    host.apply(.job(.overview(.togglePause)))
    #expect(!host.hasWork && host.snapshot().overview?.isPaused == true)
    host.apply(.job(.overview(.close)))
    #expect(host.focus == .live && host.snapshot().overview?.isOpen == false)
    host.work()
    #expect(host.snapshot().samples > live)

    // The same scenario: the same overview, kept. Another one: a new measurement.
    host.apply(.job(.overview(.open)))
    #expect(host.snapshot().overview?.samples == OverviewJob.firstRound)
    host.apply(.job(.overview(.close)))
    host.apply(.live(.nudgeParameter(index: 0, delta: 0.5)))
    host.apply(.job(.overview(.open)))
    #expect(host.snapshot().overview?.overviews.isEmpty == true)
  }
}
