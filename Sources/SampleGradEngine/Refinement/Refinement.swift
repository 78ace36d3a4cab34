import Dispatch

/// The lifecycle a refining job (the live sweep, the live overview) shares: its rounds of
/// refinement, paused or not, the budget of a slice sized by `BatchTiming` from what slices
/// drew and took, and the rate they draw at. The job holds one and turns each finished round
/// into its own result.
struct Refinement {
  private(set) var rounds: RoundRefinement
  private(set) var isPaused = false
  /// Samples a slice asks for, in all.
  private var budget: Int
  private var rate = RateMeter()
  /// Samples per second over the last slices (0 while resting).
  private(set) var perSecond = 0.0

  /// What one call drew, and the round it finished (its samples per cell), if any.
  struct Slice {
    var drawn: Int
    var finishedRound: Int?
  }

  init(cells: [any GrowingCell], firstRound: Int, maximumSamples: Int, initialBudget: Int) {
    rounds = RoundRefinement(cells: cells, firstRound: firstRound, maximumSamples: maximumSamples)
    budget = initialBudget
  }

  mutating func togglePause() { isPaused.toggle() }

  /// Whether refinement has reached its maximum.
  var isFinished: Bool { rounds.isFinished }

  var hasWork: Bool { !isPaused && !isFinished }

  /// Grows the unfinished cells of the round by about `budget` samples in all (see
  /// `RoundRefinement.refine`).
  mutating func refine(budget: Int) -> Slice {
    let (drawn, finishedRound) = rounds.refine(budget: budget)
    return Slice(drawn: drawn, finishedRound: finishedRound ? rounds.completed : nil)
  }

  /// One slice of about `timing.targetSeconds`: refines by the current budget, records the
  /// samples drawn in the rate and sizes the next budget from them.
  mutating func work(timing: BatchTiming) -> Slice {
    let started = DispatchTime.now()
    let slice = refine(budget: budget)
    let seconds = DispatchTime.now().seconds(since: started)
    perSecond = rate.record(samples: slice.drawn, seconds: seconds)
    if slice.drawn > 0 { budget = timing.nextBatch(after: slice.drawn, took: seconds) }
    return slice
  }

  mutating func rest() {
    perSecond = 0
    rate = RateMeter()
  }
}
