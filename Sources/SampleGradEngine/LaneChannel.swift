import Dispatch
import SampleGradCore

/// One lane's output on its way from the worker that races it to the thread that writes it:
/// pieces of text in order, then the lane's result. Bounded: a worker that gets ahead of the
/// writer (it is racing a later lane) waits once `capacity` pieces are queued, so memory
/// stays flat however long the trace, and a short trace never waits at all.
final class LaneChannel: Sendable {
  enum Piece: Sendable {
    case text(String)
    case done(LaneResult)
  }

  /// Pieces queued at most (each about `TrainingStreamer.pieceBytes` of text).
  static let capacity = 16

  private let pieces = LockedValue<[Piece]>([])
  private let cancelled = LockedValue(false)
  private let queued = DispatchSemaphore(value: 0)
  /// Free places. Made at 0 and signalled up: libdispatch traps when a semaphore is freed
  /// below the value it was made with, which a cancelled channel may be.
  private let room = DispatchSemaphore(value: 0)

  init() {
    for _ in 0..<Self.capacity { room.signal() }
  }

  /// Queues `piece`, waiting for room; false once the writer has given up (`cancel`).
  func put(_ piece: Piece) -> Bool {
    room.wait()
    guard !cancelled.withLock({ $0 }) else {
      room.signal()  // wakes the next put, if any, to give up too
      return false
    }
    pieces.withLock { $0.append(piece) }
    queued.signal()
    return true
  }

  /// The next piece, waiting for it.
  func take() -> Piece {
    queued.wait()
    let piece = pieces.withLock { $0.removeFirst() }
    room.signal()
    return piece
  }

  /// The writer gives up (its output failed): a worker waiting for room, or putting later,
  /// stops.
  func cancel() {
    cancelled.withLock { $0 = true }
    room.signal()
  }
}
