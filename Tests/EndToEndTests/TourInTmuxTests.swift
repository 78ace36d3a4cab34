import Foundation
import Testing

/// The built-in tour played in a real terminal, as a teacher would: three steps forward (with
/// space and →), one back with ←, each step with its own scenario and caption, then `q`.
@Suite(.serialized, .enabled(if: TmuxSession.executable != nil, "tmux is not installed"))
struct TourInTmuxTests {
  @Test(arguments: [(80, 24), (160, 48)])
  func threeStepsForwardOneBack(width: Int, height: Int) throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let tmux = try TmuxSession(
      [binary, "tour", "backprop-through-samples"], width: width, height: height,
      environment: ExplorerInTmuxTests.environment)
    defer { tmux.close() }

    let first = tmux.waitForScreen { $0.contains("step 1/17 · The problem") && $0.contains("χ² p") }
    #expect(first != nil, "the tour did not start:\n\(tmux.screen())")
    #expect(
      first?.contains(width >= 160 ? "─ Step 1/17 · The problem" : "Step 1/17: Training") == true)

    try tmux.send("Space")
    #expect(
      tmux.waitForScreen { $0.contains("step 2/17 · The score function") } != nil,
      "space did not go on:\n\(tmux.screen())")
    try tmux.send("Right")
    let third = tmux.waitForScreen { $0.contains("step 3/17 · A baseline") }
    #expect(third != nil, "→ did not go on:\n\(tmux.screen())")
    try tmux.send("Space")
    let fourth = tmux.waitForScreen {
      $0.contains("step 4/17 · Reparameterization") && $0.contains("gaussian")
    }
    #expect(fourth != nil, "step 4 did not load the gaussian:\n\(tmux.screen())")

    try tmux.send("Left")
    let back = tmux.waitForScreen {
      $0.contains("step 3/17 · A baseline") && $0.contains("categorical")
        && $0.contains(width >= 160 ? "score function + baseline" : "SF + baseline")
    }
    #expect(back != nil, "← did not go back to step 3 and its scenario:\n\(tmux.screen())")
    #expect(back?.contains("gaussian") == false, "step 4's panels are still drawn:\n\(back ?? "")")
    let caption =
      width >= 160 ? "Subtracting a baseline c from f(x) keeps" : "Step 3/17: Subtracting"
    #expect(back?.contains(caption) == true, "no caption:\n\(back ?? "")")

    try tmux.send("q")
    #expect(tmux.waitForExit() == 0, "q should exit 0:\n\(tmux.screen())")
    #expect(tmux.terminalRestored, "stty -g differs before and after the tour")
  }
}
