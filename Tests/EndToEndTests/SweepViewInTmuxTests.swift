import Foundation
import Testing

/// The sweep view as a user meets it, at the two sizes the layout is designed for: `w`
/// opens it, the cursor moves, Enter takes the live view to the cursor's temperature,
/// `w` shows the same sweep again at once, Escape goes back, and `q` leaves cleanly.
@Suite(.serialized, .enabled(if: TmuxSession.executable != nil, "tmux is not installed"))
struct SweepViewInTmuxTests {
  @Test(arguments: [(80, 24), (160, 48)])
  func sweepViewRoundTrip(width: Int, height: Int) throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let tmux = try TmuxSession(
      [binary], width: width, height: height, environment: ExplorerInTmuxTests.environment)
    defer { tmux.close() }
    #expect(
      tmux.waitForScreen { ExplorerInTmuxTests.showsHistogram($0) } != nil,
      "no live view:\n\(tmux.screen())")

    try tmux.send("w")
    let sweep = tmux.waitForScreen {
      $0.contains("Sweep over temperature") && $0.contains("lowest MSE of the sweep")
    }
    #expect(sweep != nil, "w did not show a sweep:\n\(tmux.screen())")
    #expect(sweep?.contains("temperature 0.464, point 11 of 25") == true)

    try tmux.send("Right")
    let moved = tmux.waitForScreen { $0.contains("temperature 0.681, point 12 of 25") }
    #expect(moved != nil, "Right did not move the cursor:\n\(tmux.screen())")

    try tmux.send("Enter")
    let live = tmux.waitForScreen {
      ExplorerInTmuxTests.temperature(in: $0) == "0.681" && !$0.contains("Sweep over")
    }
    #expect(live != nil, "Enter did not move the live view to 0.681:\n\(tmux.screen())")

    // The same sweep again at once: the curves do not depend on where the live view is.
    try tmux.send("w")
    let again = tmux.waitForScreen {
      $0.contains("lowest MSE of the sweep") && $0.contains("point 12 of 25")
    }
    #expect(again != nil, "w did not reopen the sweep:\n\(tmux.screen())")

    try tmux.send("Escape")
    let back = tmux.waitForScreen { !$0.contains("Sweep over") && $0.contains("Samples") }
    #expect(back != nil, "Escape did not go back:\n\(tmux.screen())")
    #expect(ExplorerInTmuxTests.temperature(in: back ?? "") == "0.681")

    try tmux.send("q")
    #expect(tmux.waitForExit() == 0, "q should exit 0:\n\(tmux.screen())")
    #expect(tmux.terminalRestored, "stty -g differs before and after the explorer")
  }
}
