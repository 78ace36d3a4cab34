import ArgumentParser
import Dispatch
import Foundation
import SampleGradCore
import SampleGradEngine
import SampleGradUI

/// `samplegrad explore` (the default): the live screen. The engine samples on its own queue;
/// this command's main loop reads keys, performs the explorer's effects and draws the
/// latest snapshot when something changed.
struct ExploreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explore",
    abstract: "Open the live explorer (the default).",
    discussion: """
      Watch the estimators sample live; change the parameters and the temperature with the \
      keys shown at the bottom (? lists them all, Tab in the help explains every symbol). \
      Needs an interactive terminal; for text output use 'samplegrad run'.

      Exit status: 0 on q, 130 on Ctrl-C, 131 on Ctrl-\\ (SIGQUIT), 143 on SIGTERM, 2 on \
      bad input or no terminal. Any other signal restores the terminal before it ends \
      the program.
      """
  )

  @OptionGroup var scenario: ScenarioOptions

  @Flag(name: .long, help: "Draw with ASCII characters only (no Unicode blocks or lines).")
  var ascii = false

  @Flag(name: .customLong("no-color"), help: "Draw without colour (also when NO_COLOR is set).")
  var noColor = false

  @Option(
    name: .long,
    help:
      "Colours: dark (light text on a dark terminal), light (dark on light, for projectors) or mono."
  )
  var theme: ThemeName = .dark

  @Flag(
    name: .customLong("no-mouse"),
    help: "Leave the mouse to the terminal (by default a click selects and the wheel changes).")
  var noMouse = false

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let loaded: Scenario
    do {
      loaded = try scenario.load()
    } catch {
      throw Failure.scenario(error)
    }
    if let problem = TerminalRequirements.problem(environment: environment) {
      let line = TerminalRequirements.message(problem: problem, preset: scenario.preset)
      throw Failure.lines([line])
    }
    // Runs this program again (same pid and arguments) if the crash report setting must
    // change; see `CrashReportSetting`. Returns when nothing needs changing or exec failed.
    CrashReportSetting.restartIfInteractive(environment: environment)
    let unicode = TerminalRequirements.configureLocale()
    let terminal: TerminalSession
    do {
      terminal = try TerminalSession.open(
        color: theme != .mono && !noColor && environment["NO_COLOR"] == nil, unicode: unicode,
        mouse: !noMouse)
    } catch {
      throw Failure.lines([error.description])
    }
    defer { terminal.close() }

    let engine = SamplingEngine(
      scenario: loaded, seed: scenario.seed ?? loaded.seed ?? Scenario.defaultSeed)
    engine.start()
    defer { engine.stop() }

    var loop = ExplorerLoop(
      terminal: terminal, engine: engine,
      explorer: Explorer(
        presets: PresetLibrary.standard().summaries(),
        options: DisplayOptions(
          ascii: ascii || !unicode, color: terminal.usesColor, theme: theme)))
    if let signal = loop.run() { throw SignalExit(signal: signal) }
  }
}

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

  /// Runs until `q` (returns nil), or Ctrl-C, Ctrl-\\ or SIGTERM (returns the signal).
  mutating func run() -> Int32? {
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
      try files.text.write(toFile: files.baseName + ".txt", atomically: true, encoding: .utf8)
      try files.json.write(toFile: files.baseName + ".json", atomically: true, encoding: .utf8)
      explorer.show(message: "wrote \(files.baseName).txt and .json in \(folder)")
    } catch {
      explorer.show(
        message: "cannot write \(files.baseName).txt in \(folder): \(error.localizedDescription)")
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
    race = snapshot.race.map {
      RaceMark(
        step: $0.step, isPaused: $0.isPaused, isOpen: $0.isOpen, stepsPerSecond: $0.stepsPerSecond,
        learningRate: $0.settings.learningRate, message: $0.message)
    }
  }
}

extension ThemeName: ExpressibleByArgument {}
