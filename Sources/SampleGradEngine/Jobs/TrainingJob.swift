import Dispatch
import Foundation
import SampleGradCore

/// What the race view asks of the training job.
package enum TrainingJobCommand: Sendable, Equatable {
  /// Opens the race view: a race of the live scenario as it is now (its enabled estimators,
  /// its `[training]` defaults), or the one already run if nothing it depends on changed.
  case open
  /// Back to the live statistics; the race keeps its numbers.
  case close
  case togglePause
  /// The same race again from step 0 (same seed: the same numbers).
  case restart
  /// A new learning rate, and the race again from step 0.
  case setLearningRate(Double)
}

/// The training race as a job: a `TrainingRace` stepped on the engine's queue, paced so its
/// front moves across the view's step axis at a steady speed (a long race takes about
/// `pacing.seconds` on a log axis, as the view draws it); never slower than the machine
/// allows. How the steps are sliced never changes a number: the race equals
/// `samplegrad train` with the same settings and seed.
package struct TrainingJob: EngineJob {
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

  package func publish() -> RaceSnapshot {
    var snapshot = race.snapshot()
    snapshot.stepsPerSecond = hasWork ? stepsPerSecond : 0
    snapshot.isPaused = isPaused
    snapshot.message = message
    return snapshot
  }
}

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
}
