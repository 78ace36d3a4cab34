import Dispatch
import Foundation
import SampleGradCore

/// The digits VAE's speed goals (issue 18), timed:
/// - one exact batch (D = 8, B = 32: loss and gradient by enumeration) on one core;
/// - one step of a stochastic lane (B = 32 per-image estimates, the decoder's gradient, one
///   Adam update) on one core, per estimator;
/// - a race of `raceSteps` steps, the preset's lanes (6 stochastic and the exact one), on
///   `threads` workers, traced as `train` traces it.
/// Each one-core figure is the median of five timed rounds. Each figure is given in wall-clock
/// time and in the CPU time the work got (the thread's for one core, the process's for the
/// race): on a shared machine the wall clock also counts the time other programs held the
/// cores, the CPU time does not.
package enum VAEBenchmark {
  /// Wall-clock and CPU seconds of one measured piece of work.
  package struct Seconds: Sendable {
    package let wall: Double
    package let cpu: Double
  }

  package struct Timing: Sendable {
    package let name: String
    package let seconds: Seconds

    package init(name: String, seconds: Seconds) {
      self.name = name
      self.seconds = seconds
    }
  }

  static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

  /// CPU seconds of `clock` (this thread's, or the whole process's).
  static func cpu(_ clock: clockid_t) -> Double {
    var t = timespec()
    clock_gettime(clock, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// The medians of five rounds of `repeats` calls of `body`, per call, in wall-clock and in
  /// this thread's CPU time.
  static func median(repeats: Int, _ body: () -> Void) -> Seconds {
    var walls: [Double] = []
    var cpus: [Double] = []
    for _ in 0..<5 {
      let start = now()
      let startCPU = cpu(CLOCK_THREAD_CPUTIME_ID)
      for _ in 0..<repeats { body() }
      walls.append((now() - start) / Double(repeats))
      cpus.append((cpu(CLOCK_THREAD_CPUTIME_ID) - startCPU) / Double(repeats))
    }
    return Seconds(wall: walls.sorted()[2], cpu: cpus.sorted()[2])
  }

  /// Seconds per exact batch of the first `batch` training images at the start.
  package static func exactBatch(latents: Int, batch: Int, repeats: Int) -> Seconds {
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
  package static func laneStep(_ kind: EstimatorKind, setup: VAERaceSetup, repeats: Int)
    -> Seconds
  {
    let endless = setupWithSteps(setup, Int.max / 2)
    var lane = VAELane(kind: kind, setup: endless, start: .initial(latents: setup.latents))
    lane.advance(5, setup: endless)
    let t = median(repeats: 1) { lane.advance(repeats, setup: endless) }
    return Seconds(wall: t.wall / Double(repeats), cpu: t.cpu / Double(repeats))
  }

  static func setupWithSteps(_ setup: VAERaceSetup, _ steps: Int) -> VAERaceSetup {
    var s = setup
    s.steps = steps
    return s
  }

  /// Wall-clock seconds of the whole race (`train`'s lanes and trace points), and the CPU
  /// seconds of every worker together.
  package static func race(_ setup: VAERaceSetup, threads: Int) -> Seconds {
    let start = now()
    let startCPU = cpu(CLOCK_PROCESS_CPUTIME_ID)
    let lanes = VAERunner.train(setup, start: .initial(latents: setup.latents), threads: threads)
    precondition(lanes.count == setup.estimators.count)
    return Seconds(wall: now() - start, cpu: cpu(CLOCK_PROCESS_CPUTIME_ID) - startCPU)
  }
}
