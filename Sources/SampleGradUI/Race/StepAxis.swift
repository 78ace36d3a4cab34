import Foundation
import SampleGradCore

/// Where a step goes on the race chart's x axis, from step 0 to the race's last step. Long
/// races use a log scale (of 1 + step), so the first hundred steps, where most of the
/// learning happens, get as much room as the last thousands; short races a linear one.
struct StepAxis: Sendable, Equatable {
  let total: Int
  let width: Int
  let isLog: Bool

  init(total: Int, width: Int, isLog: Bool) {
    self.total = max(total, 1)
    self.width = max(width, 1)
    self.isLog = isLog
  }

  /// The axis of a race snapshot, across `width` columns.
  init(_ snapshot: RaceSnapshot, width: Int) {
    self.init(total: snapshot.settings.steps, width: width, isLog: snapshot.hasLogSteps)
  }

  /// The column (0..<width) of `step`.
  func column(of step: Int) -> Int {
    let s = Double(min(max(step, 0), total))
    let position = isLog ? log1p(s) / log1p(Double(total)) : s / Double(total)
    return min(Int((position * Double(width - 1)).rounded()), width - 1)
  }

  /// The last step drawn in column `c` or to its left (monotone, found by bisection).
  func lastStep(atOrBefore c: Int) -> Int {
    var low = 0
    var high = total
    while low < high {
      let mid = (low + high + 1) / 2
      if column(of: mid) <= c { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// Labelled steps: 0, the powers of ten up to the last step and the last step (log), or
  /// 0, the quarter points and the last step (linear).
  var ticks: [Int] {
    var steps = [0]
    if isLog {
      var p = 10
      while p < total {
        steps.append(p)
        p *= 10
      }
    } else {
      steps += [total / 4, total / 2, 3 * total / 4].filter { $0 > 0 }
    }
    steps.append(total)
    return steps
  }

  /// A step as an axis label: `950`, `1k`, `2.5k`, `10k`, `1M`.
  static func label(_ step: Int) -> String { ScreenFormat.compactCount(Double(step)) }
}
