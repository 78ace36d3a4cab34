import Dispatch

/// A measurement that grows a slice at a time (`EstimateCell`, `ForwardCell`): `advance` draws
/// more samples, in multiples of `RoundRefinement.step`, without changing what a longer run
/// would have drawn.
protocol GrowingCell: AnyObject, Sendable {
  /// Samples drawn so far.
  var count: Int { get }
  func advance(by n: Int)
}

/// Rounds of refinement, shared by the live sweep and the live overview: every cell grows to
/// the round's sample count, a slice at a time and in parallel; when all have, the round is
/// finished (the job publishes it, every cell at the same count) and the next one doubles it,
/// up to `maximumSamples`. How the work is sliced never changes a number.
struct RoundRefinement {
  /// Samples are drawn in multiples of this (the block paths' block), so growing a cell in
  /// steps draws exactly the numbers of one long run.
  static let step = 64

  let cells: [any GrowingCell]
  let maximumSamples: Int
  /// Samples per cell the round in progress reaches.
  private(set) var target: Int
  /// Samples per cell of the last finished round (0 before the first).
  private(set) var completed = 0

  init(cells: [any GrowingCell], firstRound: Int, maximumSamples: Int) {
    self.cells = cells
    let first = max(Self.roundUp(firstRound), Self.step)
    self.maximumSamples = max(Self.roundUp(maximumSamples), first)
    target = first
  }

  static func roundUp(_ n: Int) -> Int { (n + step - 1) / step * step }

  /// Whether refinement has reached its maximum.
  var isFinished: Bool { completed >= maximumSamples }

  /// Grows the unfinished cells of the round by about `budget` samples in all, in parallel.
  /// Every unfinished cell grows by at least a `step`, so with many cells more than `budget`
  /// may be drawn: `drawn` is how many were (what a rate or a slice's timing must count).
  /// `finishedRound` is true when this call finished a round (`completed` is then its count).
  mutating func refine(budget: Int) -> (drawn: Int, finishedRound: Bool) {
    guard !isFinished else { return (0, false) }
    let active = cells.indices.filter { cells[$0].count < target }
    var drawn = 0
    if !active.isEmpty {
      let share = Self.roundUp(max(budget / active.count, Self.step))
      let steps = active.map { min(target - cells[$0].count, share) }
      let chosen = active.map { cells[$0] }
      if chosen.count > 1 {
        DispatchQueue.concurrentPerform(iterations: chosen.count) {
          chosen[$0].advance(by: steps[$0])
        }
      } else {
        chosen[0].advance(by: steps[0])
      }
      drawn = steps.reduce(0, +)
    }
    guard cells.allSatisfy({ $0.count >= target }) else { return (drawn, false) }
    completed = target
    target = min(target * 2, maximumSamples)
    return (drawn, true)
  }

  /// How much of the round in progress is done, 0...1 (1 once finished).
  var progress: Double {
    if isFinished { return 1 }
    let span = Double(max(target - completed, 1) * cells.count)
    let drawn = cells.reduce(0) { $0 + min($1.count, target) - min($1.count, completed) }
    return Double(drawn) / span
  }
}
