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
}

/// The explorer on the terminal, for `explore` and `tour`: checks that there is a terminal,
/// takes it over, starts the engine on `scenario`, lets `start` set the explorer up (a tour
/// loads its first step), runs the loop until `q` or a signal, and gives the terminal back.
enum ExplorerSession {
  /// `suggestion` is the headless command offered when there is no terminal
  /// (`samplegrad run --preset NAME`).
  static func run(
    scenario: Scenario, seed: UInt64, display: DisplayFlags, suggestion: String,
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
      options: DisplayOptions(
        ascii: display.ascii || !unicode, color: terminal.usesColor, theme: display.theme))
    let effects = start(&explorer, engine.latest)
    var loop = ExplorerLoop(terminal: terminal, engine: engine, explorer: explorer)
    if let signal = loop.run(after: effects) { throw SignalExit(signal: signal) }
  }
}

extension ThemeName: ExpressibleByArgument {}
