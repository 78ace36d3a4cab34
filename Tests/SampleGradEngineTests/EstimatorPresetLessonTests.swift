import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

/// The lessons of the presets that show the newer estimators (argmax, RLOO, ARM, DisARM,
/// Gumbel-Rao, rebar-auto, measure-valued) and the objectives without a derivative. Same rules
/// as `PresetLessonTests`: seed 7, unbiased within 5 SE, quoted numbers within a band wider
/// than their rounding and 4 times their sampling noise.
@Suite("Preset lessons: the estimator family")
struct EstimatorPresetLessonTests {
  @Test("the estimator-family presets exist")
  func presetsExist() throws {
    let names = try PresetLab.names()
    for name in [
      "argmax-has-no-gradient", "leave-one-out", "antithetic-bernoulli", "rao-blackwell",
      "reward-table", "step-function", "measure-valued",
    ] {
      #expect(names.contains(name), "missing preset \(name)")
    }
  }

  @Test("argmax-has-no-gradient: exactly 0 ± 0, straight-through biased, score function not")
  func argmaxHasNoGradient() throws {
    let scenario = try PresetLab.load("argmax-has-no-gradient")
    let run = try PresetLab.run(scenario, samples: 200_000)
    let argmax = run[.argmax]
    #expect(argmax.mean.allSatisfy { $0 == 0 } && argmax.variance.allSatisfy { $0 == 0 })
    // "0.15 against 0.0924": at ten seeds in `LessonClaimsAcrossSeedsTests`.
    #expect(abs(run.exact[0] - 0.0924) < 5e-5)
    #expect(run[.straightThrough].largestBiasZ > 5)
    #expect(run[.scoreFunction].largestBiasZ < 5)
    #expect(abs(run[.scoreFunction].variance[0] - 0.9) < 0.03)  // SE of the variance ~0.005
    // "Press k, j or ]": still exactly 0.
    for changed in [scenario.setting(parameter: 0, to: 1.1), scenario.at(temperature: 0.625)] {
      let moments = try PresetLab.moments(.argmax, changed, samples: 10_000)
      #expect(moments.mean.allSatisfy { $0 == 0 } && moments.variance.allSatisfy { $0 == 0 })
    }
  }

  @Test("reward-table: only the score-function family applies; the rest say they need df/dx")
  func rewardTable() throws {
    let scenario = try PresetLab.load("reward-table")
    let run = try PresetLab.run(scenario, samples: 200_000)
    for estimator in run.result.estimators { #expect(estimator.largestBiasZ < 5) }
    #expect(abs(run[.rloo].variance[2] / 0.46 - 1) < 0.05)
    #expect(abs(run[.scoreFunction].variance[2] / 1.6 - 1) < 0.05)
    // "Press 6": the sixth row of the explorer is REBAR, and it is refused with the reason.
    var state = EngineState(scenario: scenario)
    #expect(state.rows[5] == .rebar)
    let accepted = state.apply(.toggleEstimator(.rebar))
    #expect(!accepted)
    #expect(state.message?.contains("needs df/dx, and a table objective has no derivative") == true)
    let relaxed = state.snapshot().estimators.filter { $0.unavailable != nil }.map(\.kind)
    #expect(
      Set(relaxed) == [
        .gumbelSoftmax, .straightThrough, .rebar, .argmax, .gumbelRao, .rebarAuto, .relax, .reinMax,
      ])
  }

  @Test("step-function: reparameterization returns 0 (bias -100%); the others are unbiased")
  func stepFunction() throws {
    let scenario = try PresetLab.load("step-function")
    let run = try PresetLab.run(scenario, samples: 200_000)
    #expect(abs(run.result.problem.exact.loss - 0.159) < 5e-4)
    #expect(abs(run.exact[0] - 0.242) < 5e-4 && abs(run.exact[1] - 0.242) < 5e-4)
    #expect(run[.reparameterization].mean == [0, 0])
    #expect(run[.reparameterization].variance == [0, 0])
    #expect(run[.scoreFunction].largestBiasZ < 5 && run[.measureValued].largestBiasZ < 5)
    // "9 times less variance on the mean (0.038 against 0.34)".
    #expect(abs(run[.measureValued].variance[0] / 0.038 - 1) < 0.05)
    #expect(abs(run[.scoreFunction].variance[0] / 0.34 - 1) < 0.05)
    // "Press l then k": the std up by 0.1.
    let wider = scenario.setting(parameter: 1, to: 1.1)
    let moved = try PresetLab.moments(.reparameterization, wider, samples: 10_000)
    #expect(moved.mean == [0, 0])
    #expect(abs(wider.problem.exact.gradient[1] - run.exact[1]) > 0.005)
  }

  @Test("measure-valued: variances 30 / 4 / 1.09 on the mean and 136 / 12 / 8 on the std")
  func measureValued() throws {
    let scenario = try PresetLab.load("measure-valued")
    let run = try PresetLab.run(scenario, samples: 400_000)
    for estimator in run.result.estimators { #expect(estimator.largestBiasZ < 5) }
    // Closed forms (GaussianVarianceTests and BeyondTheClassicSixTests); bands of 5%.
    let expected: [(EstimatorKind, [Double])] = [
      (.scoreFunction, [30, 136]), (.reparameterization, [4, 12]),
      (.measureValued, [4 * (4 - Double.pi) / Double.pi, 8]),
    ]
    for (kind, variances) in expected {
      for i in 0..<2 {
        #expect(abs(run[kind].variance[i] / variances[i] - 1) < 0.05, "\(kind) \(i)")
      }
    }
    #expect(run[.measureValued].evaluations == 4)
    // "Press PgUp": mean 2. Score function 87 (closed form 87), pathwise 4, measure-valued
    // 16 (4 - pi)/pi = 4.37: the winner on the mean changes.
    let up = try PresetLab.run(scenario.setting(parameter: 0, to: 2), samples: 400_000)
    #expect(abs(up[.scoreFunction].variance[0] / 87 - 1) < 0.05)
    #expect(abs(up[.reparameterization].variance[0] / 4 - 1) < 0.05)
    #expect(abs(up[.measureValued].variance[0] / 4.37 - 1) < 0.05)
    #expect(up[.measureValued].variance[0] > up[.reparameterization].variance[0])
    #expect(run[.measureValued].variance[0] < run[.reparameterization].variance[0])
  }
}
