import Dispatch
import SampleGradCore

/// The digits VAE's speed goals (issue 18), timed:
/// - one exact batch (D = 8, B = 32: loss and gradient by enumeration) on one core;
/// - one step of a stochastic lane (B = 32 per-image estimates, the decoder's gradient, one
///   Adam update) on one core, per estimator;
/// - a race of `raceSteps` steps, the preset's lanes (6 stochastic and the exact one), on
///   `threads` workers, traced as `train` traces it.
/// Each one-core figure is the median of five timed rounds.
package enum VAEBenchmark {
  package struct Timing: Sendable {
    package let name: String
    package let seconds: Double

    package init(name: String, seconds: Double) {
      self.name = name
      self.seconds = seconds
    }
  }

  static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

  /// The median of five rounds of `repeats` calls of `body`, per call.
  static func median(repeats: Int, _ body: () -> Void) -> Double {
    var rounds: [Double] = []
    for _ in 0..<5 {
      let start = now()
      for _ in 0..<repeats { body() }
      rounds.append((now() - start) / Double(repeats))
    }
    return rounds.sorted()[2]
  }

  /// Seconds per exact batch of the first `batch` training images at the start.
  package static func exactBatch(latents: Int, batch: Int, repeats: Int) -> Double {
    let parameters = VAEParameters.initial(latents: latents)
    let exact = VAEExact(parameters)
    let rows = Array(0..<batch)
    var gradient = [Double](repeating: 0, count: parameters.values.count)
    var sink = 0.0
    let t = median(repeats: repeats) {
      exact.load(parameters)
      sink += gradient.withUnsafeMutableBufferPointer {
        exact.batch(DigitsData.training, rows: rows, into: $0.baseAddress!)
      }
    }
    precondition(sink.isFinite)
    return t
  }

  /// Seconds per step of one lane (no trace points).
  package static func laneStep(_ kind: EstimatorKind, setup: VAERaceSetup, repeats: Int) -> Double {
    var lane = VAELane(
      kind: kind, setup: setupWithSteps(setup, Int.max / 2),
      start: .initial(latents: setup.latents))
    lane.advance(5, setup: setupWithSteps(setup, Int.max / 2))
    return median(repeats: 1) {
      lane.advance(repeats, setup: setupWithSteps(setup, Int.max / 2))
    } / Double(repeats)
  }

  static func setupWithSteps(_ setup: VAERaceSetup, _ steps: Int) -> VAERaceSetup {
    var s = setup
    s.steps = steps
    return s
  }

  /// Wall-clock seconds of the whole race (`train`'s lanes and trace points).
  package static func race(_ setup: VAERaceSetup, threads: Int) -> Double {
    let start = now()
    let lanes = VAERunner.train(setup, start: .initial(latents: setup.latents), threads: threads)
    precondition(lanes.count == setup.estimators.count)
    return now() - start
  }
}
