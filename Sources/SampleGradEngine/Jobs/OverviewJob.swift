import SampleGradCore

/// The overview table (`OverviewRunner`'s) measured while the user looks: a first table at
/// `firstRound` samples per method, then rounds of twice as many, up to `maximumSamples`.
///
/// Each finished round equals `samplegrad overview --samples N` for that N, number for number:
/// every section (the scenario on screen, and the built-in ones the other methods are measured
/// on) keeps the run's streams and chunks for its estimates, its probe's and each method's
/// forward samples. A slice grows every unfinished cell a little, in parallel; how the work is
/// sliced never changes a number.
package struct OverviewJob: ViewJob {
  /// The scenario measured: the live one with every method that can run on it.
  package let scenario: Scenario
  package let seed: UInt64
  private let sections: [SectionCells]
  private var refinement: Refinement
  /// After the last round: the cells whose "unbiased" answer was not yet decisive, grown on in
  /// rounds of their own up to `settlingSamples` (`OverviewDecision`); nil until then.
  private var settling: Refinement?
  private let settlingSamples: Int
  /// The last finished round's table, one per gradient component.
  private var overviews: [Overview] = []

  /// One section's cells: its methods' estimates, its probe's, and its methods' forward
  /// samples, each problem solved once (every finished round reports against them).
  private struct SectionCells {
    let plan: OverviewSections.Plan
    let problem: GradientProblem
    let probe: (scenario: Scenario, problem: GradientProblem)?
    let estimates: [EstimateCell]
    let probeEstimates: [EstimateCell]
    let forward: [ForwardCell]

    init(_ plan: OverviewSections.Plan, seed: UInt64, chunkSize: Int) {
      self.plan = plan
      let problem = plan.scenario.problem
      self.problem = problem
      estimates = plan.scenario.estimators.map {
        EstimateCell(problem: problem, kind: $0, seed: seed, chunkSize: chunkSize)
      }
      forward = plan.scenario.estimators.compactMap {
        ForwardCell(problem: problem, kind: $0, seed: seed, chunkSize: chunkSize)
      }
      if let scenario = plan.probeScenario {
        let probeProblem = scenario.problem
        probe = (scenario, probeProblem)
        probeEstimates = scenario.estimators.map {
          EstimateCell(problem: probeProblem, kind: $0, seed: seed, chunkSize: chunkSize)
        }
      } else {
        probe = nil
        probeEstimates = []
      }
    }

    var cells: [any GrowingCell] { estimates + probeEstimates + forward }

    /// The section's runs as `samplegrad overview --samples N` makes them.
    func measured(samples: Int, seed: UInt64) -> OverviewMeasurement.SectionRun {
      func run(_ scenario: Scenario, _ problem: GradientProblem, _ cells: [EstimateCell])
        -> RunResult
      {
        // The table reads no histogram: each method's own forward samples stand for it.
        RunResult(
          scenario: scenario, seed: seed, samples: samples, problem: problem,
          estimators: cells.map { $0.result() },
          histogram: Histogram(probabilities: problem.probabilities), relaxedMean: [])
      }
      var tallies: [EstimatorKind: ForwardTally] = [:]
      for cell in forward { tallies[cell.kind] = cell.result() }
      return OverviewMeasurement.SectionRun(
        plan: plan, run: run(plan.scenario, problem, estimates),
        probeRun: probe.map { run($0.scenario, $0.problem, probeEstimates) }, forward: tallies)
    }
  }

  /// Samples per method of the first table: every method of a categorical takes a few
  /// hundredths of a second at this count.
  package static let firstRound = 4096
  /// Where refinement stops (about a million per method, `OverviewFit.maximumSamples`: the
  /// forward samples settle within the rounds).
  package static let defaultMaximumSamples = 1 << 20

  package init(
    measuring live: Scenario, seed: UInt64, firstRound: Int = OverviewJob.firstRound,
    maximumSamples: Int = OverviewJob.defaultMaximumSamples,
    settlingSamples: Int = OverviewDecision.maximumSamples,
    chunkSize: Int = ChunkPlan.defaultChunkSize
  ) {
    self.settlingSamples = settlingSamples
    scenario = OverviewMeasurement.fullScenario(live)
    self.seed = seed
    sections = OverviewSections.plans(for: live).map {
      SectionCells($0, seed: seed, chunkSize: chunkSize)
    }
    let cells = sections.flatMap(\.cells)
    refinement = Refinement(
      cells: cells, firstRound: firstRound, maximumSamples: maximumSamples,
      initialBudget: BatchTiming().initialBatch * cells.count)
  }

  /// Whether this job measures what an overview of `live` with `seed` would.
  package func measures(_ live: Scenario, seed: UInt64) -> Bool {
    self.seed == seed && scenario == OverviewMeasurement.fullScenario(live)
  }

  package static func route(_ command: OverviewJobCommand) -> JobRoute {
    switch command {
    case .open: .open
    case .close: .close
    case .togglePause: .own
    }
  }

  /// The overview of the live scenario as it is now: `running` if it measures the same
  /// scenario with the same seed, else a new one.
  package static func opening(
    _ command: OverviewJobCommand, from start: JobStart, running: OverviewJob?
  ) -> OverviewJob? {
    let state = start.live
    if let running, running.measures(state.scenario, seed: state.seed) { return running }
    return OverviewJob(measuring: state.scenario, seed: state.seed)
  }

  package mutating func apply(_ command: OverviewJobCommand) {
    if command == .togglePause {
      refinement.togglePause()
      settling?.togglePause()
    }
  }

  package var isPaused: Bool { refinement.isPaused }

  package var isFinished: Bool { refinement.isFinished && (settling?.isFinished ?? true) }

  package var hasWork: Bool { refinement.hasWork || (settling?.hasWork ?? false) }

  /// Grows every unfinished cell by about `budget` samples in all; a finished round becomes
  /// the published table. Returns the samples drawn (at least 64 per unfinished cell).
  @discardableResult
  package mutating func refine(budget: Int) -> Int {
    if refinement.isFinished, settling != nil { return absorb(settling!.refine(budget: budget)) }
    return absorb(refinement.refine(budget: budget))
  }

  /// Refines until the round at `samples` per method is finished (tests; the engine slices).
  package mutating func refine(throughRound samples: Int) {
    while !isFinished, refinement.rounds.completed < samples { refine(budget: 1 << 18) }
  }

  package mutating func work(timing: BatchTiming) {
    if refinement.isFinished, settling != nil {
      absorb(settling!.work(timing: timing))
    } else {
      absorb(refinement.work(timing: timing))
    }
  }

  package mutating func rest() {
    refinement.rest()
    settling?.rest()
  }

  /// A finished round becomes the published table; after the last round, the estimates still
  /// undecided go on settling. Returns the samples drawn.
  @discardableResult
  private mutating func absorb(_ slice: Refinement.Slice) -> Int {
    guard slice.finishedRound != nil else { return slice.drawn }
    overviews = tables(samples: refinement.rounds.completed)
    if refinement.isFinished, settling == nil {
      let undecided = sections.flatMap(\.estimates).filter {
        !OverviewDecision.isDecisive($0.result())
      }
      let first = 2 * refinement.rounds.completed
      if !undecided.isEmpty, first <= settlingSamples {
        var next = Refinement(
          cells: undecided, firstRound: first, maximumSamples: settlingSamples,
          initialBudget: first)
        if refinement.isPaused { next.togglePause() }
        settling = next
      }
    }
    return slice.drawn
  }

  /// Every section's runs as `samplegrad overview --samples N` makes them, and the table for
  /// each component.
  private func tables(samples: Int) -> [Overview] {
    let runs = sections.map { $0.measured(samples: samples, seed: seed) }
    return (0..<scenario.distribution.parameterCount).map {
      OverviewMeasurement.overview(runs, component: $0)
    }
  }

  package func publish() -> OverviewSnapshot {
    let rounds = refinement.rounds
    // While undecided cells settle, the progress is theirs.
    let settlingRounds = refinement.isFinished ? settling?.rounds : nil
    return OverviewSnapshot(
      scenarioName: scenario.name, overviews: overviews, samples: rounds.completed,
      target: settlingRounds?.target ?? rounds.target,
      progress: settlingRounds?.progress ?? rounds.progress, maximumSamples: rounds.maximumSamples,
      isPaused: isPaused, isFinished: isFinished, isOpen: false)
  }
}
