import Foundation
import Testing

/// The overview in a real terminal, at the two sizes its layout is designed for: `o` shows
/// every method, measured on the scenario on screen or a built-in one, the table refines while it is open, ↓
/// chooses the method whose evidence a narrow screen spells out, Escape goes back to the live
/// numbers (kept), and `q` leaves cleanly.
@Suite(.serialized, .enabled(if: TmuxSession.executable != nil, "tmux is not installed"))
struct OverviewInTmuxTests {
  @Test(arguments: [(80, 24), (160, 48)])
  func overviewOfTheDefaultPreset(width: Int, height: Int) throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let tmux = try TmuxSession(
      [binary], width: width, height: height, environment: ExplorerInTmuxTests.environment)
    defer { tmux.close() }
    #expect(tmux.waitForScreen(ExplorerInTmuxTests.showsHistogram) != nil, "\(tmux.screen())")

    try tmux.send("o")
    let first = tmux.waitForScreen { Self.samples(in: $0) != nil }
    let table = try #require(first, "o showed no table:\n\(tmux.screen())")
    #expect(table.contains("Overview · Bias against variance"))
    for name in ["exact", "score function", "Gumbel-softmax", "REBAR", "argmax", "RLOO"] {
      #expect(table.contains(name), "no row for \(name):\n\(table)")
    }
    // Every method has a row (the whole classic table): at 160x48 its 20 rows take one line
    // each, with the variance and SD/|g|; the built-in scenarios are named above their rows.
    #expect(table.contains("no relaxed") && table.contains("no 0 ± 0"))
    if width >= 160 {
      #expect(table.contains("variance") && table.contains("SD/|g|"))
      #expect(table.contains("on the built-in gaussian: N(1, 1), f = x²"))
      #expect(table.contains("measure-valued") && table.contains("LAX"))
    }
    #expect(
      table.contains("─ score function on logit 1"), "the first estimator's evidence:\n\(table)")
    for _ in 0..<2 { try tmux.send("Down") }
    let chosen = tmux.waitForScreen { $0.contains("─ Gumbel-softmax on logit 1") }
    #expect(chosen != nil, "↓ did not choose Gumbel-softmax:\n\(tmux.screen())")
    #expect(chosen?.contains("exact distribution: no: f at relaxed points, 0% outcomes") == true)

    // It refines while it is open.
    let start = Self.samples(in: table) ?? 0
    let later = tmux.waitForScreen { (Self.samples(in: $0) ?? 0) > start }
    #expect(later != nil, "the table did not refine past \(start):\n\(tmux.screen())")

    try tmux.send("Escape")
    let back = tmux.waitForScreen(ExplorerInTmuxTests.showsHistogram)
    #expect(back != nil, "Escape did not go back:\n\(tmux.screen())")
    #expect(back?.contains("Overview") == false)

    try tmux.send("q")
    #expect(tmux.waitForExit() == 0, "q should exit 0:\n\(tmux.screen())")
    #expect(tmux.terminalRestored, "stty -g differs before and after the explorer")
  }

  @Test("a gaussian's overview: the pathwise gradient needs df/dx, measured on a step")
  func gaussian() throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let tmux = try TmuxSession(
      [binary, "explore", "--preset", "measure-valued"], width: 160, height: 48,
      environment: ExplorerInTmuxTests.environment)
    defer { tmux.close() }
    #expect(tmux.waitForScreen { $0.contains("Samples") } != nil, "\(tmux.screen())")
    try tmux.send("o")
    let table = tmux.waitForScreen { Self.samples(in: $0) != nil }
    // The pathwise row (selected first) spells out its df/dx evidence; the discrete methods
    // are measured on the built-in categorical, named above their rows.
    #expect(table?.contains("yes -100%") == true, "\(tmux.screen())")
    #expect(table?.contains("on the built-in categorical") == true, "\(tmux.screen())")
    #expect(table?.contains("Gumbel-softmax") == true)
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)
    #expect(tmux.terminalRestored)
  }

  /// Samples per method of the table on screen (`65,536 samples`), nil before the first.
  static func samples(in screen: String) -> Int? {
    guard let regex = try? NSRegularExpression(pattern: #"([0-9][0-9,]*) samples"#),
      screen.contains("Overview"),
      let match = regex.firstMatch(in: screen, range: NSRange(screen.startIndex..., in: screen)),
      let range = Range(match.range(at: 1), in: screen)
    else { return nil }
    return Int(screen[range].replacingOccurrences(of: ",", with: ""))
  }
}
