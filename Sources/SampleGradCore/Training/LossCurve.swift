/// One estimator's exact loss against step, thinned so a long race keeps a bounded number of
/// points that still serve a log-scaled and a linear step axis: every step up to
/// `denseSteps`, then every `stride`-th step, the stride doubling whenever more than
/// `limit` points would be kept.
public struct LossCurve: Sendable, Equatable {
  public private(set) var steps: [Int] = []
  public private(set) var losses: [Double] = []
  /// Steps after `denseSteps` are kept when they are multiples of this.
  public private(set) var stride = 1

  public static let denseSteps = 256
  public static let limit = 2048

  public init() {}

  /// A curve holding exactly these points (hand-built snapshots and tests).
  public init(steps: [Int], losses: [Double]) {
    precondition(steps.count == losses.count)
    self.steps = steps
    self.losses = losses
  }

  public var count: Int { steps.count }
  public var isEmpty: Bool { steps.isEmpty }

  /// Records the loss after `step` updates (steps arrive in increasing order).
  public mutating func record(step: Int, loss: Double) {
    guard step <= Self.denseSteps || step % stride == 0 else { return }
    steps.append(step)
    losses.append(loss)
    guard steps.count > Self.limit else { return }
    stride *= 2
    var kept = 0
    for i in steps.indices where steps[i] <= Self.denseSteps || steps[i] % stride == 0 {
      steps[kept] = steps[i]
      losses[kept] = losses[i]
      kept += 1
    }
    steps.removeLast(steps.count - kept)
    losses.removeLast(losses.count - kept)
  }

  /// The loss of the last point at or before `step`, if any.
  public func loss(atOrBefore step: Int) -> Double? {
    var low = 0
    var high = steps.count
    while low < high {
      let mid = (low + high) / 2
      if steps[mid] <= step { low = mid + 1 } else { high = mid }
    }
    return low == 0 ? nil : losses[low - 1]
  }
}
