import Foundation

/// Polls `condition` until it holds or `seconds` pass: tests of the engine's threads wait on
/// what they expect to see, not for a fixed time, so a slow machine only makes them slower.
func waitUntil(seconds: Double = 10, _ condition: () -> Bool) -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  while Date() < deadline {
    if condition() { return true }
    Thread.sleep(forTimeInterval: 0.005)
  }
  return condition()
}
