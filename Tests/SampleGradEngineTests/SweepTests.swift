import Foundation
import SampleGradCore
import Testing

@testable import SampleGradEngine

/// A sweep's numbers: each point is `samplegrad run` at that setting (same seed, same numbers,
/// bit for bit), whatever the thread count and however the live view slices the work, and
/// the common random numbers make the curves smooth.
@Suite("Sweeps")
struct SweepTests {
  static let categorical = EngineStateTests.scenario
  static let gaussian = try! Scenario(
    name: "g", estimators: [.exact, .scoreFunction, .reparameterization, .measureValued],
    distribution: .gaussian(mean: 1, std: 1), objective: .quadratic(target: [0]))

  /// The moments `samplegrad run` reports for `kind` on `scenario` (its `estimate`).
  static func run(_ kind: EstimatorKind, _ scenario: Scenario, samples: Int, seed: UInt64 = 7)
    throws -> (moments: RunningMoments, diagnostics: [DiagnosticReading])
  {
    try HeadlessRunner.estimate(
      kind, problem: scenario.problem, plan: ChunkPlan(samples: samples), seed: seed, threads: 1)
  }

  @Test(
    "each point equals run at that setting, bit for bit",
    arguments: [
      (ScenarioSetting.temperature, [EstimatorKind.gumbelSoftmax, .rebar, .rebarAuto]),
      (.option("eta"), [.rebar, .scoreFunctionBaseline]),
      (.parameter(2), [.straightThrough, .gumbelRao, .scoreFunction]),
    ])
  func pointsEqualRun(setting: ScenarioSetting, kinds: [EstimatorKind]) throws {
    // 70,000 samples: two chunks, the second partial, as in run.
    let plan = try SweepPlan.standard(
      for: Self.categorical, spec: SweepSpec(setting: setting, points: 4), estimators: kinds)
    let result = SweepRunner.run(plan, samples: 70_000, seed: 7, threads: 2)
    #expect(result.points.count == 4)
    for (p, point) in result.points.enumerated() {
      let scenario = plan.scenarios[p]
      #expect(setting.value(in: scenario) == point.value)
      #expect(point.exact == scenario.problem.exact)
      for estimator in point.estimators {
        let reference = try Self.run(estimator.kind, scenario, samples: 70_000)
        #expect(estimator.moments == reference.moments, "\(estimator.kind) at \(point.value)")
        #expect(estimator.diagnostics == reference.diagnostics)
      }
    }
  }

  @Test("gaussian target, std, frequency and threshold sweeps equal run too")
  func gaussianPointsEqualRun() throws {
    let cosine = try Self.gaussian.with(objective: .cosine(frequency: 2))
    let step = try Self.gaussian.with(objective: .step(threshold: 0.5))
      .with(estimators: [.scoreFunction, .reparameterization, .measureValued])
    let cases: [(Scenario, ScenarioSetting)] = [
      (Self.gaussian, .target), (Self.gaussian, .parameter(1)), (cosine, .frequency),
      (step, .threshold),
    ]
    for (scenario, setting) in cases {
      let plan = try SweepPlan.standard(
        for: scenario, spec: SweepSpec(setting: setting, points: 3))
      let result = SweepRunner.run(plan, samples: 5_000, seed: 11, threads: 2)
      for (p, point) in result.points.enumerated() {
        for estimator in point.estimators {
          let reference = try Self.run(estimator.kind, plan.scenarios[p], samples: 5_000, seed: 11)
          #expect(estimator.moments == reference.moments)
        }
      }
    }
  }

  @Test("deterministic for a seed whatever the thread count")
  func threadsDoNotMatter() throws {
    let plan = try SweepPlan.standard(
      for: Self.categorical, spec: SweepSpec(setting: .temperature, points: 5))
    let one = SweepRunner.run(plan, samples: 70_000, seed: 3, threads: 1)
    let three = SweepRunner.run(plan, samples: 70_000, seed: 3, threads: 3)
    #expect(SweepReport.json(one) == SweepReport.json(three))
  }

  @Test("the live sweep's rounds equal the headless sweep at each round's sample count")
  func liveRoundsEqualHeadless() throws {
    // Chunks of 8,192 so a few rounds cross chunk boundaries cheaply; rebar-auto carries
    // running state within a chunk, the baseline too.
    let plan = try SweepPlan.standard(
      for: Self.categorical, spec: SweepSpec(setting: .temperature, points: 3),
      estimators: [.scoreFunctionBaseline, .rebarAuto])
    var job = SweepJob(
      plan: plan, seed: 5, firstRound: 1_024, maximumSamples: 24_000, chunkSize: 8_192)
    for round in [1_024, 2_048, 4_096, 8_192, 16_384] {
      job.refine(throughRound: round)
      let live = try #require(job.publish().result)
      #expect(live.samples == round)
      for (p, point) in live.points.enumerated() {
        for estimator in point.estimators {
          let reference = try HeadlessRunner.estimate(
            estimator.kind, problem: plan.scenarios[p].problem,
            plan: ChunkPlan(samples: round, chunkSize: 8_192), seed: 5, threads: 1)
          #expect(estimator.moments == reference.moments, "\(estimator.kind), round \(round)")
          #expect(estimator.diagnostics == reference.diagnostics)
        }
      }
    }
    // The last round stops at the maximum (rounded up to whole blocks of 64), then idles.
    job.refine(throughRound: 1 << 20)
    #expect(job.isFinished && !job.hasWork)
    #expect(job.publish().result?.samples == 24_000)
    #expect(job.publish().progress == 1)
  }

  @Test("slicing never changes a number: many small slices equal one big one")
  func slicesDoNotMatter() throws {
    let plan = try SweepPlan.standard(
      for: Self.categorical, spec: SweepSpec(setting: .temperature, points: 4))
    var small = SweepJob(plan: plan, seed: 7)
    while small.publish().result == nil { small.refine(budget: 700) }
    var big = SweepJob(plan: plan, seed: 7)
    big.refine(throughRound: SweepJob.firstRound)
    let a = try #require(small.publish().result)
    let b = try #require(big.publish().result)
    #expect(SweepReport.json(a) == SweepReport.json(b))
  }

  @Test(
    "a slice counts what it drew: every unfinished cell grows by 64 or more, whatever the budget")
  func drawnCount() throws {
    let plan = try SweepPlan.standard(
      for: Self.categorical, spec: SweepSpec(setting: .temperature, points: 4))
    var job = SweepJob(plan: plan, seed: 7)
    let cells = plan.scenarios.count * plan.estimators.count
    #expect(cells > 1)
    #expect(job.refine(budget: 64) == 64 * cells)
    #expect(job.refine(budget: 128 * cells) == 128 * cells)
  }

  @Test("pausing stops the work; the snapshot says how far the round is")
  func pauseAndProgress() throws {
    let plan = try SweepPlan.standard(
      for: Self.categorical, spec: SweepSpec(setting: .temperature, points: 3))
    var job = SweepJob(plan: plan, seed: 7)
    #expect(job.hasWork)
    #expect(job.publish().progress == 0 && job.publish().result == nil)
    job.refine(budget: 64 * 9)
    let part = job.publish()
    #expect(part.progress > 0 && part.progress < 1)
    job.apply(.togglePause)
    #expect(!job.hasWork && job.publish().isPaused)
    job.apply(.togglePause)
    #expect(job.hasWork)
  }

  @Test("common random numbers make the curve smooth: far rougher with a seed per point")
  func commonRandomNumbersAreSmooth() throws {
    // Gumbel-softmax's mean on logit 1 over 25 temperatures from 0.1 to 1: the exact curve is
    // smooth, so the roughness (sum of squared second differences) is noise. With the same
    // noise at every point, neighbours share it and it cancels in the differences.
    let plan = try SweepPlan(
      scenario: Self.categorical, setting: .temperature,
      grid: try SweepGrid(from: 0.1, to: 1, points: 25, scale: .log),
      estimators: [.gumbelSoftmax])
    let samples = 20_000
    let common = SweepRunner.run(plan, samples: samples, seed: 7, threads: 2).points.map {
      $0.estimators[0].mean[0]
    }
    let independent = try plan.scenarios.enumerated().map { p, scenario in
      try Self.run(.gumbelSoftmax, scenario, samples: samples, seed: 100 + UInt64(p)).moments
        .mean[0]
    }
    func roughness(_ curve: [Double]) -> Double {
      (1..<(curve.count - 1)).reduce(0) { sum, i in
        let second = curve[i + 1] - 2 * curve[i] + curve[i - 1]
        return sum + second * second
      }
    }
    // Measured at seed 7: 300 times smoother; 10 leaves room for any seed.
    #expect(roughness(common) * 10 < roughness(independent))
  }
}
