import SampleGradCore

/// A command for the job it concerns.
package enum HostCommand: Sendable, Equatable {
  case live(EngineCommand)
  case sweep(SweepJobCommand)
  case training(TrainingJobCommand)
  case overview(OverviewJobCommand)
}

/// The engine's jobs and which one is on screen, as a plain value: `SamplingEngine` runs it
/// on its background queue, tests drive it synchronously.
///
/// Only the job on screen samples (the live statistics, or the sweep, the training race or the
/// overview while its view is open), so it has every core; the others keep their numbers and
/// wait. The snapshot carries every job's part, each published by its job.
///
/// A job (an `EngineJob`) joins the host with one `HostCommand` case for its commands, one
/// `Focus` case, one optional property here and one field of `Snapshot` for its part; its
/// `open` puts it on screen (the previous job rests), its `close` brings back the live view.
package struct JobHost {
  /// Which job samples.
  package enum Focus: Sendable, Equatable { case live, sweep, training, overview }

  package private(set) var live: LiveJob
  package private(set) var sweep: SweepJob?
  package private(set) var training: TrainingJob?
  package private(set) var overview: OverviewJob?
  /// How fast a live race advances (tests run it flat out).
  package var pacing = RacePacing()
  package private(set) var focus = Focus.live
  /// How slices are sized and snapshots paced.
  package let timing: BatchTiming

  package init(scenario: Scenario, seed: UInt64, timing: BatchTiming = BatchTiming()) {
    live = LiveJob(state: EngineState(scenario: scenario, seed: seed), timing: timing)
    self.timing = timing
  }

  package mutating func apply(_ command: HostCommand) {
    switch command {
    case .live(let command):
      live.apply(command)
    case .sweep(.open(let setting)):
      open(setting)
    case .sweep(.close):
      close(.sweep)
    case .sweep(let command):
      sweep?.apply(command)
    case .training(.open):
      openRace()
    case .training(.close):
      close(.training)
    case .training(let command):
      training?.apply(command)
    case .overview(.open):
      openOverview()
    case .overview(.close):
      close(.overview)
    case .overview(let command):
      overview?.apply(command)
    }
  }

  /// Puts `job` on screen; the one there before rests, keeping its numbers.
  private mutating func show(_ job: Focus) {
    guard focus != job else { return }
    rest()
    focus = job
  }

  /// Back to the live statistics, if `job` is on screen.
  private mutating func close(_ job: Focus) {
    guard focus == job else { return }
    show(.live)
  }

  /// Puts the race of the live scenario as it is now (its enabled rows, its `[training]`
  /// defaults or the standard ones) on screen: the one already run if it is the same race,
  /// else a new one. A scenario whose settings do not fit (annealing to above a temperature
  /// the user lowered) changes nothing: the screen checks the same rules before it asks.
  private mutating func openRace() {
    guard let setup = Self.raceSetup(for: live.state) else { return }
    if training?.setup.isSameRace(asIgnoringLearningRate: setup) != true {
      training = TrainingJob(setup: setup, pacing: pacing)
    }
    show(.training)
  }

  /// The race the screen's `T` starts for the live view's state.
  package static func raceSetup(for state: EngineState) -> RaceSetup? {
    try? RaceSetup(
      live: state.scenario, enabled: state.rows.filter { state.enabled.contains($0) },
      seed: state.seed)
  }

  /// Puts the overview of the live scenario as it is now on screen: the one already measured
  /// if it measures the same scenario, else a new one.
  private mutating func openOverview() {
    let state = live.state
    if overview?.measures(state.scenario, seed: state.seed) != true {
      overview = OverviewJob(measuring: state.scenario, seed: state.seed)
    }
    show(.overview)
  }

  /// Starts the sweep of the live scenario as it is now over `setting` (or keeps the one that
  /// computes the same numbers) and puts it on screen. A setting the scenario lacks changes
  /// nothing: the screen checks the same rules before it asks.
  private mutating func open(_ setting: ScenarioSetting) {
    let state = live.state
    let kinds = state.rows.filter { state.enabled.contains($0) && $0 != .exact }
    guard
      let plan = try? SweepPlan.standard(
        for: state.scenario, spec: SweepSpec(setting: setting), estimators: kinds)
    else { return }
    if var running = sweep, running.seed == state.seed, running.plan.computesSameNumbers(as: plan) {
      running.rebase(plan)
      sweep = running
    } else {
      sweep = SweepJob(plan: plan, seed: state.seed)
    }
    show(.sweep)
  }

  /// Whether the job on screen has work; if not, the engine sleeps until the next command.
  package var hasWork: Bool {
    switch focus {
    case .live: live.hasWork
    case .sweep: sweep?.hasWork ?? false
    case .training: training?.hasWork ?? false
    case .overview: overview?.hasWork ?? false
    }
  }

  /// One slice of the job on screen.
  package mutating func work() {
    switch focus {
    case .live: live.work(timing: timing)
    case .sweep: sweep?.work(timing: timing)
    case .training: training?.work(timing: timing)
    case .overview: overview?.work(timing: timing)
    }
  }

  /// The job on screen stops getting slices for now.
  package mutating func rest() {
    switch focus {
    case .live: live.rest()
    case .sweep: sweep?.rest()
    case .training: training?.rest()
    case .overview: overview?.rest()
    }
  }

  /// Every job's part: the live statistics, and the sweep's, the race's and the overview's if
  /// one was started.
  package func snapshot() -> Snapshot {
    var snapshot = live.publish()
    if var part = sweep?.publish() {
      part.isOpen = focus == .sweep
      snapshot.sweep = part
    }
    if var part = training?.publish() {
      part.isOpen = focus == .training
      snapshot.race = part
    }
    if var part = overview?.publish() {
      part.isOpen = focus == .overview
      snapshot.overview = part
    }
    return snapshot
  }
}
