import Foundation
import Testing

/// The explorer as a user meets it: a real terminal (a tmux pane), real keys, and the
/// terminal settings compared before and after. Serialized: each run samples on a full core.
@Suite(.serialized, .enabled(if: TmuxSession.executable != nil, "tmux is not installed"))
struct ExplorerInTmuxTests {
  /// Presets come from the package only, whatever the user keeps in ~/.config.
  static let environment = [
    "XDG_CONFIG_HOME": FileManager.default.temporaryDirectory.appendingPathComponent(
      "samplegrad-e2e-no-config"
    ).path,
    "SAMPLEGRAD_PRESETS": "",
  ]

  @Test func defaultScreenTakesKeysAndRestoresTheTerminal() throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let tmux = try TmuxSession([binary], environment: Self.environment)
    defer { tmux.close() }

    let first = tmux.waitForScreen { Self.showsHistogram($0) && Self.temperature(in: $0) != nil }
    #expect(first != nil, "the explorer never showed its histogram:\n\(tmux.screen())")
    #expect(Self.temperature(in: first ?? "") == "0.5")

    try tmux.send("]")
    let warmer = tmux.waitForScreen { Self.temperature(in: $0) == "0.625" }
    #expect(warmer != nil, "] did not raise the temperature to 0.625:\n\(tmux.screen())")

    try tmux.send("p")
    let picker = tmux.waitForScreen {
      $0.contains("bias-and-variance") && $0.contains("gaussian-reparameterization")
    }
    #expect(picker != nil, "p did not list the presets:\n\(tmux.screen())")

    try tmux.send("Escape")
    let closed = tmux.waitForScreen { !$0.contains("gaussian-reparameterization") }
    #expect(closed != nil, "Escape did not close the preset list:\n\(tmux.screen())")

    try tmux.send("q")
    let status = tmux.waitForExit()
    #expect(status == 0, "q should exit 0:\n\(tmux.screen())")
    #expect(tmux.terminalRestored, "stty -g differs before and after the explorer")
  }

  @Test func ctrlCLeavesWith130AndRestoresTheTerminal() throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let tmux = try TmuxSession(
      [binary, "explore"], width: 80, height: 24, environment: Self.environment)
    defer { tmux.close() }

    #expect(tmux.waitForScreen(Self.showsHistogram) != nil, "no histogram:\n\(tmux.screen())")
    try tmux.send("C-c")
    #expect(tmux.waitForExit() == 130)
    #expect(tmux.terminalRestored, "stty -g differs before and after the explorer")
  }

  @Test func sigtermLeavesWith143AndRestoresTheTerminal() throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let tmux = try TmuxSession([binary, "explore"], environment: Self.environment)
    defer { tmux.close() }

    #expect(tmux.waitForScreen(Self.showsHistogram) != nil, "no histogram:\n\(tmux.screen())")
    let pid = try #require(tmux.programPID(), "cannot find the explorer's pid")
    #expect(kill(pid, SIGTERM) == 0)
    #expect(tmux.waitForExit() == 143)
    #expect(tmux.terminalRestored, "stty -g differs before and after the explorer")
  }

  @Test func dumbTerminalGetsOneLineAndStatus2() throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let tmux = try TmuxSession(
      [binary, "explore"], environment: Self.environment, term: "dumb")
    defer { tmux.close() }

    #expect(tmux.waitForExit() == 2)
    let screen = tmux.screen()
    #expect(
      screen.contains("samplegrad: error: the explorer needs an interactive terminal (TERM=dumb)"))
    #expect(tmux.terminalRestored)
  }

  // MARK: - Reading the screen

  /// The samples panel: the histogram of outcomes with its chi-square line, once sampling
  /// has started.
  static func showsHistogram(_ screen: String) -> Bool {
    screen.contains("Samples") && screen.contains("χ² p") && screen.contains("█")
  }

  /// The temperature as the header prints it (`temperature τ 0.5`).
  static func temperature(in screen: String) -> String? {
    let pattern = #"(?:τ|temperature)\s*=?\s*([0-9]+(?:\.[0-9]+)?)"#
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
    let range = NSRange(screen.startIndex..., in: screen)
    guard let match = regex.firstMatch(in: screen, range: range),
      let value = Range(match.range(at: 1), in: screen)
    else { return nil }
    return String(screen[value])
  }
}

/// Without a terminal the explorer must not wait for a `q` that never comes.
struct ExplorerWithoutTerminalTests {
  @Test func noTTYExitsWith2AndOneLine() throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = "xterm-256color"
    let started = Date()
    let result = try ChildProcess.run(binary, ["explore"], environment: environment, deadline: 20)
    #expect(!result.timedOut, "samplegrad explore without a terminal did not exit")
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
    let lines = result.standardError.split(separator: "\n")
    #expect(lines.count == 1, "expected one line, got:\n\(result.standardError)")
    #expect(
      lines.first?.hasPrefix("samplegrad: error: the explorer needs an interactive terminal")
        == true)
    #expect(result.standardError.contains("samplegrad run --preset bias-and-variance"))
  }

  @Test func unknownPresetExitsWith2() throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let result = try ChildProcess.run(binary, ["explore", "--preset", "no-such-preset"])
    #expect(result.status == 2)
    #expect(
      result.standardError.hasPrefix(
        "samplegrad: error: --preset: no such preset 'no-such-preset' (known: "))
    #expect(result.standardError.hasSuffix("(see 'samplegrad explore --help')\n"))
  }
}
