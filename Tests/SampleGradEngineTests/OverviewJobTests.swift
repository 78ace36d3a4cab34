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
    // No settling past the last round here: the rounds are the headless runs unsettled.
    var job = OverviewJob(
      measuring: scenario, seed: 11, firstRound: 1_280, maximumSamples: 5_120,
      settlingSamples: 5_120, chunkSize: Self.chunkSize)
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
        chunkSize: Self.chunkSize, settling: false)
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

/// Issue 20: the overview's "unbiased" answers are decisive. Straight-through and Gumbel-Rao
/// are about 14% low on the RELAX toy (closed form: 0.0215 against 0.025), which 100,000
/// samples often cannot tell from 0; the overview samples such a row further.
@Suite("Overview: decisive answers")
struct OverviewDecisionTests {
  @Test("headless: straight-through and Gumbel-Rao read 'no' on relax-toy at six seeds")
  func headlessSettles() throws {
    let scenario = try PresetLab.load("relax-toy").only(.exact, .straightThrough, .gumbelRao)
    for seed: UInt64 in 1...6 {
      let first = try HeadlessRunner.run(scenario, samples: 100_000, seed: seed, threads: 2)
      let settled = OverviewRunner.settled(first, threads: 2)
      for result in settled.estimators where result.kind != .exact {
        let summary = result.summaries[0]
        #expect(summary.verdict.isBiased, "\(result.kind) at seed \(seed): \(summary.verdict)")
        #expect(OverviewDecision.isDecisive(result))
        #expect(result.moments.count <= OverviewDecision.maximumSamples)
      }
    }
  }

  @Test("a 'no bias seen' is decisive only once 5 standard errors are under 10% of the gradient")
  func decisiveRule() {
    func summary(_ mean: Double, se: Double) -> EstimateSummary {
      EstimateSummary(
        mean: mean, exact: 1, variance: se * se * 1e4, standardError: se, samples: 10_000)
    }
    #expect(!OverviewDecision.isDecisive(summary(1.01, se: 0.03)), "could hide a 15% bias")
    #expect(OverviewDecision.isDecisive(summary(1.01, se: 0.019)), "rules out 10%")
    #expect(OverviewDecision.isDecisive(summary(1.5, se: 0.05)), "biased: 10 SE")
  }

  @Test("live: after the last round an undecided row goes on until it is decided")
  func liveSettles() throws {
    let scenario = try PresetLab.load("relax-toy")
    // Seed 2: straight-through reads "no bias seen" at 4,096 samples.
    var job = OverviewJob(
      measuring: scenario, seed: 2, firstRound: 4_096, maximumSamples: 4_096,
      settlingSamples: 1 << 20)
    while !job.isFinished { job.refine(budget: 1 << 17) }
    let table = try #require(job.publish().overviews.first)
    for kind in [EstimatorKind.straightThrough, .gumbelRao] {
      let row = try #require(table.rows.first { $0.kind == kind })
      #expect(row.cells[.unbiased]?.answer == "no", "\(kind): \(row.cells[.unbiased]?.text ?? "")")
      #expect((row.samples ?? 0) > 4_096)
    }
    #expect(job.publish().progress == 1)
  }
}
