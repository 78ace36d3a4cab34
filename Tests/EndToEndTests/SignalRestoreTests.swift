import Foundation
import Testing

/// Issue 12, item 2: every signal that ends the explorer gives the terminal back: the modes
/// `stty -g` reported before, the normal screen and a visible cursor. SIGPIPE, SIGUSR1 and
/// the others below used to leave it raw, on the alternate screen, with the cursor hidden.
/// Issue 21, fault 2: and with mouse reporting off, which they left on (mode 1000).
@Suite(.serialized, .enabled(if: TmuxSession.executable != nil, "tmux is not installed"))
struct SignalRestoreTests {
  static let fatal: [(String, Int32)] = [
    ("SIGPIPE", SIGPIPE), ("SIGUSR1", SIGUSR1), ("SIGUSR2", SIGUSR2), ("SIGALRM", SIGALRM),
    ("SIGVTALRM", SIGVTALRM), ("SIGXCPU", SIGXCPU), ("SIGXFSZ", SIGXFSZ), ("SIGHUP", SIGHUP),
    ("SIGPROF", SIGPROF),
  ]

  /// Starts the explorer, waits for its first histogram, and returns the session and pid.
  func explorer() throws -> (TmuxSession, pid_t) {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let tmux = try TmuxSession(
      [binary, "explore"], width: 80, height: 24, environment: ExplorerInTmuxTests.environment)
    let shown = tmux.waitForScreen(ExplorerInTmuxTests.showsHistogram)
    #expect(shown != nil, "no histogram:\n\(tmux.screen())")
    let pid = try #require(tmux.programPID(), "cannot find the explorer's pid")
    // The explorer asks for clicks: a reset that forgets the mouse has something to forget.
    #expect(tmux.mouseModes().contains("standard"), "the explorer did not turn the mouse on")
    return (tmux, pid)
  }

  func expectRestored(_ tmux: TmuxSession, _ name: String) {
    #expect(tmux.terminalRestored, "\(name): stty -g differs before and after the explorer")
    let modes = tmux.modes()
    #expect(modes?.alternateScreen == false, "\(name): still on the alternate screen")
    #expect(modes?.cursorVisible == true, "\(name): the cursor is still hidden")
    #expect(tmux.mouseModes().isEmpty, "\(name): mouse reporting still on")
  }

  @Test("a signal that ends the explorer restores the terminal first", arguments: fatal)
  func fatalSignal(name: String, signal: Int32) throws {
    let (tmux, pid) = try explorer()
    defer { tmux.close() }
    #expect(kill(pid, signal) == 0)
    #expect(tmux.waitForExit() == 128 + signal, "\(name):\n\(tmux.screen())")
    expectRestored(tmux, name)
  }

  @Test("Ctrl-\\ (SIGQUIT) exits 131 with one line, not a crash report")
  func quit() throws {
    let (tmux, _) = try explorer()
    defer { tmux.close() }
    try tmux.send("C-\\")
    #expect(tmux.waitForExit() == 131, "\(tmux.screen())")
    expectRestored(tmux, "SIGQUIT")
    let screen = tmux.screen()
    #expect(screen.contains("samplegrad: quit (SIGQUIT)"), "\(screen)")
    #expect(!screen.contains("crashed"), "\(screen)")
  }

  @Test("the explorer restarts itself once so a crash report never waits for a key")
  func crashReportIsNotInteractive() throws {
    let (tmux, pid) = try explorer()
    defer { tmux.close() }
    // Same pid as the shell started (execv), renamed nowhere, with the setting.
    let environ = try String(contentsOfFile: "/proc/\(pid)/environ", encoding: .isoLatin1)
    #expect(environ.split(separator: "\0").contains("SWIFT_BACKTRACE=interactive=no"))
    let name = try String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)
    #expect(name.hasPrefix("samplegrad"))
    // A crash signal: the report is written and the program ends without waiting 25 s.
    // (Under the thread sanitizer, its own handler reports the signal and exits 66.)
    #expect(kill(pid, SIGSEGV) == 0)
    let crashed: Int32 = BuiltExecutable.underThreadSanitizer ? 66 : 128 + SIGSEGV
    #expect(tmux.waitForExit(seconds: 20) == crashed, "\(tmux.screen())")
    expectRestored(tmux, "SIGSEGV")
  }
}

/// SIGQUIT outside the explorer: one line and 131, never the runtime's crash report.
struct HeadlessQuitTests {
  @Test("Ctrl-\\ during a long run exits 131 with one line")
  func quitDuringRun() throws {
    let child = try Samplegrad.start(["run", "--samples", "1000000000000"])
    Thread.sleep(forTimeInterval: 0.5)
    kill(child.pid, SIGQUIT)
    let result = child.wait(deadline: 10)
    #expect(result.status == 131)
    #expect(result.standardError == "samplegrad: quit (SIGQUIT)\n")
  }
}
