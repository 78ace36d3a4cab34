import Dispatch
import Foundation
import SampleGradCore

/// Measures sampling throughput: how many samples per second each estimator (and raw relaxed
/// sampling) draws on one core and on several. Medians of repeated timed rounds, since
/// machines are shared and noisy.
package enum Benchmark {
  package struct Result: Sendable {
    package let name: String
    package let threads: Int
    package let perSecond: Double
    /// On more than one thread: the median, over the rounds, of this round's rate divided by
    /// the one-thread round just before it (nil on one thread).
    package var speedup: Double? = nil
  }

  /// The scenario `samplegrad bench` uses without `--preset`: K = 10, temperature 0.5.
  package static let defaultScenario = try! Scenario(
    name: "bench-k10", title: "Benchmark, K = 10",
    distribution: .categorical(
      logits: (0..<10).map { Double($0) / 4 - 1 }, temperature: 0.5),
    objective: .quadratic(target: (0..<10).map { $0 == 3 ? 1 : 0 }))

  /// The shortest round timed: a few milliseconds, well above the clock's resolution.
  static let minimumRoundSeconds = 0.002

  /// Samples per second of `name` on each of `threads` (counts of workers), the median of
  /// `rounds` rounds of about `seconds / rounds` each per count.
  ///
  /// The counts take turns, round by round (1, n, 1, n, ...), so a speed-up compares rounds
  /// a few milliseconds apart: on a shared virtual machine a core's speed drifts over
  /// seconds with the host's other load, and a one-thread figure timed before every
  /// n-thread one measured that drift as much as the scaling.
  ///
  /// Every worker draws whole batches until the round's deadline, and a worker that starts
  /// late (more workers than cores: they wait for a core) still draws one batch after it. So
  /// a batch is calibrated to a small part of a round, less still per worker beyond the
  /// cores: a round of `seconds / rounds` then ends close to its deadline. (A fixed 20 ms
  /// batch made `--seconds 0.01 --threads 32` run 47 s on 2 cores; issue 21.)
  ///
  /// A round's rate is the sum of its workers' rates, each worker's samples over the time
  /// from the round's start to its own last batch's end. Their last batches end at
  /// different times, up to a batch apart: the round's samples over the slowest worker's
  /// time counted the others' idle tail against the machine, and took 3 to 5% off every
  /// speed-up at `--seconds 1`, more for lines whose batch came out longer (issue 22).
  package static func measure(
    _ name: String, threads: [Int], seconds: Double, rounds: Int = 5,
    makeWork: @escaping @Sendable () -> any BenchmarkWorkload
  ) -> [Result] {
    let roundSeconds = max(seconds / Double(rounds), minimumRoundSeconds)
    let cores = max(ProcessInfo.processInfo.activeProcessorCount, 1)
    let workersPerCore = max(1, Double(threads.max() ?? 1) / Double(cores))
    let batchSeconds = min(0.02, roundSeconds / (4 * workersPerCore))
    let probe = makeWork()
    var calibrated = 64
    while time({ probe.draw(calibrated) }) < batchSeconds && calibrated < 1 << 26 {
      calibrated *= 2
    }
    let batch = calibrated
    var rates = [[Double]](repeating: [], count: threads.count)
    for _ in 0..<rounds {
      for (slot, count) in threads.enumerated() {
        let rate = LockedValue(0.0)
        let start = DispatchTime.now()
        let deadline = start.uptimeNanoseconds + UInt64(roundSeconds * 1e9)
        DispatchQueue.concurrentPerform(iterations: count) { _ in
          // Each worker builds its own workload: built side by side on one thread, two
          // workers' generators and accumulators shared cache lines, and REBAR's two-thread
          // speed-up fell from about 1.9 to 1.6.
          let work = makeWork()
          var drawn = 0
          repeat {
            work.draw(batch)
            drawn += batch
          } while DispatchTime.now().uptimeNanoseconds < deadline
          let busy = DispatchTime.now().seconds(since: start)
          rate.withLock { $0 += Double(drawn) / busy }
        }
        rates[slot].append(rate.withLock { $0 })
      }
    }
    let single = threads.firstIndex(of: 1)
    return threads.enumerated().map { slot, count in
      var result = Result(name: name, threads: count, perSecond: median(rates[slot]))
      if count > 1, let single {
        result.speedup = median(zip(rates[slot], rates[single]).map { $0 / $1 })
      }
      return result
    }
  }

  /// One line of the sampling table: its name and how a worker builds its workload, with
  /// the generator's seed (nil: a random one).
  package struct Line: Sendable {
    package let name: String
    package let makeWork: @Sendable (_ seed: UInt64?) -> any BenchmarkWorkload
  }

  /// Raw relaxed sampling and every estimator that applies, in the table's order.
  package static func lines(scenario: Scenario) -> [Line] {
    let problem = scenario.problem
    let kinds = EstimatorRegistry.kinds(
      for: problem.distribution.spec, objective: problem.objective.kind
    ).filter { $0 != .exact }
    return [Line(name: "relaxed-sample") { RelaxedSampling(problem: problem, seed: $0) }]
      + kinds.map { kind in
        Line(name: kind.rawValue) { EstimatorSampling(problem: problem, kind: kind, seed: $0) }
      }
  }

  /// Throughput of every estimator that applies, and of raw relaxed sampling (the lines
  /// named in `only`, when given).
  package static func sampling(
    scenario: Scenario, threads: [Int], seconds: Double, only: Set<String>? = nil
  ) -> [Result] {
    let chosen = lines(scenario: scenario).filter { only?.contains($0.name) ?? true }
    return byThreads(
      chosen.map { line in
        measure(line.name, threads: threads, seconds: seconds) { line.makeWork(nil) }
      })
  }

  /// Every line's one-thread figure first, then every line's next count, as the table reads.
  static func byThreads(_ lines: [[Result]]) -> [Result] {
    let counts = lines.first?.count ?? 0
    return (0..<counts).flatMap { slot in lines.map { $0[slot] } }
  }

  /// Seconds to run a race to its last step on `threads` workers, the median of `rounds`.
  package static func training(_ setup: RaceSetup, threads: Int, rounds: Int = 5) -> Double {
    median((0..<rounds).map { _ in time { _ = TrainingRunner.run(setup, threads: threads) } })
  }

  /// A whole headless sweep: `scenario`'s own sweep at `samples` per point for the
  /// estimators it lists (the yardstick: the default preset's 25 temperatures at
  /// 100,000 samples for its 5 estimators), timed `rounds` times on each thread count.
  package struct SweepTiming: Sendable {
    package let plan: SweepPlan
    package let samples: Int
    package let threads: Int
    package let medianSeconds: Double
  }

  package static func sweep(
    scenario: Scenario, samples: Int = Scenario.defaultSamples, threads: [Int], rounds: Int = 3
  ) throws(InvalidScenario) -> [SweepTiming] {
    let plan = try SweepPlan.standard(
      for: scenario, spec: SweepSpec(setting: SweepPlan.defaultSetting(for: scenario)),
      estimators: scenario.estimators)
    return threads.map { n in
      let times = (0..<max(rounds, 1)).map { _ in
        time { _ = SweepRunner.run(plan, samples: samples, seed: Scenario.defaultSeed, threads: n) }
      }
      return SweepTiming(plan: plan, samples: samples, threads: n, medianSeconds: median(times))
    }
  }

  /// The median of `values` (which must not be empty).
  package static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  }

  /// Seconds taken by `body`.
  package static func time(_ body: () -> Void) -> Double {
    let start = DispatchTime.now()
    body()
    return DispatchTime.now().seconds(since: start)
  }
}

/// One worker's share of a benchmark: it owns its sampler, generator and accumulators.
package protocol BenchmarkWorkload: AnyObject {
  func draw(_ count: Int)
}

/// Gumbel noise plus a relaxed sample (and the histogram of the argmax).
final class RelaxedSampling: BenchmarkWorkload {
  let sampler: OutcomeSampler
  var histogram: Histogram
  var relaxed = RunningMoments(dimension: 0)
  var rng: Xoshiro256StarStar

  init(problem: GradientProblem, seed: UInt64? = nil) {
    sampler = OutcomeSampler(problem: problem)
    histogram = sampler.makeHistogram()
    rng = Xoshiro256StarStar(seed: seed ?? UInt64.random(in: 0...UInt64.max))
  }

  func draw(_ count: Int) {
    sampler.run(count: count, using: &rng, histogram: &histogram, relaxed: &relaxed)
  }
}

/// Single-sample gradient estimates folded into running moments.
final class EstimatorSampling: BenchmarkWorkload {
  let sampler: GradientSampler
  var moments: RunningMoments
  var rng: Xoshiro256StarStar

  init(problem: GradientProblem, kind: EstimatorKind, seed: UInt64? = nil) {
    sampler = try! GradientSampler(problem: problem, kind: kind)
    moments = RunningMoments(dimension: problem.dimension)
    rng = Xoshiro256StarStar(seed: seed ?? UInt64.random(in: 0...UInt64.max))
  }

  func draw(_ count: Int) {
    sampler.run(count: count, using: &rng, into: &moments)
  }
}
