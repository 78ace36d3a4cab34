import Foundation

/// The engine's inbox: the UI posts messages and never waits; the engine's loop takes them
/// all at once between slices, and when it has nothing to do it sleeps until one arrives.
///
/// One condition variable guards the queue, so a wait ends exactly when there is mail or the
/// box is closed: no count of wake-ups builds up while the loop is busy and then spins it
/// when it goes idle. `@unchecked Sendable`: every stored property is read and written with
/// `condition` locked (NSCondition, which the thread sanitizer understands).
final class Mailbox<Message: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var messages: [Message] = []
  private var closed = false

  /// Queues `message` (dropped once the box is closed) and wakes a waiting loop.
  func post(_ message: Message) {
    condition.lock()
    defer { condition.unlock() }
    guard !closed else { return }
    messages.append(message)
    condition.signal()
  }

  /// Every queued message, oldest first, or nil once the box is closed.
  func take() -> [Message]? {
    condition.lock()
    defer { condition.unlock() }
    guard !closed else { return nil }
    defer { messages.removeAll(keepingCapacity: true) }
    return messages
  }

  /// Sleeps until there is mail or the box is closed.
  func waitForMail() {
    condition.lock()
    defer { condition.unlock() }
    while messages.isEmpty && !closed { condition.wait() }
  }

  /// Closes the box: `take` returns nil from now on and a waiting loop wakes up.
  func close() {
    condition.lock()
    defer { condition.unlock() }
    closed = true
    condition.broadcast()
  }
}
