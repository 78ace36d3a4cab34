import Foundation
import SampleGradCore
import SampleGradEngine

@testable import SampleGradUI

/// Hand-built race snapshots: curves written as formulas, not run, so a layout test depends
/// on the drawing code only.
enum RaceFixtures {
  /// `points` samples of `loss(step)` from 0 to `step`, thinned as a race thins them.
  static func curve(to step: Int, _ loss: (Double) -> Double) -> LossCurve {
    var curve = LossCurve()
    for s in 0...step { curve.record(step: s, loss: loss(Double(s))) }
    return curve
  }

  static func lane(
    _ kind: EstimatorKind, step: Int, reached: Int? = nil, parameters: [Double],
    probabilities: [Double], stopped: String? = nil, _ loss: @escaping (Double) -> Double
  ) -> RaceLaneSnapshot {
    RaceLaneSnapshot(
      kind: kind, step: step, loss: loss(Double(step)), parameters: parameters,
      probabilities: probabilities, curve: curve(to: step, loss), reachedStep: reached,
      stopped: stopped)
  }

  /// The RELAX toy at step 6,000 of 10,000: the exact gradient and the low-noise lanes near
  /// the optimum, the noisy ones wandering.
  static var relaxToy: RaceSnapshot {
    let start = 0.250001
    let optimum = 0.249001
    let gap = start - optimum
    func settle(_ scale: Double) -> (Double) -> Double { { optimum + gap * exp(-$0 / scale) } }
    func wander(_ phase: Double, _ drift: Double) -> (Double) -> Double {
      {
        optimum + gap * (1 - drift * $0 / 10_000 + 0.3 * sin($0 / 900 + phase) * min($0 / 2000, 1))
      }
    }
    func bernoulli(_ l: Double) -> (parameters: [Double], probabilities: [Double]) {
      let p = 1 / (1 + exp(-l))
      return ([l], [1 - p, p])
    }
    let step = 6000
    let rows: [(EstimatorKind, Int?, Double, (Double) -> Double)] = [
      (.exact, 1798, -9.6, settle(390)),
      (.scoreFunction, nil, -0.4, wander(0, 0.3)),
      (.scoreFunctionBaseline, 3069, -7.0, settle(650)),
      (.rebar, nil, -1.3, wander(1, 0.6)),
      (.rebarAuto, nil, 0.2, wander(2, 0.1)),
      (.rloo, 2998, -7.5, settle(640)),
      (.arm, 2416, -7.6, settle(520)),
      (.disarm, 2563, -8.0, settle(560)),
    ]
    return RaceSnapshot(
      title: "The RELAX toy race: which estimator finds b = 0?", distribution: .bernoulli,
      parameterNames: ["log-odds"], settings: TrainingSettings(steps: 10_000), step: step,
      temperature: 0.5, startLoss: start, optimum: optimum, bestOutcome: 0,
      lanes: rows.map { kind, reached, l, loss in
        let b = bernoulli(l)
        return lane(
          kind, step: step, reached: reached, parameters: b.parameters,
          probabilities: b.probabilities, loss)
      }, stepsPerSecond: 12_345)
  }

  /// A categorical race at step 2,500 of 10,000, Gumbel-softmax stalled above the optimum.
  static var categorical: RaceSnapshot {
    let start = 1.048
    let optimum = 0.498
    let step = 2500
    func toward(_ level: Double, _ scale: Double) -> (Double) -> Double {
      { level + (start - level) * exp(-$0 / scale) }
    }
    let probabilities: [[Double]] = [
      [0.97, 0.02, 0.002, 0.002, 0.002, 0.002, 0.001, 0.001],
      [0.80, 0.15, 0.02, 0.01, 0.01, 0.005, 0.003, 0.002],
      [0.70, 0.25, 0.02, 0.01, 0.01, 0.005, 0.003, 0.002],
      [0.55, 0.38, 0.03, 0.01, 0.01, 0.01, 0.005, 0.005],
      [0.30, 0.28, 0.12, 0.08, 0.08, 0.06, 0.04, 0.04],
    ]
    let rows: [(EstimatorKind, Int?, (Double) -> Double)] = [
      (.exact, 879, toward(optimum, 150)),
      (.scoreFunction, nil, toward(optimum, 900)),
      (.rebar, nil, toward(optimum, 700)),
      (.gumbelSoftmax, nil, toward(0.557, 160)),
      (.straightThrough, nil, toward(0.77, 500)),
    ]
    return RaceSnapshot(
      title: "Fast to the wrong place: relaxed against unbiased training",
      distribution: .categorical, parameterNames: (1...8).map { "logit \($0)" },
      settings: TrainingSettings(steps: 10_000), step: step, temperature: 2, startLoss: start,
      optimum: optimum, bestOutcome: 0,
      lanes: rows.enumerated().map { i, row in
        lane(
          row.0, step: step, reached: row.1, parameters: probabilities[i].map { log($0) },
          probabilities: probabilities[i], row.2)
      }, stepsPerSecond: 4_560, isPaused: true)
  }

  /// A short gaussian race (linear axis), finished, one lane stopped by a huge step.
  static var gaussian: RaceSnapshot {
    let start = -0.205
    let optimum = -1.0
    let rows: [(EstimatorKind, Int?, [Double], String?, (Double) -> Double)] = [
      (.exact, 87, [1.57, 0.05], nil, { optimum + (start - optimum) * exp(-$0 / 20) }),
      (.scoreFunction, nil, [1.6, 0.2], nil, { -0.2 - 0.75 * (1 - exp(-$0 / 60)) }),
      (
        .reparameterization, 130, [1.57, 0.06], nil, { optimum + (start - optimum) * exp(-$0 / 30) }
      ),
      (
        .scoreFunctionBaseline, nil, [1.2, 0.8],
        "diverged at step 3 (distribution.std: must be between 1e-30 and 1e50, got 0)",
        { _ in start }
      ),
    ]
    return RaceSnapshot(
      title: "Pathwise against score function, as the std shrinks", distribution: .gaussian,
      parameterNames: ["mean", "std"],
      settings: TrainingSettings(steps: 150, learningRate: 0.05, optimizer: .sgd), step: 150,
      temperature: nil, startLoss: start, optimum: optimum,
      lanes: rows.map { kind, reached, parameters, stopped, loss in
        lane(
          kind, step: stopped == nil ? 150 : 2, reached: reached, parameters: parameters,
          probabilities: [], stopped: stopped, loss)
      }, stepsPerSecond: 0)
  }

  /// The explorer's race view of `race` at a size, over a live view of the same family (whose
  /// estimator rows give each lane its glyph and colour).
  static func screen(_ race: RaceSnapshot, width: Int, height: Int, ascii: Bool = false)
    -> Buffer
  {
    var snapshot = live(race)
    snapshot.race = race
    snapshot.race?.isOpen = true
    var explorer = Explorer(presets: [], options: DisplayOptions(ascii: ascii, color: !ascii))
    explorer.view = RaceView()
    var buffer = Buffer(width: width, height: height)
    explorer.render(snapshot, into: &buffer)
    return buffer
  }

  /// A live snapshot of `race`'s family, before any sample.
  static func live(_ race: RaceSnapshot) -> Snapshot {
    let scenario: Scenario =
      switch race.distribution {
      case .categorical: Fixtures.categorical
      case .bernoulli: Fixtures.bernoulli
      default: Fixtures.gaussian
      }
    return Fixtures.snapshot(scenario, batches: 0)
  }
}
