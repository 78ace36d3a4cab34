import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

/// The three race presets: every claim a lesson makes about who gets within 1% of the
/// optimum, when, and where the others stall, checked on five seeds (the claims are about
/// races, whose noise a single seed could flatter). Each race takes well under a second.
@Suite("Preset lessons: training races")
struct TrainingPresetLessonTests {
  static let seeds: [UInt64] = [1, 2, 3, 4, 5]

  static func race(_ name: String, seed: UInt64, every: Int = 250) throws -> TrainingResult {
    let scenario = try PresetLab.load(name)
    let settings = try #require(scenario.training, "\(name) has a [training] table")
    return TrainingRunner.run(
      try RaceSetup(scenario: scenario, settings: settings, seed: seed, every: every), threads: 2)
  }

  @Test("the race presets exist and carry their [training] tables")
  func presetsExist() throws {
    for name in ["relax-toy-race", "categorical-race", "gaussian-race"] {
      let scenario = try PresetLab.load(name)
      #expect(scenario.training?.optimizer == .adam, "\(name)")
      #expect(scenario.training?.learningRate == 0.01, "\(name)")
    }
  }

  @Test(
    "relax-toy-race: exact at 1,798; baseline, RLOO, ARM, DisARM by 4,500; the noisy three never")
  func relaxToyRace() throws {
    let scenario = try PresetLab.load("relax-toy-race")
    #expect(scenario.training?.steps == 10_000)
    // "The gradient is 0.0005 and the plain score function's noise 0.125, 250 times larger."
    let problem = scenario.problem
    #expect(abs(problem.exact.gradient[0] - 0.0005) < 1e-12)
    let noise = try PresetLab.moments(.scoreFunction, scenario, samples: 100_000).variance[0]
    #expect(abs(noise.squareRoot() - 0.125) < 0.001)
    var endedAboveStart = 0
    // "by step 4,500", "never do in 10,000 steps", at ten seeds (issue 20: "by step 4,000" failed
    // at seed 29, 4,158; over seeds 1 to 30 the last of the four arrives at 4,158).
    for seed in LessonSeeds.all {
      let result = try Self.race("relax-toy-race", seed: seed)
      func lane(_ kind: EstimatorKind) -> LaneResult { result.lanes.first { $0.kind == kind }! }
      #expect(lane(.exact).reachedStep == 1798)
      #expect(abs(result.setup.optimum! - 0.249001) < 1e-12)
      for kind in [EstimatorKind.scoreFunctionBaseline, .rloo, .arm, .disarm] {
        let reached = try #require(lane(kind).reachedStep, "\(kind), seed \(seed)")
        #expect(reached > 1798 && reached <= 4500, "\(kind), seed \(seed): \(reached)")
      }
      for kind in [EstimatorKind.scoreFunction, .rebar, .rebarAuto] {
        #expect(lane(kind).reachedStep == nil, "\(kind), seed \(seed)")
        if lane(kind).final.loss > result.setup.startLoss { endedAboveStart += 1 }
      }
    }
    // "their loss wanders, sometimes above where it began"
    #expect(endedAboveStart >= 2)
  }

  @Test(
    "categorical-race: Gumbel-softmax leads at 500 and stalls at 0.55 to 0.56; SF and REBAR reach the optimum"
  )
  func categoricalRace() throws {
    let scenario = try PresetLab.load("categorical-race")
    let lesson = try #require(scenario.lesson).replacingOccurrences(of: "\n", with: " ")
    for quoted in [
      "(0.57 to 0.58, against 0.65 to 0.86", "stalls at 0.55 to 0.56", "steps 3,000 and 7,500",
      "between 0.75 and 0.80",
    ] {
      #expect(lesson.contains(quoted), "the lesson no longer says \(quoted)")
    }
    #expect(abs(scenario.problem.objective.outcomeValues.min()! - 0.498) < 1e-12)
    // Issue 20: every number the lesson writes holds at ten seeds, at its written precision.
    for seed in LessonSeeds.all {
      let result = try Self.race("categorical-race", seed: seed)
      func lane(_ kind: EstimatorKind) -> LaneResult { result.lanes.first { $0.kind == kind }! }
      func loss(_ kind: EstimatorKind, at step: Int) -> Double {
        lane(kind).trace.first { $0.step == step }!.loss
      }
      let gumbel = loss(.gumbelSoftmax, at: 500)
      #expect(WrittenRange("0.57", "0.58").covers(gumbel), "seed \(seed): \(gumbel)")
      for kind in [EstimatorKind.scoreFunction, .rebar, .straightThrough] {
        let other = loss(kind, at: 500)
        #expect(other > gumbel, "\(kind), seed \(seed): \(other)")
        #expect(WrittenRange("0.65", "0.86").covers(other), "\(kind), seed \(seed): \(other)")
      }
      for kind in [EstimatorKind.scoreFunction, .rebar] {
        let reached = try #require(lane(kind).reachedStep, "\(kind), seed \(seed)")
        #expect(
          WrittenRange("3,000", "7,500").covers(Double(reached)),
          "\(kind), seed \(seed): \(reached)")
        #expect(abs(lane(kind).final.loss - 0.499) < 0.0025, "\(kind), seed \(seed)")
      }
      // "stalls ... for good": from step 1,000 on it never leaves 0.54 to 0.58, and ends at
      // 0.55 to 0.56, about 89% of the way.
      let stalled = lane(.gumbelSoftmax).trace.filter { $0.step >= 1000 }.map(\.loss)
      #expect(stalled.allSatisfy { (0.54...0.58).contains($0) }, "seed \(seed): \(stalled)")
      let final = lane(.gumbelSoftmax).final.loss
      #expect(WrittenRange("0.55", "0.56").covers(final), "seed \(seed): \(final)")
      let closed =
        (result.setup.startLoss - final) / (result.setup.startLoss - result.setup.optimum!)
      #expect(abs(closed - 0.89) < 0.02, "seed \(seed): \(closed)")
      #expect(lane(.gumbelSoftmax).reachedStep == nil)
      #expect(lane(.straightThrough).reachedStep == nil)
      let straight = lane(.straightThrough).final.loss
      #expect(WrittenRange("0.75", "0.80").covers(straight), "seed \(seed): \(straight)")
    }
  }

  @Test("gaussian-race: both -0.97 to -0.90 at 500, pathwise within 1% at 1,200 to 1,550")
  func gaussianRace() throws {
    let lesson = try #require(try PresetLab.load("gaussian-race").lesson)
    let pace = try Quote("keep pace, both between {-0.97} and {-0.90}", in: lesson)
    let reached = try Quote(
      "within 1% of the optimum between steps {1,200} and {1,550}", in: lesson)
    // Issue 20: at ten seeds. (The text said "first, near step 1,300": at seeds 13 and 16 the
    // plain score function passes within 1% earlier, at 1,267 and 1,168, and wanders off.)
    for seed in LessonSeeds.all {
      let result = try Self.race("gaussian-race", seed: seed)
      func lane(_ kind: EstimatorKind) -> LaneResult { result.lanes.first { $0.kind == kind }! }
      #expect(result.setup.optimum == -1)
      #expect(lane(.exact).reachedStep == 867)
      for kind in [EstimatorKind.scoreFunction, .reparameterization] {
        let loss = lane(kind).trace.first { $0.step == 500 }!.loss
        #expect(pace.range.covers(loss), "\(kind), seed \(seed): \(loss)")
      }
      let pathwise = try #require(lane(.reparameterization).reachedStep)
      #expect(reached.range.covers(Double(pathwise)), "seed \(seed): \(pathwise)")
      // "ends closer to -1 than the plain score function on every seed"
      #expect(lane(.reparameterization).final.loss < lane(.scoreFunction).final.loss)
    }
  }
}
