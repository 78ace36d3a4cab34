import Dispatch
import Foundation
import SampleGradCore

/// The training race as a job: a `TrainingRace` stepped on the engine's queue, paced so its
/// front moves across the view's step axis at a steady speed (a long race takes about
/// `pacing.seconds` on a log axis, as the view draws it); never slower than the machine
/// allows. How the steps are sliced never changes a number: the race equals
/// `samplegrad train` with the same settings and seed.
package struct TrainingJob: ViewJob {
  package private(set) var race: TrainingRace
  package private(set) var isPaused = false
  package let pacing: RacePacing
  /// Seconds of racing so far (pauses and other views excluded).
  private var elapsed = 0.0
  private var lastWork: DispatchTime?
  private var rate = RateMeter()
  private var stepsPerSecond = 0.0
  /// Steps per piece of a slice, adapted to what a step costs (see `work`).
  private var stepsPerPiece = 1
  private var message: String?

  package init(setup: RaceSetup, pacing: RacePacing = RacePacing()) {
    race = TrainingRace(setup: setup)
    self.pacing = pacing
  }

  package var setup: RaceSetup { race.setup }

  package static func route(_ command: TrainingJobCommand) -> JobRoute {
    switch command {
    case .open: .open
    case .close: .close
    case .togglePause, .restart, .setLearningRate: .own
    }
  }

  /// The race of the live scenario as it is now (its enabled rows, its `[training]`
  /// defaults or the standard ones): `running` if it is the same race, else a new one. A
  /// scenario whose settings do not fit (annealing to above a temperature the user lowered)
  /// has none: the screen checks the same rules before it asks.
  package static func opening(
    _ command: TrainingJobCommand, from start: JobStart, running: TrainingJob?
  ) -> TrainingJob? {
    guard let setup = setup(for: start.live) else { return nil }
    if let running, running.setup.isSameRace(asIgnoringLearningRate: setup) { return running }
    return TrainingJob(setup: setup, pacing: start.pacing)
  }

  /// The race the screen's `T` starts for the live view's state, traced as
  /// `samplegrad train` traces it (every tenth of the steps), so its export is that command's
  /// output for the same settings.
  package static func setup(for state: EngineState) -> RaceSetup? {
    guard
      let live = try? RaceSetup(
        live: state.scenario, enabled: state.rows.filter { state.enabled.contains($0) },
        seed: state.seed)
    else { return nil }
    return try? RaceSetup(
      scenario: live.scenario, settings: live.settings, seed: live.seed,
      every: RaceSetup.defaultEvery(steps: live.settings.steps))
  }

  package mutating func apply(_ command: TrainingJobCommand) {
    message = nil
    switch command {
    case .togglePause:
      isPaused.toggle()
      if isPaused { rest() }
    case .restart:
      restart(setup)
    case .setLearningRate(let rate):
      var settings = setup.settings
      settings.learningRate = rate
      do throws(InvalidScenario) {
        restart(
          try RaceSetup(
            scenario: setup.scenario, settings: settings, seed: setup.seed, every: setup.every))
      } catch {
        message = error.description
      }
    case .open, .close:
      break
    }
  }

  private mutating func restart(_ setup: RaceSetup) {
    race = TrainingRace(setup: setup)
    elapsed = 0
    isPaused = false
    rest()
  }

  package var hasWork: Bool { !isPaused && !race.isFinished }

  /// Steps the race up to where the pacing says it should be now, at most about
  /// `timing.targetSeconds` of work; ahead of the schedule, it waits (up to that long) for it.
  package mutating func work(timing: BatchTiming) {
    let now = DispatchTime.now()
    if let lastWork { elapsed += min(now.seconds(since: lastWork), 0.25) }
    lastWork = now
    let due = pacing.step(after: elapsed, of: setup.settings.steps)
    var remaining = due - race.step
    if remaining <= 0 {
      Thread.sleep(forTimeInterval: timing.targetSeconds)
      return
    }
    let started = DispatchTime.now()
    var done = 0
    // Pieces sized as the live job sizes its batches, starting at one step: a step is `batch`
    // estimates per lane (up to 65,536), so a fixed number of steps could take seconds and
    // keep commands (and `stop`) waiting. A piece takes about a slice, whatever a step costs.
    repeat {
      let piece = min(remaining, stepsPerPiece)
      let pieceStarted = DispatchTime.now()
      race.advance(steps: piece)
      let seconds = DispatchTime.now().seconds(since: pieceStarted)
      // A piece cut short by the schedule says little about a full one, unless it was slow.
      if piece == stepsPerPiece || seconds > timing.targetSeconds {
        stepsPerPiece = timing.nextBatch(after: piece, took: seconds, minimum: 1)
      }
      done += piece
      remaining -= piece
    } while remaining > 0 && DispatchTime.now().seconds(since: started) < timing.targetSeconds
    stepsPerSecond = rate.record(samples: done, seconds: DispatchTime.now().seconds(since: started))
  }

  package mutating func rest() {
    lastWork = nil
    rate = RateMeter()
    stepsPerSecond = 0
  }

  package func publish() -> RacePart {
    var snapshot = race.snapshot()
    snapshot.stepsPerSecond = hasWork ? stepsPerSecond : 0
    snapshot.isPaused = isPaused
    snapshot.message = message
    return RacePart(race: snapshot, result: race.result())
  }
}
