import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

/// Issue 20: every sampled number a scenario lesson states, at each of the ten `LessonSeeds`
/// (one test case per seed, run in parallel), at the precision it is written with, read from
/// the lesson itself (`Quote`). Each check runs at the smallest sample count at which the
/// claim held at all ten seeds when measured against `samplegrad run --preset NAME --seed S`
/// at the preset's own count; the count is noted beside it. Closed forms are in
/// `LessonClosedFormTests`.
@Suite("Lesson claims across ten seeds")
struct LessonClaimsAcrossSeedsTests {
  static func lesson(_ name: String) throws -> String {
    try #require(try PresetLab.load(name).lesson)
  }

  static func summed(_ r: EstimatorResult) -> Double { r.variance.reduce(0, +) }

  static func draws(_ n: Int, _ scenario: Scenario) -> Scenario {
    try! scenario.with(options: scenario.options.setting("draws", to: Double(n)))
  }

  @Test("antithetic-bernoulli: at log-odds -2 and at draws=4", arguments: LessonSeeds.all)
  func antithetic(seed: UInt64) throws {
    let text = try Self.lesson("antithetic-bernoulli")
    let pair = try Quote("ARM and DisARM now agree at {3.5e-4} to {3.6e-4}", in: text)
    let rloo = try Quote("RLOO reads {4.1e-4} to {4.2e-4}", in: text)
    let four = try Quote("ARMS now has {1.5e-5} against RLOO's {1.0e-4}", in: text)
    let scenario = try PresetLab.load("antithetic-bernoulli")
    // 100,000 samples: each variance to about 0.5%.
    let low = try PresetLab.run(
      scenario.setting(parameter: 0, to: -2).only(.exact, .rloo, .arm, .disarm),
      samples: 100_000, seed: seed)
    #expect(pair.range.covers(low[.arm].variance[0]), "\(low[.arm].variance[0])")
    #expect(pair.range.covers(low[.disarm].variance[0]), "\(low[.disarm].variance[0])")
    #expect(rloo.range.covers(low[.rloo].variance[0]), "\(low[.rloo].variance[0])")
    let wide = try PresetLab.run(
      Self.draws(4, scenario).only(.exact, .rloo, .arms), samples: 100_000, seed: seed)
    #expect(four[0].covers(wide[.arms].variance[0]), "\(wide[.arms].variance[0])")
    #expect(four[1].covers(wide[.rloo].variance[0]), "\(wide[.rloo].variance[0])")
    #expect(wide[.arms].evaluations == 4 && wide[.rloo].evaluations == 4, "the same 4 evaluations")
    for run in [low, wide] {
      for estimator in run.result.estimators { #expect(estimator.largestBiasZ < 5) }
    }
  }

  @Test("argmax-has-no-gradient: straight-through's mean 0.15, biased", arguments: LessonSeeds.all)
  func argmax(seed: UInt64) throws {
    let quote = try Quote(
      "({0.15} against 0.0924 on logit 1)", in: try Self.lesson("argmax-has-no-gradient"))
    let scenario = try PresetLab.load("argmax-has-no-gradient").only(.exact, .straightThrough)
    // 100,000 samples: the mean to 0.0013.
    let run = try PresetLab.run(scenario, samples: 100_000, seed: seed)
    #expect(quote[0].covers(run[.straightThrough].mean[0]))
    #expect(run[.straightThrough].biasZ(0) > 5)
  }

  @Test("bias-and-variance: seven presses of [ and three more", arguments: LessonSeeds.all)
  func biasAndVariance(seed: UInt64) throws {
    let text = try Self.lesson("bias-and-variance")
    _ = try Quote("shrinks by more than half and their variance grows five- to sevenfold", in: text)
    _ = try Quote("REBAR (eta = 1) has a quarter of the score function's variance at 0.5", in: text)
    _ = try Quote("at 0.054 (three more presses) its variance is the larger", in: text)
    let scenario = try PresetLab.load("bias-and-variance")
    #expect(scenario.distribution.temperature == 0.5)
    // The preset's 100,000 samples: the bias ratio's SE is about 0.05. (The same run, with the
    // baseline row, is the tour's steps 3, 7 and 10 at their 100,000 samples.)
    let start = try PresetLab.run(
      scenario.only(
        .exact, .scoreFunction, .scoreFunctionBaseline, .gumbelSoftmax, .straightThrough, .rebar),
      samples: 100_000, seed: seed)
    let seven = try PresetLab.run(
      scenario.only(.exact, .gumbelSoftmax, .straightThrough).at(temperature: 0.5 / pow(1.25, 7)),
      samples: 100_000, seed: seed)
    let ten = try PresetLab.run(
      scenario.only(.exact, .scoreFunction, .rebar).at(temperature: 0.5 / pow(1.25, 10)),
      samples: 100_000, seed: seed)
    #expect(WrittenNumber("0.054").covers(0.5 / pow(1.25, 10)))
    for kind in [EstimatorKind.gumbelSoftmax, .straightThrough] {
      #expect(abs(start[kind].biasZ(0)) > 10, "many times their error bars")
      let shrink = 1 - seven[kind].bias[0] / start[kind].bias[0]
      #expect(shrink > 0.5, "\(kind): \(shrink)")
      let growth = seven[kind].variance[0] / start[kind].variance[0]
      #expect(WrittenRange("5", "7").covers(growth), "\(kind): \(growth)")
    }
    let quarter = start[.rebar].variance[0] / start[.scoreFunction].variance[0]
    #expect(WrittenFraction(denominator: 4).covers(quarter), "\(quarter)")
    #expect(ten[.rebar].variance[0] > ten[.scoreFunction].variance[0])
    // backprop-through-samples, steps 3, 7 and 10.
    let tour = TourCaptionClaimsAcrossSeedsTests.self
    let baseline = try Quote(
      "falls from 0.9 to {0.07}", in: try tour.caption(tour.backprop, "A baseline"))
    let relaxed = try Quote(
      "The variance is small ({0.09} against 0.9)",
      in: try tour.caption(tour.backprop, "Gumbel-softmax: relax the argmax"))
    _ = try Quote(
      "Here it has a quarter of the score function's variance",
      in: try tour.caption(tour.backprop, "REBAR: unbiased again"))
    #expect(baseline[0].covers(start[.scoreFunctionBaseline].variance[0]))
    #expect(relaxed[0].covers(start[.gumbelSoftmax].variance[0]))
    for run in [start, ten] {
      #expect(run[.scoreFunction].largestBiasZ < 5 && run[.rebar].largestBiasZ < 5)
    }
  }

  @Test(
    "coupled-bits: IndeCateR 1.2 and 0.6, ten times below DisARM; ARM 4.5, DisARM 3.9",
    arguments: LessonSeeds.all)
  func coupledBits(seed: UInt64) throws {
    let text = try Self.lesson("coupled-bits")
    let indecater = try Quote("(SD/|g| {1.2}, mean cosine {0.6}), still ten times below", in: text)
    let pair = try Quote("does not depend on the target ({4.5} and {3.9})", in: text)
    let scenario = try PresetLab.load("coupled-bits")
    // IndeCateR at 20,000 samples (its SD/|g| to about 0.5%), ARM and DisARM at the preset's
    // 100,000 (their SD/|g| to about 0.2%; the readings sit 0.01 from the rounding edge).
    let few = try HeadlessRunner.run(
      scenario.only(.exact, .disarm, .indecater), samples: 20_000, seed: seed, threads: 1)
    let many = try HeadlessRunner.run(
      scenario.only(.exact, .arm, .disarm), samples: 100_000, seed: seed, threads: 1)
    func total(_ kind: EstimatorKind, _ run: RunResult) -> TotalSummary {
      run.estimators.first { $0.kind == kind }!.total
    }
    #expect(indecater[0].covers(total(.indecater, few).relativeNoise ?? .nan))
    #expect(indecater[1].covers(total(.indecater, few).meanCosine ?? .nan))
    let ratio = total(.disarm, few).meanSquaredError / total(.indecater, few).meanSquaredError
    #expect(WrittenNumber("10").covers(ratio), "\(ratio)")
    #expect(pair[0].covers(total(.arm, many).relativeNoise ?? .nan))
    #expect(pair[1].covers(total(.disarm, many).relativeNoise ?? .nan))
  }

  @Test("indecater: MSE 0.019 against 0.18, ten times lower", arguments: LessonSeeds.all)
  func indecater(seed: UInt64) throws {
    let quote = try Quote(
      "ten times lower (MSE {0.019} against {0.18})", in: try Self.lesson("indecater"))
    let scenario = try PresetLab.load("indecater")
    // IndeCateR at 50,000 samples (its MSE to 0.5%; at 20,000 one seed reads 0.0184), RLOO at
    // 20,000 (to 1%; 0.18 is 0.005 from either edge).
    let few = try HeadlessRunner.run(
      scenario.only(.exact, .rloo), samples: 20_000, seed: seed, threads: 1)
    let many = try HeadlessRunner.run(
      scenario.only(.exact, .indecater), samples: 50_000, seed: seed, threads: 1)
    func mse(_ kind: EstimatorKind) -> Double {
      (few.estimators + many.estimators).first { $0.kind == kind }!.total.meanSquaredError
    }
    #expect(quote[0].covers(mse(.indecater)) && quote[1].covers(mse(.rloo)))
    #expect(WrittenNumber("10").covers(mse(.rloo) / mse(.indecater)))
  }

  @Test(
    "relax-toy: REBAR never clearly beats the score function, at any temperature",
    arguments: LessonSeeds.all)
  func relaxToyRebar(seed: UInt64) throws {
    let text = try Self.lesson("relax-toy")
    _ = try Quote(
      "never clearly beats the plain score function (0.023 against 0.016 at 0.5; press ] and [)",
      in: text)
    // "Clearly": by more than 5%. Measured over the seeds at 400,000 samples: REBAR's variance
    // over the score function's is 5.4 at 0.1, 1.43 at 0.5, 1.05 at 2, 0.987 at 5, 0.981 at
    // 10; at 20,000 samples the ratio is known to about 1%.
    let scenario = try PresetLab.load("relax-toy").only(.exact, .scoreFunction, .rebar)
    for tau in [0.1, 0.5, 2, 5, 10] {
      let run = try PresetLab.run(scenario.at(temperature: tau), samples: 20_000, seed: seed)
      let ratio = run[.rebar].variance[0] / run[.scoreFunction].variance[0]
      #expect(ratio > 0.95, "temperature \(tau): \(ratio)")
      #expect(run[.rebar].largestBiasZ < 5)
    }
  }
}
