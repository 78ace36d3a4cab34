import Dispatch

/// Results made by concurrent workers, each put in its own slot and read back in slot order:
/// which worker made which result, and when, never changes the order, so folds over them
/// (and every rounding) do not depend on timing or on the number of threads.
final class OrderedResults<Value: Sendable>: Sendable {
  private let slots: LockedValue<[Value?]>

  private init(count: Int) {
    slots = LockedValue([Value?](repeating: nil, count: count))
  }

  /// Puts the result of slot `index`.
  func put(_ value: Value, at index: Int) {
    slots.withLock { $0[index] = value }
  }

  /// Runs `work(worker, results)` on `workers` concurrent workers (`concurrentPerform`), each
  /// putting results into `results`; returns the `count` results in slot order once every
  /// worker has returned. Every slot must have been put.
  static func collect(
    count: Int, workers: Int, _ work: @Sendable (_ worker: Int, OrderedResults) -> Void
  ) -> [Value] {
    let results = OrderedResults(count: count)
    DispatchQueue.concurrentPerform(iterations: workers) { work($0, results) }
    return results.slots.withLock { slots in
      slots.map { slot in
        guard let value = slot else { preconditionFailure("a slot was never filled") }
        return value
      }
    }
  }
}
