import Foundation

/// The engine's inbox: commands from the UI thread, taken by the sampling loop between
/// batches. A paused loop sleeps in `take(waiting: true)` until a command comes or the box
/// is closed; it wakes once per arrival, never for commands it has already taken (a counting
/// semaphore would remember every `send` made while the loop ran, and spin through them
/// after a pause).
final class Mailbox: @unchecked Sendable {
  private let condition = NSCondition()
  private var commands: [EngineCommand] = []
  private var closed = false

  /// Queues a command and wakes a waiting loop.
  func post(_ command: EngineCommand) {
    condition.lock()
    defer { condition.unlock() }
    commands.append(command)
    condition.signal()
  }

  /// Closes the box: a waiting loop wakes, and every `take` from now on says closed.
  func close() {
    condition.lock()
    defer { condition.unlock() }
    closed = true
    condition.broadcast()
  }

  /// Every queued command, oldest first. With `waiting`, first sleeps until there is one
  /// or the box is closed.
  func take(waiting: Bool) -> (commands: [EngineCommand], isClosed: Bool) {
    condition.lock()
    defer { condition.unlock() }
    while waiting && commands.isEmpty && !closed { condition.wait() }
    let taken = commands
    commands.removeAll(keepingCapacity: true)
    return (taken, closed)
  }
}
