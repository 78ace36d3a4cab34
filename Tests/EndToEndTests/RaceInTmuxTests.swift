import Foundation
import Testing

/// The training race in a real terminal: `T` opens it over the live explorer, it runs, space
/// pauses, `+` raises the learning rate and restarts, `r` restarts, Escape returns to the
/// statistics, and `q` leaves with the terminal restored.
@Suite(.serialized, .enabled(if: TmuxSession.executable != nil, "tmux is not installed"))
struct RaceInTmuxTests {
  @Test func raceViewTakesItsKeys() throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let tmux = try TmuxSession(
      [binary, "explore", "--preset", "relax-toy-race"], width: 160, height: 48,
      environment: ExplorerInTmuxTests.environment)
    defer { tmux.close() }
    #expect(tmux.waitForScreen(ExplorerInTmuxTests.showsHistogram) != nil, "\(tmux.screen())")

    try tmux.send("T")
    let racing = tmux.waitForScreen { Self.step(in: $0).map { $0 > 0 } ?? false }
    #expect(racing != nil, "T did not start a race:\n\(tmux.screen())")
    let screen = racing ?? ""
    #expect(screen.contains("Training race") && screen.contains("Exact loss against step"))
    #expect(screen.contains("learning rate 0.01") && screen.contains("optimum 0.249001"))
    for name in ["exact", "score function", "DisARM", "REBAR, eta tuned online"] {
      #expect(screen.contains(name), "the scoreboard lacks \(name)")
    }

    try tmux.send("Space")
    let paused = tmux.waitForScreen { $0.contains("paused: space resumes") }
    #expect(paused != nil, "space did not pause:\n\(tmux.screen())")
    let held = Self.step(in: paused ?? "")
    Thread.sleep(forTimeInterval: 1)
    #expect(Self.step(in: tmux.screen()) == held, "a paused race moved")

    try tmux.send("+")
    let faster = tmux.waitForScreen { $0.contains("learning rate 0.02") }
    #expect(faster != nil, "+ did not raise the learning rate:\n\(tmux.screen())")
    #expect(tmux.screen().contains("the race starts again"))

    // A new learning rate starts the race again, running.
    #expect(tmux.waitForScreen { (Self.step(in: $0) ?? 0) > 20 } != nil, "\(tmux.screen())")
    try tmux.send("r")
    let restarted = tmux.waitForScreen { (Self.step(in: $0) ?? .max) < 20 }
    #expect(restarted != nil, "r did not restart the race:\n\(tmux.screen())")

    try tmux.send("Escape")
    let back = tmux.waitForScreen(ExplorerInTmuxTests.showsHistogram)
    #expect(back != nil, "Escape did not return to the explorer:\n\(tmux.screen())")

    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)
    #expect(tmux.terminalRestored, "stty -g differs before and after the explorer")
  }

  /// The race's step as the header prints it (`step 1,234 / 10,000`).
  static func step(in screen: String) -> Int? {
    guard let regex = try? NSRegularExpression(pattern: #"step ([0-9,]+) ?/"#),
      let match = regex.firstMatch(in: screen, range: NSRange(screen.startIndex..., in: screen)),
      let range = Range(match.range(at: 1), in: screen)
    else { return nil }
    return Int(screen[range].replacingOccurrences(of: ",", with: ""))
  }
}
