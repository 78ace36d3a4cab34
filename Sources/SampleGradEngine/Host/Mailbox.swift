import Foundation

/// The engine's inbox: commands from the UI thread, taken by the loop between slices. A loop
/// with nothing to do sleeps in `take(waiting: true)` until a command comes or the box is
/// closed; it wakes once per arrival, never for commands it has already taken (a counting
/// semaphore would remember every `send` made while the loop ran, and spin through them after
/// a pause).
///
/// `@unchecked Sendable`: every stored property is read and written with `condition` locked
/// (NSCondition, which the thread sanitizer understands).
final class Mailbox<Message: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var messages: [Message] = []
  private var closed = false

  /// Queues a message and wakes a waiting loop.
  func post(_ message: Message) {
    condition.lock()
    defer { condition.unlock() }
    messages.append(message)
    condition.signal()
  }

  /// Closes the box: a waiting loop wakes, and every `take` from now on says closed.
  func close() {
    condition.lock()
    defer { condition.unlock() }
    closed = true
    condition.broadcast()
  }

  /// Every queued message, oldest first. With `waiting`, first sleeps until there is one or
  /// the box is closed.
  func take(waiting: Bool) -> (messages: [Message], isClosed: Bool) {
    condition.lock()
    defer { condition.unlock() }
    while waiting && messages.isEmpty && !closed { condition.wait() }
    let taken = messages
    messages.removeAll(keepingCapacity: true)
    return (taken, closed)
  }
}
