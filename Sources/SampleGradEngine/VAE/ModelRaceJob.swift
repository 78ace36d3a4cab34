import Dispatch
import Foundation
import SampleGradCore

/// What the model race view asks of its job.
package enum ModelRaceCommand: Sendable, Equatable {
  /// Opens the view on a race of the digits VAE (a model preset's settings), or the one
  /// already run if the settings are the same.
  case open(VAERaceSetup, title: String)
  case close
  case togglePause
  /// The same race again from step 0 (same seed: the same numbers).
  case restart
  /// Turns "gradient quality now" on or off: each lane's estimator measured against the
  /// exact encoder gradient at the lane's current parameters.
  case toggleQuality
}

extension JobCommand {
  /// A command for the model race.
  package static func model(_ command: ModelRaceCommand) -> JobCommand {
    JobCommand(ModelRaceJob.self, command)
  }
}

/// The race of the digits VAE as a job: every lane stepped on the engine's queue, paced like
/// the training race (about 15 s for the whole race, never slower than the machine allows),
/// with a trace point every `setup.every` steps. How the steps are sliced never changes a
/// number: the race equals `samplegrad train --preset NAME` with the same settings.
package struct ModelRaceJob: ViewJob {
  package let setup: VAERaceSetup
  package let title: String
  package let pacing: RacePacing
  private var lanes: [VAELane]
  private var traces: [[VAETracePoint]]
  package private(set) var isPaused = false
  package private(set) var showsQuality = false
  private var quality: [ModelLaneQuality] = []
  private var qualityStep = -1
  /// When quality was last measured: it is measured again at most every `qualityInterval`
  /// seconds while the race runs, so the race keeps its pace with `g` on.
  private var qualityTime: DispatchTime?
  private var elapsed = 0.0
  private var lastWork: DispatchTime?

  /// Estimates per lane behind "gradient quality now".
  package static let qualitySamples = 100
  /// Seconds between two measurements of quality while the race runs.
  package static let qualityInterval = 0.75
  /// Test digits shown with each lane's reconstruction.
  package static let digits = 12

  package init(setup: VAERaceSetup, title: String, pacing: RacePacing = RacePacing()) {
    self.setup = setup
    self.title = title
    self.pacing = pacing
    let start = VAEParameters.initial(latents: setup.latents)
    lanes = setup.estimators.map { VAELane(kind: $0, setup: setup, start: start) }
    // Every lane starts from the same parameters at step 0 with no evaluations, so they share
    // their first point: exact metrics over 2^D states per image take seconds at D = 16, and
    // once per lane they kept the screen blank for ten seconds on digits-vae-16.
    let first = lanes.first.map { VAEMetrics.point($0, seed: setup.seed) }
    traces = lanes.map { _ in first.map { [$0] } ?? [] }
  }

  package static func route(_ command: ModelRaceCommand) -> JobRoute {
    switch command {
    case .open: .open
    case .close: .close
    case .togglePause, .restart, .toggleQuality: .own
    }
  }

  package static func opening(
    _ command: ModelRaceCommand, from start: JobStart, running: ModelRaceJob?
  ) -> ModelRaceJob? {
    guard case .open(let setup, let title) = command else { return nil }
    if let running, running.setup == setup { return running }
    return ModelRaceJob(setup: setup, title: title, pacing: start.pacing)
  }

  package mutating func apply(_ command: ModelRaceCommand) {
    switch command {
    case .togglePause:
      isPaused.toggle()
      if isPaused { rest() }
    case .restart:
      self = ModelRaceJob(setup: setup, title: title, pacing: pacing)
    case .toggleQuality:
      showsQuality.toggle()
      qualityStep = -1
      quality = []
      qualityTime = nil
    case .open, .close:
      break
    }
  }

  package var step: Int { lanes.map(\.step).min() ?? 0 }
  package var isFinished: Bool { lanes.allSatisfy { $0.step >= setup.steps || $0.stopped != nil } }

  package var hasWork: Bool {
    (!isPaused && !isFinished) || (showsQuality && qualityStep != step)
  }

  /// Whether quality should be measured now: it is stale and the race has stopped, or it has
  /// never been measured, or the last measurement is `qualityInterval` seconds old.
  private var qualityIsDue: Bool {
    guard showsQuality, qualityStep != step else { return false }
    guard !isPaused, !isFinished, let qualityTime else { return true }
    return DispatchTime.now().seconds(since: qualityTime) >= Self.qualityInterval
  }

  package mutating func work(timing: BatchTiming) {
    if qualityIsDue {
      measureQuality()
      qualityTime = DispatchTime.now()
      return
    }
    guard !isPaused, !isFinished else { return }
    let now = DispatchTime.now()
    if let lastWork { elapsed += min(now.seconds(since: lastWork), 0.25) }
    lastWork = now
    // The chart's step axis is linear: so is the pace.
    let due = pacing.linearStep(after: elapsed, of: setup.steps)
    guard due > step else {
      Thread.sleep(forTimeInterval: timing.targetSeconds)
      return
    }
    let started = DispatchTime.now()
    // One step of every lane at a time, within a slice.
    while step < due, DispatchTime.now().seconds(since: started) < timing.targetSeconds {
      advance(1)
      if isFinished { break }
    }
  }

  /// `steps` more steps of every lane (to the race's end at most), each trace point recorded
  /// as `train` records it.
  package mutating func advance(_ steps: Int) {
    for _ in 0..<steps {
      let target = step + 1
      for i in lanes.indices {
        lanes[i].advance(target - lanes[i].step, setup: setup)
        if lanes[i].stopped == nil, setup.isTraced(step: lanes[i].step),
          traces[i].last?.step != lanes[i].step
        {
          traces[i].append(VAEMetrics.point(lanes[i], seed: setup.seed))
        }
      }
      if isFinished { return }
    }
  }

  /// Each lane's estimator against the exact encoder gradient at its parameters now, on the
  /// batch of the step it is at.
  package mutating func measureQuality() {
    qualityStep = step
    guard setup.isExact else {
      quality = []
      return
    }
    let rows = setup.rows(step: step)
    quality = lanes.map { lane in
      let exact = VAEExact(lane.parameters).batch(DigitsData.training, rows: rows)
      let reference = VAEGradientStatistics.encoderBlock(exact.gradient, lane.parameters)
      guard lane.kind != .exact,
        let r = try? VAEGradientStatistics.measure(
          lane.kind, parameters: lane.parameters, rows: rows, samples: Self.qualitySamples,
          seed: setup.seed &+ UInt64(step), temperature: setup.temperature,
          options: setup.options, reference: reference)
      else { return ModelLaneQuality(kind: lane.kind, relativeNoise: 0, meanCosine: 1, bias: 0) }
      let total = TotalSummary(moments: r.moments, exact: reference)
      return ModelLaneQuality(
        kind: lane.kind, relativeNoise: total.relativeNoise ?? .nan,
        meanCosine: total.meanCosine ?? .nan,
        bias: ModelLaneQuality.bias(r.moments, exact: reference))
    }
  }

  package mutating func rest() { lastWork = nil }

  package func publish() -> ModelRacePart {
    let test = DigitsData.test
    let originals = (0..<Self.digits).map { Array(test.image($0)) }
    let lanesOut = lanes.indices.map { i in
      ModelLaneSnapshot(
        kind: lanes[i].kind, trace: traces[i], evaluations: lanes[i].evaluations,
        stopped: lanes[i].stopped,
        reconstructions: originals.map { VAEReconstruction.means(lanes[i].parameters, image: $0) }
      )
    }
    return ModelRacePart(
      setup: setup, title: title, step: step, isPaused: isPaused, isFinished: isFinished,
      showsQuality: showsQuality,
      quality: showsQuality && qualityStep >= 0 ? quality : nil, qualityStep: qualityStep,
      lanes: lanesOut,
      originals: originals, isOpen: false,
      result: lanes.indices.map { i in
        VAELaneResult(
          kind: lanes[i].kind, trace: traces[i], parameters: lanes[i].parameters,
          evaluations: lanes[i].evaluations, stopped: lanes[i].stopped)
      })
  }
}
