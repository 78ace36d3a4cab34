import Dispatch
import SampleGradCore
import SampleGradEngine

/// A whole tour rendered without a terminal into frames for a recording
/// (`samplegrad tour NAME --cast FILE.cast`): the engine's jobs run here, synchronously, and
/// the explorer plays the tour as it would on screen. Each step is drawn once its samples
/// are in (the step's `samples` for the live statistics and the overview, a finished race,
/// a sweep refined to that many samples per point), with its caption in a box first where
/// the screen has no room for all of it (turning the box's pages), then the screen alone.
package struct TourCast: Sendable {
  package var width: Int
  package var height: Int
  /// How long each step stays on screen when the recording plays.
  package var stepSeconds: Double
  package var options: DisplayOptions
  /// The longest a step samples (wall-clock seconds) before it is drawn anyway.
  package var stepLimit = 120.0
  /// The samples a live or overview step waits for when the tour does not say.
  package static let defaultSamples = 100_000

  package init(width: Int, height: Int, stepSeconds: Double, options: DisplayOptions) {
    self.width = width
    self.height = height
    self.stepSeconds = stepSeconds
    self.options = options
  }

  /// One screen of the recording and when it starts to show.
  package struct Frame: Sendable {
    package let time: Double
    package let buffer: Buffer
  }

  /// The frames of `playback` from its first step to its last, with `seed`; `progress` is
  /// told each step's number (from 1) as it starts.
  package func frames(
    _ playback: TourPlayback, seed: UInt64, presets: [PresetSummary],
    progress: (Int) -> Void = { _ in }
  ) -> [Frame] {
    var timing = BatchTiming()
    // Small batches and a point of the variance chart after each, so a chart sampled in a
    // fraction of a second still draws its lines.
    timing.targetSeconds = 0.002
    timing.historyInterval = 0
    var host = JobHost(scenario: playback.scenarios[0], seed: seed, timing: timing)
    host.pacing = RacePacing(seconds: 0)
    var explorer = Explorer(presets: presets, options: options)
    explorer.screenWidth = width
    explorer.screenHeight = height
    Self.perform(explorer.play(playback, snapshot: host.snapshot()), on: &host)
    var frames: [Frame] = []
    for (index, step) in playback.tour.steps.enumerated() {
      progress(index + 1)
      if index > 0 {
        Self.perform(explorer.handle(.character(" "), snapshot: host.snapshot()), on: &host)
      }
      settle(&host, step: step)
      let snapshot = host.snapshot()
      let start = Double(index) * stepSeconds
      var boxed = explorer
      _ = boxed.handle(.character("c"), snapshot: snapshot)
      if boxed.tour?.showsCaption == true {
        // The caption first, a page at a time, for most of the step; then the screen alone.
        let pages = max(boxed.captionPages(snapshot), 1)
        let captionTime = stepSeconds * 0.6
        for page in 0..<pages {
          frames.append(
            Frame(
              time: start + captionTime * Double(page) / Double(pages),
              buffer: render(boxed, snapshot)))
          _ = boxed.handle(.character("c"), snapshot: snapshot)
        }
        frames.append(Frame(time: start + captionTime, buffer: render(explorer, snapshot)))
      } else {
        frames.append(Frame(time: start, buffer: render(explorer, snapshot)))
      }
    }
    return frames
  }

  /// The recording of `frames` as asciicast lines: the header, the events, and a last event
  /// that holds the last frame to the end of its step (each step lasts `stepSeconds`).
  package func cast(_ frames: [Frame], title: String) -> [String] {
    var recorder = CastRecorder(color: options.theme != .mono)
    var lines = [Asciicast.header(width: width, height: height, timestamp: nil, title: title)]
    for frame in frames { lines += recorder.record(frame.buffer, at: frame.time) }
    let last = frames.last.map { $0.time } ?? 0
    let end = ((last / stepSeconds).rounded(.down) + 1) * stepSeconds
    lines.append(recorder.finish(at: end))
    return lines
  }

  private func render(_ explorer: Explorer, _ snapshot: Snapshot) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    explorer.render(snapshot, into: &buffer)
    return buffer
  }

  /// Works the job on screen until the step's numbers are in, or `stepLimit` has passed.
  private func settle(_ host: inout JobHost, step: TourStep) {
    let target = step.samples ?? Self.defaultSamples
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(stepLimit * 1e9)
    var slices = 0
    while host.hasWork, DispatchTime.now().uptimeNanoseconds < deadline {
      if slices % 8 == 0, Self.isReady(host.snapshot(), view: step.view, samples: target) {
        break
      }
      host.work()
      slices += 1
    }
  }

  /// Whether the view's numbers are in: the live rows' samples, a race at its end, a sweep
  /// or an overview refined to `samples` (or as far as it goes).
  static func isReady(_ snapshot: Snapshot, view: TourView, samples: Int) -> Bool {
    switch view {
    case .live:
      return snapshot.samples >= samples
    case .sweep:
      guard let sweep = snapshot.sweep, sweep.result != nil else { return false }
      return sweep.isFinished || sweep.samples >= min(samples, sweep.maximumSamples)
    case .race:
      return snapshot.race?.isFinished == true
    case .overview:
      guard let overview = snapshot.overview, !overview.overviews.isEmpty else { return false }
      return overview.isFinished || overview.samples >= min(samples, overview.maximumSamples)
    }
  }

  /// Does what the explorer asks of the outside world, on the engine's jobs.
  static func perform(_ effects: [ExplorerEffect], on host: inout JobHost) {
    for effect in effects {
      switch effect {
      case .send(let command): host.apply(.live(command))
      case .job(let command): host.apply(.job(command))
      case .loadPreset, .export, .quit: break
      }
    }
  }
}
