import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

/// Issue 20: what the sweep lessons say about curves, at each of the ten `LessonSeeds`, read
/// from the lesson (`Quote`). Each sweep runs only the rows a claim reads, at the smallest
/// sample count per point at which the claim held at all ten seeds (noted beside it); every
/// point of a sweep sees the same random numbers, as in the view.
@Suite("Sweep lesson claims across ten seeds")
struct LessonSweepClaimsAcrossSeedsTests {
  static func sweep(
    _ name: String, _ kinds: [EstimatorKind], samples: Int, seed: UInt64
  ) throws -> (SweepResult, [Double]) {
    let scenario = try PresetLab.load(name)
    let plan = try SweepPlan.standard(
      for: try scenario.with(estimators: kinds), spec: try #require(scenario.sweep))
    let result = SweepRunner.run(plan, samples: samples, seed: seed, threads: 1)
    return (result, result.points.map(\.value))
  }

  /// One row's results at every point.
  static func row(_ result: SweepResult, _ kind: EstimatorKind) -> [EstimatorResult] {
    let e = result.plan.estimators.firstIndex(of: kind)!
    return result.points.map { $0.estimators[e] }
  }

  static func argmin(_ values: [Double]) -> Int { values.indices.min { values[$0] < values[$1] }! }

  @Test(
    "temperature-sweep: lowest near 3, half the gradient, 1,900- to 2,600-fold; REBAR near 0.7; Gumbel-Rao 3 to 4 times",
    arguments: LessonSeeds.all)
  func temperatureSweep(seed: UInt64) throws {
    let text = try #require(try PresetLab.load("temperature-sweep").lesson)
    let lowest = try Quote("MSE is lowest near {3}, where its bias is half the gradient", in: text)
    let fold = try Quote("grows {1,900}- to {2,600}-fold by 0.01", in: text)
    let rebar = try Quote("its variance is lowest near {0.7}", in: text)
    let rao = try Quote("{3} to {4} times less at 0.01 and the same above 3", in: text)
    // 20,000 samples a point: the MSE at 0.01 is heavy-tailed (1,961 to 2,346 times the lowest
    // at the preset's 100,000, 1,929 to 2,596 at 20,000).
    let (gumbel, ts) = try Self.sweep(
      "temperature-sweep", [.exact, .gumbelSoftmax], samples: 20_000, seed: seed)
    let mse = Self.row(gumbel, .gumbelSoftmax).map { $0.meanSquaredError[0] }
    let best = Self.argmin(mse)
    #expect(lowest[0].covers(ts[best]), "\(ts[best])")
    let exact = gumbel.points[best].exact.gradient[0]
    #expect(WrittenNumber("-0.5").covers(Self.row(gumbel, .gumbelSoftmax)[best].bias[0] / exact))
    #expect(fold.range.covers(mse[0] / mse[best]), "\(mse[0] / mse[best])")
    let (control, _) = try Self.sweep(
      "temperature-sweep", [.exact, .rebar], samples: 20_000, seed: seed)
    let rows = Self.row(control, .rebar)
    #expect(rows.allSatisfy { $0.largestBiasZ < 5 }, "on its noise floor at every temperature")
    #expect(rebar[0].covers(ts[Self.argmin(rows.map { $0.variance[0] })]))
    // Gumbel-Rao against straight-through at 0.01 and at both ends above 3 (3.16 and 100).
    let scenario = try PresetLab.load("temperature-sweep").only(
      .exact, .straightThrough, .gumbelRao)
    for t in [0.01, 3.1622776601683795, 100] {
      let run = try PresetLab.run(scenario.at(temperature: t), samples: 20_000, seed: seed)
      let ratio = run[.straightThrough].variance[0] / run[.gumbelRao].variance[0]
      if t < 1 {
        #expect(rao.range.covers(ratio), "\(ratio)")
      } else {
        #expect(abs(ratio - 1) < 0.05, "the same at \(t): \(ratio)")
      }
    }
  }

  @Test(
    "mohamed-quadratic: a running baseline divides by 1.4 to 3.8; measure-valued wins on the std",
    arguments: LessonSeeds.all)
  func mohamedQuadratic(seed: UInt64) throws {
    let text = try #require(try PresetLab.load("mohamed-quadratic").lesson)
    let gains = try Quote("a running baseline divides it by {1.4} to {3.8}", in: text)
    _ = try Quote("there measure-valued wins at every k", in: text)
    // The gains at the preset's 100,000 samples (at 20,000 the largest reads up to 3.97);
    // the winner on the std at 5,000 (the margins are wide).
    let (plain, _) = try Self.sweep(
      "mohamed-quadratic", [.exact, .scoreFunction, .scoreFunctionBaseline], samples: 100_000,
      seed: seed)
    let ratios = zip(Self.row(plain, .scoreFunction), Self.row(plain, .scoreFunctionBaseline)).map {
      $0.variance[0] / $1.variance[0]
    }
    #expect(gains.range.coversAll(ratios), "\(ratios)")
    let kinds: [EstimatorKind] = [
      .exact, .scoreFunction, .scoreFunctionBaseline, .reparameterization, .measureValued,
    ]
    let (all, ks) = try Self.sweep("mohamed-quadratic", kinds, samples: 5_000, seed: seed)
    for p in ks.indices {
      let std = kinds.dropFirst().map { Self.row(all, $0)[p].variance[1] }
      #expect(Self.argmin(std) == 3, "k = \(ks[p])")
    }
  }

  @Test(
    "mohamed-cosine: measure-valued lowest on the mean at every k, on the std below the crossing, then a tie near 1",
    arguments: LessonSeeds.all)
  func mohamedCosine(seed: UInt64) throws {
    let text = try #require(try PresetLab.load("mohamed-cosine").lesson)
    _ = try Quote("has the lowest variance on the mean at every k", in: text)
    let tie = try Quote("then all but the pathwise one tie near {1}", in: text)
    let kinds: [EstimatorKind] = [
      .exact, .scoreFunction, .scoreFunctionBaseline, .reparameterization, .measureValued,
    ]
    // 10,000 samples a point. The crossing on the std (2.4 to 2.5) is checked at a million in
    // `mohamedCosineCrossingAtEverySeed`; here the grid below 2.2, where the lead is clear.
    let (all, ks) = try Self.sweep("mohamed-cosine", kinds, samples: 10_000, seed: seed)
    for p in ks.indices {
      let mean = kinds.dropFirst().map { Self.row(all, $0)[p].variance[0] }
      let std = kinds.dropFirst().map { Self.row(all, $0)[p].variance[1] }
      #expect(Self.argmin(mean) == 3, "k = \(ks[p])")
      if ks[p] < 2.2 { #expect(Self.argmin(std) == 3, "k = \(ks[p])") }
      if ks[p] > 2.55 {
        for i in [0, 1, 3] { #expect(tie[0].covers(std[i]), "k = \(ks[p]): \(std)") }
        #expect(std[2] > 3)
      }
    }
  }

  @Test(
    "coupled-bits: the score function 6 to 10 times, IndeCateR 0.12 at targets 0 and 1",
    arguments: LessonSeeds.all)
  func coupledBits(seed: UInt64) throws {
    let text = try #require(try PresetLab.load("coupled-bits").lesson)
    let far = try Quote("closer IndeCateR is to exact ({0.12} at targets 0 and 1)", in: text)
    let plain = try Quote("the plain score function's is {6} to {10} times the gradient", in: text)
    // 5,000 samples a point: the score function's SD/|g| reads 5.97 to 9.47 over the seeds
    // and targets, IndeCateR's 0.119 to 0.123. (ARM and DisARM: their estimates scale with
    // the target like the gradient, so their SD/|g| is the one at 0.45, checked in
    // `LessonClaimsAcrossSeedsTests`.)
    let (result, targets) = try Self.sweep(
      "coupled-bits", [.exact, .scoreFunction, .indecater], samples: 5_000, seed: seed)
    for (target, r) in zip(targets, Self.row(result, .scoreFunction)) where target != 0.5 {
      #expect(plain.range.covers(r.total.relativeNoise ?? .nan), "target \(target)")
    }
    let indecater = Self.row(result, .indecater)
    for p in [0, targets.count - 1] {
      #expect(far[0].covers(indecater[p].total.relativeNoise ?? .nan), "target \(targets[p])")
    }
  }

  @Test(
    "indecater: RLOO wins for targets 1 to 1.75, IndeCateR just outside", arguments: LessonSeeds.all
  )
  func indecaterSweep(seed: UInt64) throws {
    let text = try #require(try PresetLab.load("indecater").lesson)
    let near = try Quote(
      "for targets near the mean ({1} to {1.75}) RLOO's 64 independent draws win", in: text)
    // The four targets around the two crossings (0.75, 1, 1.75, 2), 5,000 samples each; the
    // whole curve at seed 7 is in `ManyVariablePresetLessonTests`.
    let scenario = try PresetLab.load("indecater").only(.exact, .rloo, .indecater)
    for target in [0.75, near[0].value, near[1].value, 2] {
      let run = try HeadlessRunner.run(
        try scenario.with(objective: .squaredMean(target: target, values: nil)), samples: 5_000,
        seed: seed, threads: 1)
      let mse = run.estimators.map(\.total.meanSquaredError)
      let rloo = mse[run.estimators.firstIndex { $0.kind == .rloo }!]
      let indecater = mse[run.estimators.firstIndex { $0.kind == .indecater }!]
      #expect((rloo < indecater) == (1...1.75).contains(target), "target \(target)")
    }
  }

  @Test(
    "noise-grows-with-dimension: doubling from 5 to over 5,000; ARM from 0.6 to over 35",
    arguments: LessonSeeds.all)
  func noiseGrows(seed: UInt64) throws {
    let text = try #require(try PresetLab.load("noise-grows-with-dimension").lesson)
    let score = try Quote("from {5} at one bit to over {5,000} at 1,024", in: text)
    let arm = try Quote("from {0.6} to over {35} over a thousandfold D", in: text)
    // 2,000 samples a point (SD/|g| to about 2%).
    let kinds: [EstimatorKind] = [.scoreFunction, .rloo, .arm, .disarm]
    let (result, _) = try Self.sweep(
      "noise-grows-with-dimension", kinds, samples: 2_000, seed: seed)
    let noise = { (kind: EstimatorKind) in
      Self.row(result, kind).map { $0.total.relativeNoise ?? .nan }
    }
    let plain = noise(.scoreFunction)
    #expect(score[0].covers(plain[0]) && plain.last! > score[1].value)
    for i in 1..<plain.count {
      #expect(WrittenNumber("2").covers(plain[i] / plain[i - 1]), "doubles")
    }
    let a = noise(.arm)
    #expect(arm[0].covers(a[0]) && a.last! > arm[1].value, "\(a)")
    // "like the square root of D": 1.41 per doubling from 128 bits on (1.37 to 1.51 measured).
    for kind in [EstimatorKind.rloo, .arm, .disarm] {
      let c = noise(kind)
      for i in 7..<c.count { #expect((1.3...1.55).contains(c[i] / c[i - 1]), "\(kind) at \(i)") }
    }
    // "point nowhere": the mean cosine's noise at 2,000 draws is about 0.02.
    #expect(Self.row(result, .scoreFunction).allSatisfy { abs($0.total.meanCosine ?? 1) < 0.06 })
  }
}
