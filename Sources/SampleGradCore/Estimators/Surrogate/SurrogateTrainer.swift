/// A learned control variate's parameters `φ`, the gradient its estimator writes each sample,
/// and the optimiser that moves them: after every estimate, one step against the gradient of
/// that estimate's squared norm (Grathwohl et al. 2018: `E|g|^2 - |E g|^2` is the variance
/// and `E g` does not depend on `φ`, so `d|g|^2/dφ` is an unbiased estimate of the variance's
/// gradient). The estimate at sample n uses the `φ` of samples before n only, so the
/// estimator stays unbiased.
///
/// `reset()` returns to the starting values and forgets the optimiser's moments, as at the
/// start of a new stream (`run` restarts each 65,536-sample chunk, as the baseline and
/// rebar-auto do); a training race keeps it across steps.
struct SurrogateTrainer {
  let count: Int
  let rate: Double
  let optimizerKind: OptimizerKind
  /// The components kept inside a range after each step (RELAX's log temperature), if any.
  let bounded: (index: Int, range: ClosedRange<Double>)?
  /// `φ`, its gradient, and the starting `φ`.
  private let buffers: ScratchBuffers
  private var optimizer: Optimizer
  /// Steps skipped because the gradient was not finite (an estimate of 1e200 squared).
  private(set) var skipped = 0

  init(
    count: Int, rate: Double, optimizer kind: OptimizerKind,
    bounded: (index: Int, range: ClosedRange<Double>)? = nil
  ) {
    self.count = count
    self.rate = rate
    optimizerKind = kind
    self.bounded = bounded
    buffers = ScratchBuffers(count: count, slots: 3)
    optimizer = Optimizer(kind, dimension: count)
  }

  /// The option value `surrogate-optimizer` names: 1 Adam, 0 plain gradient descent.
  static func kind(_ value: Int) -> OptimizerKind { value == 0 ? .sgd : .adam }

  var parameters: UnsafeMutablePointer<Double> { buffers.slot(0) }
  var gradient: UnsafeMutablePointer<Double> { buffers.slot(1) }
  var initial: UnsafeMutablePointer<Double> { buffers.slot(2) }

  /// Whether `step()` would move anything (a rate of 0 freezes the surrogate).
  var isLearning: Bool { rate > 0 }

  /// The starting values become the current ones; the optimiser starts over.
  mutating func reset() {
    parameters.update(from: initial, count: count)
    for j in 0..<count { gradient[j] = 0 }
    optimizer = Optimizer(optimizerKind, dimension: count)
    skipped = 0
  }

  /// One optimiser step against `gradient`, unless a component of it is not finite.
  mutating func step() {
    for j in 0..<count where !gradient[j].isFinite {
      skipped += 1
      return
    }
    optimizer.update(
      UnsafeMutableBufferPointer(start: parameters, count: count),
      gradient: UnsafeBufferPointer(start: gradient, count: count), learningRate: rate)
    if let (index, range) = bounded {
      parameters[index] = min(max(parameters[index], range.lowerBound), range.upperBound)
    }
  }
}
