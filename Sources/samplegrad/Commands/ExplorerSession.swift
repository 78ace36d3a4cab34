import ArgumentParser
import Foundation
import SampleGradCore
import SampleGradEngine
import SampleGradUI

/// How the live screen is drawn: the options `explore` and `tour` share.
struct DisplayFlags: ParsableArguments {
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

  @Option(
    name: .long,
    help: ArgumentHelp(
      "How chart lines are drawn: braille (2x4 dots per cell) or glyphs (one per cell).",
      discussion:
        "Default: braille with Unicode and colour, glyphs in mono, with --no-color and --ascii."
    ))
  var charts: ChartStyle?

  @Option(
    name: .long, help: "Record the session as an asciicast v2 file (asciinema play FILE).",
    completion: .file(extensions: ["cast"]))
  var record: String?

  /// The display options for a terminal that does (or does not) show colour and Unicode.
  func options(color: Bool, unicode: Bool) -> DisplayOptions {
    DisplayOptions(ascii: ascii || !unicode, color: color, theme: theme, charts: charts)
  }
}

/// The explorer on the terminal, for `explore` and `tour`: checks that there is a terminal,
/// takes it over, starts the engine on `scenario`, lets `start` set the explorer up (a tour
/// loads its first step), runs the loop until `q` or a signal, and gives the terminal back.
enum ExplorerSession {
  /// `suggestion` is the headless command offered when there is no terminal
  /// (`samplegrad run --preset NAME`).
  /// `title` names a recording (`--record`).
  static func run(
    scenario: Scenario, seed: UInt64, display: DisplayFlags, suggestion: String, title: String,
    start: (inout Explorer, Snapshot) -> [ExplorerEffect] = { _, _ in [] }
  ) throws {
    let environment = ProcessInfo.processInfo.environment
    if let problem = TerminalRequirements.problem(environment: environment) {
      throw Failure.lines([
        "the explorer needs an interactive terminal (\(problem)); for text output use '\(suggestion)'"
      ])
    }
    // Runs this program again (same pid and arguments) if the crash report setting must
    // change; see `CrashReportSetting`. Returns when nothing needs changing or exec failed.
    CrashReportSetting.restartIfInteractive(environment: environment)
    let unicode = TerminalRequirements.configureLocale()
    // Created before the screen opens: a path that cannot be written is one line, exit 2.
    let recording = try display.record.map { path throws(Failure) in
      try CastFile(path: path, flag: "--record")
    }
    let terminal: TerminalSession
    do {
      terminal = try TerminalSession.open(
        color: display.theme != .mono && !display.noColor && environment["NO_COLOR"] == nil,
        unicode: unicode, mouse: !display.noMouse)
    } catch {
      throw Failure.lines([error.description])
    }
    defer { terminal.close() }

    let engine = SamplingEngine(scenario: scenario, seed: seed)
    engine.start()
    defer { engine.stop() }

    var explorer = Explorer(
      // A model preset in the picker opens its race (`ExplorerLoop`), over the scenario.
      presets: PresetLibrary.standard().summaries(),
      options: display.options(color: terminal.usesColor, unicode: unicode))
    let effects = start(&explorer, engine.latest)
    var loop = ExplorerLoop(terminal: terminal, engine: engine, explorer: explorer)
    if let recording {
      let size = terminal.size
      loop.recording = SessionRecording(
        file: recording, width: size.width, height: size.height, color: terminal.usesColor,
        title: title)
    }
    defer { loop.recording?.finish() }
    if let signal = loop.run(after: effects) { throw SignalExit(signal: signal) }
  }
}

extension ThemeName: ExpressibleByArgument {}
extension ChartStyle: ExpressibleByArgument {}
