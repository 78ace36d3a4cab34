import Foundation

extension Benchmark {
  /// A fixed amount of work timed by the thread's CPU clock: what `bench --count` prints.
  package struct Counted: Sendable {
    package let name: String
    package let samples: Int
    package let cpuSeconds: Double

    package var perCPUSecond: Double { cpuSeconds > 0 ? Double(samples) / cpuSeconds : 0 }
  }

  /// The seed of every `--count` workload, so two runs do the same work instruction for
  /// instruction (callgrind's counts repeat).
  package static let countedSeed: UInt64 = 1

  /// Draws exactly `samples` samples of `line` on this thread from `countedSeed`, after one
  /// warm-up block. CPU time leaves out the time other processes held the core, so on a
  /// loaded machine it says more than the wall clock; under callgrind it is the
  /// instruction count that matters.
  package static func counted(_ line: Line, samples: Int) -> Counted {
    let work = line.makeWork(countedSeed)
    work.draw(64)
    let start = threadCPUSeconds()
    work.draw(samples)
    return Counted(name: line.name, samples: samples, cpuSeconds: threadCPUSeconds() - start)
  }

  /// This thread's CPU time in seconds.
  static func threadCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
  }
}
