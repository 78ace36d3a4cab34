import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

/// The many-variable presets' lessons, each quoted number checked within a band wider than its
/// rounding, on the preset's seed and, for claims about races, on five seeds. The numbers are
/// the ones over all components at once (`TotalSummary`): SD/|g| and the mean cosine.
@Suite("Preset lessons: many variables")
struct ManyVariablePresetLessonTests {
  /// Each estimator's total error in a run of `samples` at seed `seed`.
  static func totals(_ name: String, samples: Int, seed: UInt64 = PresetLab.seed) throws
    -> [EstimatorKind: (total: TotalSummary, result: EstimatorResult)]
  {
    let scenario = try PresetLab.load(name)
    let run = try HeadlessRunner.run(scenario, samples: samples, seed: seed, threads: 2)
    return Dictionary(uniqueKeysWithValues: run.estimators.map { ($0.kind, ($0.total, $0)) })
  }

  static func noise(
    _ t: [EstimatorKind: (total: TotalSummary, result: EstimatorResult)], _ kind: EstimatorKind
  ) -> Double {
    t[kind]?.total.relativeNoise ?? .nan
  }

  static func cosine(
    _ t: [EstimatorKind: (total: TotalSummary, result: EstimatorResult)], _ kind: EstimatorKind
  ) -> Double {
    t[kind]?.total.meanCosine ?? .nan
  }

  @Test("polynomial-128: each quoted SD/|g| and cosine at ten seeds", arguments: LessonSeeds.all)
  func polynomial128(seed: UInt64) throws {
    let scenario = try PresetLab.load("polynomial-128")
    #expect(scenario.distribution.variables == 128)
    let lesson = try #require(scenario.lesson)
    let bit = try Quote("each bit's gradient is {0.0002}", in: lesson)
    let plain = try Quote(
      "noise is over {600} times the gradient and its cosine is {0.00}", in: lesson)
    let baseline = try Quote(
      "brings the noise down to {12}, RLOO with 4 draws to {6.5} (cosine {0.14})", in: lesson)
    let pair = try Quote("ARM and DisARM with 2 evaluations each to {13} and {11}", in: lesson)
    let rebar = try Quote("barely helps ({278} to {279})", in: lesson)
    let gumbel = try Quote("has the least noise of the rest ({4.8}) but is biased", in: lesson)
    // "Each bit's gradient is 0.0002": 0.25 (0.55^2 - 0.45^2) / 128 = 1.95e-4.
    #expect(bit[0].covers(scenario.problem.exact.gradient[0]))
    // SD/|g| over 128 components is a sum of many variances and settles fast: the rows whose
    // readings hold at 5,000 samples (measured over the ten seeds: 646, 12.9 to 13.3, 11.0 to
    // 11.5, 278.1 to 278.9, 4.77) run there; the running baseline (its start is part of the
    // reading: 14.5 at 5,000, 12.1 at 20,000, 11.6 at 100,000), RLOO (6.44 to 6.55 at 5,000) and
    // Gumbel-softmax's bias verdict at 20,000.
    func totals(_ kinds: [EstimatorKind], _ samples: Int) throws -> [EstimatorKind: EstimatorResult]
    {
      let run = try HeadlessRunner.run(
        try scenario.with(estimators: [.exact] + kinds), samples: samples, seed: seed, threads: 1)
      return Dictionary(uniqueKeysWithValues: run.estimators.map { ($0.kind, $0) })
    }
    let quick = try totals(
      [.scoreFunction, .arm, .disarm, .rebar, .gumbelSoftmax, .straightThrough], 5_000)
    let slow = try totals([.scoreFunctionBaseline, .rloo, .gumbelSoftmax], 20_000)
    func noise(_ t: [EstimatorKind: EstimatorResult], _ kind: EstimatorKind) -> Double {
      t[kind]?.total.relativeNoise ?? .nan
    }
    #expect(noise(quick, .scoreFunction) > plain[0].value)
    #expect(plain[1].covers(quick[.scoreFunction]?.total.meanCosine ?? .nan))
    #expect(
      baseline[0].covers(noise(slow, .scoreFunctionBaseline))
        && baseline[1].covers(noise(slow, .rloo)))
    #expect(baseline[2].covers(slow[.rloo]?.total.meanCosine ?? .nan))
    #expect(pair[0].covers(noise(quick, .arm)) && pair[1].covers(noise(quick, .disarm)))
    #expect(rebar.range.covers(noise(quick, .rebar)))
    #expect(gumbel[0].covers(noise(quick, .gumbelSoftmax)))
    // "the least noise of the rest": below every row but IndeCateR and exact.
    for (t, kind) in [
      (slow, EstimatorKind.scoreFunctionBaseline), (slow, .rloo), (quick, .arm), (quick, .disarm),
      (quick, .straightThrough),
    ] {
      #expect(noise(quick, .gumbelSoftmax) < noise(t, kind), "\(kind)")
    }
    #expect(slow[.gumbelSoftmax]?.summaries.contains { $0.verdict.isBiased } == true)
    // IndeCateR: exact, "1,024 evaluations per estimate" (no seed enters: 100 samples).
    _ = try Quote("(1,024 evaluations per estimate)", in: lesson)
    let exact = try totals([.indecater], 100)
    #expect(exact[.indecater]?.evaluations == 1024)
    #expect(
      noise(exact, .indecater) < 1e-9 && (exact[.indecater]?.total.meanCosine ?? 0) > 0.999_999)
  }

  @Test("polynomial-race: exact and IndeCateR at 177, RLOO at 1,200 to 1,300, the rest stall")
  func polynomialRace() throws {
    let scenario = try PresetLab.load("polynomial-race")
    let settings = try #require(scenario.training)
    #expect(settings.steps == 2000 && settings.learningRate == 0.1)
    let lesson = try #require(scenario.lesson)
    let rloo = try Quote("gets there between steps {1,200} and {1,300}", in: lesson)
    let pair = try Quote(
      "both close {98%} to {99%} of the gap and a running baseline {75%} to {85%}", in: lesson)
    let plain = try Quote("function closes under {20%}", in: lesson)
    let stall = try Quote("stall at {15%} to {24%} and {28%} to {34%} of the gap", in: lesson)
    let p = try Quote("mean p between {0.33} and {0.43} instead of 0", in: lesson)
    func range(_ q: Quote, _ i: Int) -> WrittenRange {
      WrittenRange(q[i].text, q[i + 1].text)
    }
    // Issue 20: at ten seeds. (The text said "by about step 1,250", "about 99% and 97%",
    // "about 80%", "under 10%", "a fifth and a third", "p = 0.4 and 0.35": over seeds 7 to
    // 16 RLOO arrives at 1,205 to 1,274, ARM closes 98.0% to 98.6%, the baseline 75% to 83%,
    // the score function up to 16%, and Gumbel-softmax's bits sit at p = 0.33 to 0.36.)
    for seed in LessonSeeds.all {
      let result = TrainingRunner.run(
        try RaceSetup(scenario: scenario, settings: settings, seed: seed, every: 500), threads: 2)
      func lane(_ kind: EstimatorKind) -> LaneResult { result.lanes.first { $0.kind == kind }! }
      func closed(_ kind: EstimatorKind) -> Double {
        let optimum = result.setup.optimum!
        return (result.setup.startLoss - lane(kind).final.loss) / (result.setup.startLoss - optimum)
      }
      // "the best is every bit at 0 (loss 0.2025)".
      #expect(abs(result.setup.optimum! - 0.2025) < 1e-12)
      #expect(lane(.exact).reachedStep == 177)
      #expect(lane(.indecater).reachedStep == 177, "seed \(seed)")
      let reached = try #require(lane(.rloo).reachedStep, "seed \(seed)")
      #expect(rloo.range.covers(Double(reached)), "seed \(seed): \(reached)")
      #expect(range(pair, 0).covers(closed(.disarm)) && range(pair, 0).covers(closed(.arm)))
      #expect(range(pair, 2).covers(closed(.scoreFunctionBaseline)), "seed \(seed)")
      #expect(closed(.scoreFunction) < plain[0].value, "seed \(seed)")
      #expect(range(stall, 0).covers(closed(.straightThrough)), "seed \(seed)")
      #expect(range(stall, 2).covers(closed(.gumbelSoftmax)), "seed \(seed)")
      func meanP(_ kind: EstimatorKind) -> Double {
        let theta = lane(kind).final.parameters
        return theta.reduce(0) { $0 + LogSpace.sigmoid($1) } / Double(theta.count)
      }
      #expect(p.range.covers(meanP(.straightThrough)) && p.range.covers(meanP(.gumbelSoftmax)))
    }
  }

  @Test("noise-grows-with-dimension: the score function doubles per doubling, ARM like sqrt(D)")
  func noiseGrows() throws {
    let scenario = try PresetLab.load("noise-grows-with-dimension")
    let spec = try #require(scenario.sweep)
    #expect(spec.setting == .dimension)
    let plan = try SweepPlan.standard(for: scenario, spec: spec)
    #expect(
      plan.scenarios.map(\.distribution.variables) == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024])
    // 5,000 samples per point: each relative noise within about 2%.
    let result = SweepRunner.run(plan, samples: 5_000, seed: PresetLab.seed, threads: 2)
    func curve(_ kind: EstimatorKind) -> [Double] {
      let e = plan.estimators.firstIndex(of: kind)!
      return result.points.map { $0.estimators[e].total.relativeNoise ?? .nan }
    }
    let score = curve(.scoreFunction)
    // "from 5 at one bit to over 5,000 at 1,024", doubling at every doubling.
    #expect((4.8...5.3).contains(score[0]))
    #expect(score[10] > 5000)
    for i in 1..<score.count { #expect((1.9...2.1).contains(score[i] / score[i - 1]), "at \(i)") }
    // ARM "from 0.6 to 37": like sqrt(D) once D is large (a factor 1.41 per doubling).
    let arm = curve(.arm)
    #expect((0.55...0.62).contains(arm[0]) && (35...39).contains(arm[10]))
    for kind in [EstimatorKind.arm, .disarm, .rloo] {
      let c = curve(kind)
      for i in 7..<c.count { #expect((1.3...1.52).contains(c[i] / c[i - 1]), "\(kind) at \(i)") }
    }
    #expect(curve(.indecater).allSatisfy { $0 < 1e-9 }, "exact at every size")
    let e = plan.estimators.firstIndex(of: .scoreFunction)!
    #expect(result.points.allSatisfy { abs($0.estimators[e].total.meanCosine ?? 1) < 0.02 })
  }

  @Test("coupled-bits: IndeCateR's noise is the gradient's size; far targets make it exact")
  func coupledBits() throws {
    // The numbers at the preset's target (1.2, 0.6, ten times, 4.5, 3.9) and the sweep's (0.12,
    // 6 to 10) at ten seeds: `LessonClaimsAcrossSeedsTests`, `LessonSweepClaimsAcrossSeedsTests`.
    let scenario = try PresetLab.load("coupled-bits")
    let plan = try SweepPlan.standard(for: scenario, spec: try #require(scenario.sweep))
    let result = SweepRunner.run(plan, samples: 20_000, seed: PresetLab.seed, threads: 2)
    let i = plan.estimators.firstIndex(of: .indecater)!
    let a = plan.estimators.firstIndex(of: .arm)!
    let s = plan.estimators.firstIndex(of: .scoreFunction)!
    for point in result.points where point.value != 0.5 {
      let distance = abs(point.value - 0.5)
      let here = point.estimators[i].total.relativeNoise!
      // "the farther from 0.5, the closer to exact": 0.12 at 0 and 1.
      if distance > 0.45 { #expect((0.11...0.13).contains(here)) }
      #expect((4.4...4.65).contains(point.estimators[a].total.relativeNoise!), "ARM's is constant")
      #expect((5.9...10.2).contains(point.estimators[s].total.relativeNoise!), "6 to 10 times")
    }
    let noise = result.points.filter { $0.value != 0.5 }.map {
      (abs($0.value - 0.5), $0.estimators[i].total.relativeNoise!)
    }.sorted { $0.0 < $1.0 }
    #expect(zip(noise, noise.dropFirst()).allSatisfy { $0.1 >= $1.1 * 0.98 }, "falls with distance")
  }

  @Test("indecater: at equal cost IndeCateR's MSE is ten times lower; near the mean RLOO wins")
  func indecater() throws {
    // MSE 0.019 against 0.18 at ten seeds: `LessonClaimsAcrossSeedsTests`.
    // "the values' mean (1.3)".
    let p = try PresetLab.load("indecater").problem.probabilities
    let mean = (0..<4).reduce(0.0) { $0 + Double($1) * p[$1] }
    #expect(abs(mean - 1.3) < 0.05)
    let scenario = try PresetLab.load("indecater")
    let plan = try SweepPlan.standard(for: scenario, spec: try #require(scenario.sweep))
    let result = SweepRunner.run(plan, samples: 20_000, seed: PresetLab.seed, threads: 2)
    let r = plan.estimators.firstIndex(of: .rloo)!
    let i = plan.estimators.firstIndex(of: .indecater)!
    let indecaterErrors = result.points.map { $0.estimators[i].total.meanSquaredError }
    // "IndeCateR's error does not depend on the target" (within its sampling noise).
    #expect(indecaterErrors.max()! / indecaterErrors.min()! < 1.15)
    for point in result.points {
      let rlooWins =
        point.estimators[r].total.meanSquaredError
        < point.estimators[i].total.meanSquaredError
      #expect(rlooWins == (1.0...1.75).contains(point.value), "target \(point.value)")
    }
  }
}
