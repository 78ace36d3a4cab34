import Foundation
import Testing

/// SplitMix64: the fuzz cases depend only on the seed.
struct FuzzRandom {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }
}

/// Failures collected from the workers.
final class LockedList: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func append(_ item: String) {
    lock.lock()
    items.append(item)
    lock.unlock()
  }
  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}

/// How the fuzz suites run their cases: each case is made from the suite's seed and its
/// index alone, so a failure names a case that can be made again; `SAMPLEGRAD_FUZZ_SEED`
/// replaces every suite's seed, to explore beyond what CI runs. Cases run two at a time (the
/// machines have two cores), and under the thread sanitizer, whose binaries start and run
/// about ten times slower, a third as many are made.
enum Fuzz {
  static let seedOverride = ProcessInfo.processInfo.environment["SAMPLEGRAD_FUZZ_SEED"]
    .flatMap { UInt64($0) }

  /// A third as many cases under the thread sanitizer (CI's second run).
  static let share = BuiltExecutable.underThreadSanitizer ? 3 : 1

  /// Runs `count` cases of a suite seeded `seed`, two at a time; `body` returns what is
  /// wrong with its case (nothing if it held). Returns every problem found.
  static func run(
    _ count: Int, seed: UInt64, workers: Int = 2,
    _ body: @Sendable (_ index: Int, _ random: inout FuzzRandom) throws -> [String]
  ) -> [String] {
    let seed = seedOverride ?? seed
    let failures = LockedList()
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for index in stride(from: worker, to: count, by: workers) {
        var random = FuzzRandom(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        do {
          for problem in try body(index, &random) { failures.append("case \(index): \(problem)") }
        } catch {
          failures.append("case \(index): \(error)")
        }
      }
    }
    return failures.all
  }

  /// One expectation for a suite's problems: how many, and the first three in full.
  static func expectNone(_ found: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(
      found.isEmpty,
      "\(found.count) failures; the first:\n\(found.prefix(3).joined(separator: "\n---\n"))",
      sourceLocation: sourceLocation)
  }
}
