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
  /// `--record`: every frame drawn goes to the recording too.
  var recording: SessionRecording?

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
    var lastKey: RedrawKey?
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
      let key = snapshot.redrawKey
      if key != lastKey { dirty = true }
      let now = DispatchTime.now().uptimeNanoseconds
      let due = lastFrame + frameInterval
      if dirty, now >= due {
        draw(snapshot)
        lastKey = key
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
      case .job(let command):
        engine.send(command)
      case .loadPreset(let summary) where VAEPreset.isModel(path: summary.path):
        // A model preset from the picker: its race, over the scenario on screen.
        do {
          let model = try VAEPreset.load(path: summary.path)
          guard perform(explorer.openModel(model)) else { return false }
        } catch {
          explorer.show(
            message: "cannot load \(summary.name): \(error.lines.first ?? error.description)")
        }
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

  /// Writes the files of the view on screen (the live screen's text and numbers, a sweep's
  /// curves, a race, the overview's table) to the current folder and says where.
  private mutating func export() {
    let size = terminal.size
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    let files: ExportFiles
    do throws(NothingToExport) {
      files = try explorer.export(
        engine.latest, width: size.width, height: size.height,
        stamp: formatter.string(from: Date()))
    } catch {
      explorer.show(message: error.reason)
      return
    }
    let folder = FileManager.default.currentDirectoryPath
    do {
      let name = try ExportWriter.write(
        baseName: files.baseName, files: files.files.map { ($0.fileExtension, $0.contents) },
        in: folder)
      let extensions = files.files.map { "." + $0.fileExtension }
      let rest = extensions.dropFirst()
      explorer.show(
        message: "wrote \(name)\(extensions.first ?? "")"
          + (rest.isEmpty ? "" : " and " + rest.joined(separator: ", ")) + " in \(folder)")
    } catch {
      explorer.show(message: "cannot write \(files.baseName) in \(folder): \(error)")
    }
  }

  private mutating func draw(_ snapshot: Snapshot) {
    let size = terminal.size
    var buffer = Buffer(width: size.width, height: size.height)
    explorer.render(snapshot, into: &buffer)
    terminal.draw(buffer)
    if recording?.record(buffer) == false {
      let file = recording?.file
      recording = nil
      explorer.show(
        message: "recording stopped: cannot write \(file?.path ?? ""): \(file?.failure ?? "")")
    }
  }
}
