import SampleGradCore

/// A sweep refined while the user looks: a first full curve at `firstRound` samples per point,
/// then rounds of twice as many, up to `maximumSamples`, then idle.
///
/// The snapshot shows the last finished round, where every point has the same sample count
/// and equals `samplegrad run` at that setting and count (the cells keep the run's streams
/// and chunks), so the curves on screen are the common-random-numbers curves of
/// `samplegrad sweep --samples N` for N = 4096, 8192, ... A slice grows every unfinished cell
/// of the round a little, in parallel, in steps of 64 estimates; how the work is sliced never
/// changes a number.
package struct SweepJob: ViewJob {
  package private(set) var plan: SweepPlan
  package let seed: UInt64
  private let problems: [GradientProblem]
  /// Point-major: cell `p * estimators + e`.
  private let cells: [EstimateCell]
  private var refinement: Refinement
  private var completed: SweepResult?

  /// Samples per point of the first curve: 25 points of 5 estimators take well under a
  /// second on one core.
  package static let firstRound = 4096
  /// Where refinement stops (about a million per point).
  package static let defaultMaximumSamples = 1 << 20

  package init(
    plan: SweepPlan, seed: UInt64, firstRound: Int = SweepJob.firstRound,
    maximumSamples: Int = SweepJob.defaultMaximumSamples,
    chunkSize: Int = ChunkPlan.defaultChunkSize
  ) {
    self.plan = plan
    self.seed = seed
    problems = plan.scenarios.map(\.problem)
    let cells = problems.flatMap { problem in
      plan.estimators.map {
        EstimateCell(problem: problem, kind: $0, seed: seed, chunkSize: chunkSize)
      }
    }
    self.cells = cells
    refinement = Refinement(
      cells: cells, firstRound: firstRound, maximumSamples: maximumSamples,
      initialBudget: BatchTiming().initialBatch * plan.estimators.count)
  }

  package static func route(_ command: SweepJobCommand) -> JobRoute {
    switch command {
    case .open: .open
    case .close: .close
    case .togglePause: .own
    }
  }

  /// The sweep of the live scenario as it is now over the setting `command` opens (its
  /// enabled rows, without `exact`): `running` if it computes the same numbers, else a new
  /// one; nil for a setting the scenario lacks.
  package static func opening(_ command: SweepJobCommand, from start: JobStart, running: SweepJob?)
    -> SweepJob?
  {
    guard case .open(let setting) = command else { return nil }
    let state = start.live
    let kinds = state.rows.filter { state.enabled.contains($0) && $0 != .exact }
    guard
      let plan = try? SweepPlan.standard(
        for: state.scenario, spec: SweepSpec(setting: setting), estimators: kinds)
    else { return nil }
    if var running, running.seed == state.seed, running.plan.computesSameNumbers(as: plan) {
      running.rebase(plan)
      return running
    }
    return SweepJob(plan: plan, seed: state.seed)
  }

  package mutating func apply(_ command: SweepJobCommand) {
    if command == .togglePause { refinement.togglePause() }
  }

  package var isPaused: Bool { refinement.isPaused }

  /// Whether refinement has reached its maximum.
  package var isFinished: Bool { refinement.isFinished }

  package var hasWork: Bool { refinement.hasWork }

  /// Grows the unfinished cells of the round by about `budget` estimates in all, in parallel;
  /// finishes the round when every cell has reached it. Returns the estimates drawn: at least
  /// a step of 64 per unfinished cell, so more than `budget` when the cells are many.
  @discardableResult
  package mutating func refine(budget: Int) -> Int {
    absorb(refinement.refine(budget: budget))
  }

  /// Refines until the round at `samples` per point is finished (tests; the engine slices).
  package mutating func refine(throughRound samples: Int) {
    while !isFinished, (completed?.samples ?? 0) < samples { refine(budget: 1 << 18) }
  }

  package mutating func work(timing: BatchTiming) {
    absorb(refinement.work(timing: timing))
  }

  package mutating func rest() { refinement.rest() }

  /// A finished round becomes the published result. Returns the estimates drawn.
  @discardableResult
  private mutating func absorb(_ slice: Refinement.Slice) -> Int {
    if let round = slice.finishedRound { completed = result(samples: round) }
    return slice.drawn
  }

  /// Takes a plan that computes the same numbers (only the "now" mark differs).
  mutating func rebase(_ other: SweepPlan) {
    guard plan.computesSameNumbers(as: other) else { return }
    plan = other
  }

  /// Every cell's statistics at the end of the round of `samples`.
  private func result(samples: Int) -> SweepResult {
    let kinds = plan.estimators.count
    let points = problems.enumerated().map { p, problem in
      SweepPoint(
        value: plan.grid.value(p), exact: problem.exact,
        estimators: (0..<kinds).map { cells[p * kinds + $0].result() })
    }
    return SweepResult(plan: plan, seed: seed, samples: samples, points: points)
  }

  package func publish() -> SweepSnapshot {
    SweepSnapshot(
      plan: plan,
      result: completed.map {
        SweepResult(plan: plan, seed: $0.seed, samples: $0.samples, points: $0.points)
      },
      target: refinement.rounds.target, progress: refinement.rounds.progress,
      maximumSamples: refinement.rounds.maximumSamples, isPaused: isPaused,
      isFinished: isFinished, isOpen: false, estimatesPerSecond: refinement.perSecond)
  }
}
