import Foundation

/// A value behind an `NSLock`. The engine's inbox and its latest snapshot are shared between
/// the UI thread and the sampling queue; NSLock is used rather than `Synchronization.Mutex`
/// because the thread sanitizer understands it (it reports false races on Mutex).
final class LockedValue<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) { self.value = value }

  func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
