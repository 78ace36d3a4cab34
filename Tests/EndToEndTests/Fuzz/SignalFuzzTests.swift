import Foundation
import Testing

/// Every signal that ends the explorer, in every view it can be in: the terminal comes back
/// each time (the modes `stty -g` saw before, the normal screen, a visible cursor, and mouse
/// reporting off: issue 21 found mode 1000 left on by eight of them), with the exit status
/// of that signal. The mouse is checked on before the signal, so a reset that forgets it
/// fails here.
@Suite(
  "Fuzz: signals in every view",
  .enabled(if: TmuxSession.executable != nil, "tmux is not installed"),
  .timeLimit(.minutes(6)))
struct SignalFuzzTests {
  /// A view of the explorer, how to open it and how to see that it is open.
  struct View: Sendable, CustomStringConvertible {
    let description: String
    /// The arguments after the binary: the explorer, or the tour player.
    var arguments = ["explore"]
    /// Keys to press once the first screen is up.
    var keys: [String] = []
    let isOpen: @Sendable (String) -> Bool
  }

  static let views: [View] = [
    View(description: "live", isOpen: ExplorerInTmuxTests.showsHistogram),
    View(description: "help", keys: ["?"], isOpen: { $0.contains("Tab") && $0.contains("quit") }),
    View(
      description: "preset picker", keys: ["p"],
      isOpen: { $0.contains("gaussian-reparameterization") }),
    View(description: "sweep", keys: ["w"], isOpen: { $0.contains("Sweep over") }),
    View(description: "race", keys: ["T"], isOpen: { RaceInTmuxTests.step(in: $0) != nil }),
    View(
      description: "overview", keys: ["o"], isOpen: { OverviewInTmuxTests.samples(in: $0) != nil }),
    View(
      description: "tour", arguments: ["tour", "backprop-through-samples"],
      isOpen: { $0.contains("step 1/15") }),
  ]

  /// Every catchable signal whose default action ends a program, bar the crashes (their
  /// reports are `SignalRestoreTests`'): SIGINT, SIGTERM and SIGQUIT ask the loop to stop,
  /// the others restore the terminal in the handler.
  static let signals: [(String, Int32)] = [
    ("SIGHUP", SIGHUP), ("SIGINT", SIGINT), ("SIGQUIT", SIGQUIT), ("SIGTERM", SIGTERM),
    ("SIGPIPE", SIGPIPE), ("SIGUSR1", SIGUSR1), ("SIGUSR2", SIGUSR2), ("SIGALRM", SIGALRM),
    ("SIGVTALRM", SIGVTALRM), ("SIGXCPU", SIGXCPU), ("SIGXFSZ", SIGXFSZ), ("SIGPROF", SIGPROF),
  ]

  /// Under the thread sanitizer every signal still runs, in a third of the views (a
  /// different third for each signal, so every view is still visited).
  static var matrix: [(view: View, signal: (String, Int32))] {
    var pairs: [(view: View, signal: (String, Int32))] = []
    for (s, signal) in signals.enumerated() {
      for (v, view) in views.enumerated() where (v + s) % Fuzz.share == 0 {
        pairs.append((view, signal))
      }
    }
    return pairs
  }

  @Test("each signal in each view restores the terminal and exits 128 + N")
  func everySignalInEveryView() throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let matrix = Self.matrix
    let found = Fuzz.run(matrix.count, seed: 0, workers: 4) { index, _ in
      let (view, (name, signal)) = matrix[index]
      return try Self.problems(binary: binary, view: view, name: name, signal: signal)
        .map { "\(name) in the \(view) view: \($0)" }
    }
    Fuzz.expectNone(found)
  }

  /// What went wrong when `signal` ended the program in `view`.
  static func problems(binary: String, view: View, name: String, signal: Int32) throws
    -> [String]
  {
    let tmux = try TmuxSession(
      [binary] + view.arguments, width: 100, height: 32,
      environment: ExplorerInTmuxTests.environment)
    defer { tmux.close() }
    guard tmux.waitForScreen(seconds: 30, { $0.contains("χ² p") }) != nil else {
      return ["no first screen:\n\(tmux.screen())"]
    }
    if !view.keys.isEmpty { try tmux.send(view.keys.joined()) }
    guard tmux.waitForScreen(seconds: 30, view.isOpen) != nil else {
      return ["the view did not open:\n\(tmux.screen())"]
    }
    var found: [String] = []
    if !tmux.mouseModes().contains("standard") { found.append("the mouse was not on") }
    guard let pid = tmux.programPID() else { return found + ["no pid"] }
    kill(pid, signal)
    let status = tmux.waitForExit(seconds: 20)
    if status != 128 + signal { found.append("exit \(status.map(String.init) ?? "none")") }
    if !tmux.terminalRestored { found.append("stty -g differs before and after") }
    let modes = tmux.modes()
    if modes?.alternateScreen != false { found.append("still on the alternate screen") }
    if modes?.cursorVisible != true { found.append("the cursor is hidden") }
    let mouse = tmux.mouseModes()
    if !mouse.isEmpty { found.append("mouse reporting still on: \(mouse)") }
    if signal == SIGQUIT, !tmux.screen().contains("samplegrad: quit (SIGQUIT)") {
      found.append("no quit line")
    }
    return found
  }
}
