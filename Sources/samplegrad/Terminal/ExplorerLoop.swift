import Dispatch
import Foundation
import SampleGradCore
import SampleGradEngine
import SampleGradUI

/// The explorer's main loop, on the main thread: keys in, effects out, a frame drawn only
/// when the snapshot or the screen state changed, at most `framesPerSecond` times a second.
/// Paused with no keys, it only waits for input (no drawing at all).
struct ExplorerLoop {
  let terminal: TerminalSession
  let engine: SamplingEngine
  var explorer: Explorer

  static let framesPerSecond: UInt64 = 30
  /// How long one wait for a key lasts when no frame is due. Short while the screen moves
  /// (the engine answers a key within a batch); longer once nothing has been drawn for
  /// `stillAfter` (paused), so an idle explorer wakes a few times a second only. Also the
  /// longest a stop signal (SIGINT, SIGTERM, SIGQUIT) waits to be noticed.
  static let activeWaitMilliseconds = 30
  static let stillWaitMilliseconds = 120
  static let stillAfter: UInt64 = 1_000_000_000

  /// Performs `effects` (a tour's first step), then runs until `q` (returns nil), or Ctrl-C,
  /// Ctrl-\\ or SIGTERM (returns the signal).
  mutating func run(after effects: [ExplorerEffect] = []) -> Int32? {
    if !perform(effects) { return nil }
    let frameInterval = 1_000_000_000 / Self.framesPerSecond
    var lastMark: FrameMark?
    var lastFrame: UInt64 = 0
    var dirty = true
    var wait = 0
    while true {
      if let signal = SignalGuard.stopSignal { return signal }
      if let event = terminal.nextEvent(waitingUpTo: wait) {
        switch event {
        case .resize:
          terminal.invalidate()
        case .key(.interrupt):
          return SIGINT
        case .key(let key):
          fitExplorerToScreen()
          if !perform(explorer.handle(key, snapshot: engine.latest)) { return nil }
        case .mouse(let event):
          fitExplorerToScreen()
          if !perform(explorer.handle(event, snapshot: engine.latest)) { return nil }
        }
        dirty = true
      }
      let snapshot = engine.latest
      let mark = FrameMark(snapshot)
      if mark != lastMark { dirty = true }
      let now = DispatchTime.now().uptimeNanoseconds
      let due = lastFrame + frameInterval
      if dirty, now >= due {
        draw(snapshot)
        lastMark = mark
        lastFrame = now
        dirty = false
      }
      if dirty {
        wait = Int((due - min(now, due)) / 1_000_000) + 1
      } else {
        let still = now - lastFrame >= Self.stillAfter
        wait = still ? Self.stillWaitMilliseconds : Self.activeWaitMilliseconds
      }
    }
  }

  /// Performs the effects of one key; false means quit.
  private mutating func perform(_ effects: [ExplorerEffect]) -> Bool {
    for effect in effects {
      switch effect {
      case .send(let command):
        engine.send(command)
      case .sweep(let command):
        engine.send(command)
      case .race(let command):
        engine.send(race: command)
      case .overview(let command):
        engine.send(overview: command)
      case .loadPreset(let summary):
        do {
          engine.send(.load(try ScenarioDecoder.load(path: summary.path)))
        } catch {
          explorer.show(message: error.lines.first ?? error.description)
        }
      case .export:
        export()
      case .quit:
        return false
      }
    }
    return true
  }

  /// Tells the explorer the screen's size, so keys and clicks are judged against it.
  private mutating func fitExplorerToScreen() {
    let size = terminal.size
    explorer.screenWidth = size.width
    explorer.screenHeight = size.height
  }

  /// Writes the screen and the numbers to two files in the current folder and says where.
  private mutating func export() {
    let size = terminal.size
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    let files = explorer.export(
      engine.latest, width: size.width, height: size.height, stamp: formatter.string(from: Date()))
    let folder = FileManager.default.currentDirectoryPath
    do {
      let name = try ExportWriter.write(
        baseName: files.baseName, text: files.text, json: files.json, in: folder)
      explorer.show(message: "wrote \(name).txt and .json in \(folder)")
    } catch {
      explorer.show(message: "cannot write \(files.baseName).txt in \(folder): \(error)")
    }
  }

  private func draw(_ snapshot: Snapshot) {
    let size = terminal.size
    var buffer = Buffer(width: size.width, height: size.height)
    explorer.render(snapshot, into: &buffer)
    terminal.draw(buffer)
  }
}

/// What decides whether a new snapshot needs a new frame.
private struct FrameMark: Equatable {
  var generation: Int
  var samples: Int
  var isPaused: Bool
  var samplesPerSecond: Double
  var message: String?
  var estimators: [Int]
  var enabled: [Bool]
  /// The sweep's round, whole percent of the next one, and state.
  var sweep: [Int]
  var race: RaceMark?
  /// The overview's round, whole percent of the next one, and state.
  var overview: [Int]

  /// What of the race decides a redraw.
  struct RaceMark: Equatable {
    var step: Int
    var isPaused: Bool
    var isOpen: Bool
    var stepsPerSecond: Double
    var learningRate: Double
    var message: String?
  }

  init(_ snapshot: Snapshot) {
    generation = snapshot.generation
    samples = snapshot.samples
    isPaused = snapshot.isPaused
    samplesPerSecond = snapshot.samplesPerSecond
    message = snapshot.message
    estimators = snapshot.estimators.map(\.samples)
    enabled = snapshot.estimators.map(\.isEnabled)
    sweep =
      snapshot.sweep.map {
        [$0.samples, Int($0.progress * 100), $0.isPaused ? 1 : 0, $0.isOpen ? 1 : 0]
      } ?? []
    overview =
      snapshot.overview.map {
        [$0.samples, Int($0.progress * 100), $0.isPaused ? 1 : 0, $0.isOpen ? 1 : 0]
      } ?? []
    race = snapshot.race.map {
      RaceMark(
        step: $0.step, isPaused: $0.isPaused, isOpen: $0.isOpen, stepsPerSecond: $0.stepsPerSecond,
        learningRate: $0.settings.learningRate, message: $0.message)
    }
  }
}
