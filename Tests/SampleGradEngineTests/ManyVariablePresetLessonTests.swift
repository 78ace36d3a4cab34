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

  @Test("polynomial-128: the score function's noise is 650 times the gradient, cosine 0.00")
  func polynomial128() throws {
    let scenario = try PresetLab.load("polynomial-128")
    #expect(scenario.distribution.variables == 128)
    // "Each bit's gradient is 0.0002": 0.25 (0.55^2 - 0.45^2) / 128 = 1.95e-4.
    #expect(abs(scenario.problem.exact.gradient[0] - 0.025 / 128) < 1e-15)
    // Relative noise from 20,000 estimates is within about 1% of its value (its SE is about
    // sqrt(kurtosis / n) relative); the bands below are wider than that and the rounding.
    for seed: UInt64 in [7, 8, 9] {
      let t = try Self.totals("polynomial-128", samples: 20_000, seed: seed)
      #expect((620...680).contains(Self.noise(t, .scoreFunction)), "seed \(seed)")
      #expect(abs(Self.cosine(t, .scoreFunction)) < 0.005, "the cosine reads 0.00")
      #expect((11.2...12.4).contains(Self.noise(t, .scoreFunctionBaseline)))
      #expect((6.3...6.7).contains(Self.noise(t, .rloo)))
      #expect((0.135...0.145).contains(Self.cosine(t, .rloo)))
      #expect((12.6...13.4).contains(Self.noise(t, .arm)))
      #expect((10.8...11.6).contains(Self.noise(t, .disarm)))
      #expect(Self.noise(t, .indecater) < 1e-9 && Self.cosine(t, .indecater) > 0.999_999)
      #expect((265...290).contains(Self.noise(t, .rebar)))
      #expect((4.6...5.0).contains(Self.noise(t, .gumbelSoftmax)))
      // "the least noise of the rest": below every row but IndeCateR and exact.
      for kind in [EstimatorKind.scoreFunctionBaseline, .rloo, .arm, .disarm, .straightThrough] {
        #expect(Self.noise(t, .gumbelSoftmax) < Self.noise(t, kind))
      }
    }
    // "256 evaluations per draw, 1,024 in all".
    let t = try Self.totals("polynomial-128", samples: 100)
    #expect(t[.indecater]?.result.evaluations == 1024)
    // "biased": Gumbel-softmax's bias shows on the seed's run at the preset's sample count.
    let full = try Self.totals("polynomial-128", samples: 100_000)
    let gumbel = try #require(full[.gumbelSoftmax]?.result)
    #expect(gumbel.summaries.contains { $0.verdict.isBiased })
  }

  @Test("polynomial-race: exact and IndeCateR at 177, RLOO by about 1,250, the rest stall")
  func polynomialRace() throws {
    let scenario = try PresetLab.load("polynomial-race")
    let settings = try #require(scenario.training)
    #expect(settings.steps == 2000 && settings.learningRate == 0.1)
    for seed: UInt64 in [1, 2, 3, 4, 5] {
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
      let rloo = try #require(lane(.rloo).reachedStep, "seed \(seed)")
      #expect((1150...1350).contains(rloo), "about step 1,250: \(rloo)")
      #expect((0.985...0.995).contains(closed(.disarm)), "about 99%: seed \(seed)")
      #expect((0.96...0.99).contains(closed(.arm)), "about 97%: seed \(seed)")
      #expect(closed(.scoreFunction) < 0.10, "under 10%: seed \(seed)")
      #expect((0.70...0.90).contains(closed(.scoreFunctionBaseline)), "about 80%")
      #expect((0.12...0.30).contains(closed(.straightThrough)), "a fifth: seed \(seed)")
      #expect((0.25...0.40).contains(closed(.gumbelSoftmax)), "a third: seed \(seed)")
      func meanP(_ kind: EstimatorKind) -> Double {
        let theta = lane(kind).final.parameters
        return theta.reduce(0) { $0 + LogSpace.sigmoid($1) } / Double(theta.count)
      }
      #expect((0.37...0.43).contains(meanP(.straightThrough)), "near p = 0.4")
      #expect((0.32...0.38).contains(meanP(.gumbelSoftmax)), "near p = 0.35")
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
    let t = try Self.totals("coupled-bits", samples: 100_000)
    #expect((1.15...1.27).contains(Self.noise(t, .indecater)))
    #expect((0.55...0.61).contains(Self.cosine(t, .indecater)))
    let mse = { (kind: EstimatorKind) in t[kind]!.total.meanSquaredError }
    // "still ten times below DisARM's MSE" (and the lowest of the unbiased rows).
    #expect(mse(.disarm) / mse(.indecater) > 8)
    for kind in [EstimatorKind.scoreFunction, .rloo, .arm, .disarm] {
      #expect(mse(.indecater) < mse(kind))
    }
    #expect(
      (4.3...4.7).contains(Self.noise(t, .arm)) && (3.7...4.0).contains(Self.noise(t, .disarm)))
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
    let t = try Self.totals("indecater", samples: 100_000)
    #expect(t[.indecater]?.result.evaluations == 64 && t[.rloo]?.result.evaluations == 64)
    let mse = { (kind: EstimatorKind) in t[kind]!.total.meanSquaredError }
    #expect((0.017...0.021).contains(mse(.indecater)))
    #expect((0.16...0.20).contains(mse(.rloo)))
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
