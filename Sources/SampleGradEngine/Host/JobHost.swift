import SampleGradCore

/// A command for the job it concerns: the live statistics, or a job a view opened.
package enum HostCommand: Sendable, Equatable {
  case live(EngineCommand)
  case job(JobCommand)
}

/// The engine's jobs and which one is on screen, as a plain value: `SamplingEngine` runs it
/// on its background queue, tests drive it synchronously.
///
/// Only the job on screen samples (the live statistics, or the job of the full-screen view
/// that is open), so it has every core; the others keep their numbers and wait. The snapshot
/// carries every job's part, each published by its job.
///
/// The jobs views open (`ViewJob`) live in a table keyed by their type, filled as they are
/// first opened: a new job needs no change here.
package struct JobHost {
  package private(set) var live: LiveJob
  private var jobs: [JobKey: any ViewJob] = [:]
  /// How fast a live race advances (tests run it flat out).
  package var pacing = RacePacing()
  /// The job that samples.
  package private(set) var focus = JobKey.live
  /// How slices are sized and snapshots paced.
  package let timing: BatchTiming

  package init(scenario: Scenario, seed: UInt64, timing: BatchTiming = BatchTiming()) {
    live = LiveJob(state: EngineState(scenario: scenario, seed: seed), timing: timing)
    self.timing = timing
  }

  package mutating func apply(_ command: HostCommand) {
    switch command {
    case .live(let command): live.apply(command)
    case .job(let command): command.apply(to: &self)
    }
  }

  /// The job of type `Job`, if it has been opened.
  package func job<Job: ViewJob>(_ type: Job.Type) -> Job? {
    jobs[JobKey(type)] as? Job
  }

  /// `command` for the job of type `Job`: opens its view (making the job from the live
  /// statistics, or keeping the one there if it computes the same numbers), closes it, or
  /// passes it on.
  mutating func deliver<Job: ViewJob>(_ command: Job.Command, to type: Job.Type) {
    let key = JobKey(type)
    switch Job.route(command) {
    case .open:
      let start = JobStart(live: live.state, pacing: pacing)
      guard let job = Job.opening(command, from: start, running: job(type)) else { return }
      jobs[key] = job
      show(key)
    case .close:
      if focus == key { show(.live) }
    case .own:
      guard var job = job(type) else { return }
      job.apply(command)
      jobs[key] = job
    }
  }

  /// Puts `job` on screen; the one there before rests, keeping its numbers.
  private mutating func show(_ job: JobKey) {
    guard focus != job else { return }
    rest()
    focus = job
  }

  /// Whether the job on screen has work; if not, the engine sleeps until the next command.
  package var hasWork: Bool {
    focus == .live ? live.hasWork : jobs[focus]?.hasWork ?? false
  }

  /// One slice of the job on screen.
  package mutating func work() {
    // A local copy: reading the stored `timing` while a job mutates would overlap accesses.
    let timing = self.timing
    if focus == .live {
      live.work(timing: timing)
    } else {
      jobs[focus]?.work(timing: timing)
    }
  }

  /// The job on screen stops getting slices for now.
  package mutating func rest() {
    if focus == .live {
      live.rest()
    } else {
      jobs[focus]?.rest()
    }
  }

  /// The live statistics with every opened job's part, the one on screen marked open.
  package func snapshot() -> Snapshot {
    var snapshot = live.publish()
    for (key, job) in jobs {
      var part = job.publish()
      part.isOpen = key == focus
      snapshot.parts.insert(part)
    }
    return snapshot
  }
}
