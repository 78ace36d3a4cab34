import Foundation
import SampleGradCore

/// How fast the live race advances: a race drawn on a log axis
/// (`RaceSnapshot.logStepThreshold`) reaches step `(1 + T)^(t / seconds) - 1` after `t`
/// seconds, so its front crosses the axis at a steady speed; a short race advances linearly.
package struct RacePacing: Sendable, Equatable {
  package var seconds: Double

  package init(seconds: Double = 15) { self.seconds = seconds }

  /// The step due `t` seconds into a race of `total` steps.
  package func step(after t: Double, of total: Int) -> Int {
    guard seconds > 0, t < seconds else { return total }
    let fraction = max(t, 0) / seconds
    if total > RaceSnapshot.logStepThreshold {
      return min(Int(pow(1 + Double(total), fraction) - 1), total)
    }
    return min(Int(Double(total) * fraction), total)
  }

  /// The step due `t` seconds into a race of `total` steps drawn on a linear step axis (the
  /// model race): the same number of steps every second, whatever the race's length.
  package func linearStep(after t: Double, of total: Int) -> Int {
    guard seconds > 0, t < seconds else { return total }
    return min(Int(Double(total) * max(t, 0) / seconds), total)
  }
}
