import Foundation
import Testing

/// The findings of issue 9, replayed with the same keys in a real terminal: each lesson's point
/// must show on screen, without the class having to remember a number from before.
@Suite(.serialized, .enabled(if: TmuxSession.executable != nil, "tmux is not installed"))
struct FindingsInTmuxTests {
  static let environment = ExplorerInTmuxTests.environment
  /// Live numbers need time, more so under the thread sanitizer.
  static let patience = 90.0

  private func explorer(_ arguments: [String], width: Int, height: Int) throws -> TmuxSession {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let tmux = try TmuxSession(
      [binary] + arguments, width: width, height: height, environment: Self.environment)
    let ready = tmux.waitForScreen(seconds: Self.patience) { $0.contains("estimator") }
    #expect(ready != nil, "the explorer never drew its rows:\n\(tmux.screen())")
    return tmux
  }

  /// Finding 1: rare-category, `l l l`, then `m PgDn PgDn`: the score function's variance
  /// falls, but its noise relative to the gradient (SD/|g|) grows from about 45 to about 120,
  /// both on screen.
  @Test func rareCategoryShowsTheNoiseRelativeToTheGradient() throws {
    let tmux = try explorer(["--preset", "rare-category"], width: 80, height: 24)
    defer { tmux.close() }
    try tmux.send("l", "l", "l")
    let settled = tmux.waitForScreen(seconds: Self.patience) { screen in
      guard screen.contains("dL/d logit 4"),
        let relative = ScreenReading.value(screen, row: "score function", column: "SD/|g|")
      else { return false }
      return (35...58).contains(relative)
    }
    #expect(settled != nil, "SD/|g| of the score function never read about 45:\n\(tmux.screen())")
    try tmux.send("m")
    try tmux.send("PgDn")
    try tmux.send("PgDn")
    let rarer = tmux.waitForScreen(seconds: Self.patience) { screen in
      guard ScreenReading.matches(screen, #"logit 4 +-8\.50"#),
        let live = ScreenReading.value(screen, row: "score function", column: "SD/|g|"),
        let pinned = ScreenReading.value(
          screen, row: "score function", column: "SD/|g|", pinned: true)
      else { return false }
      return live > 90 && (35...58).contains(pinned)
    }
    #expect(
      rarer != nil, "SD/|g| did not grow beside the pinned value after PgDn PgDn:\n\(tmux.screen())"
    )
    if let rarer {
      let variance = ScreenReading.value(rarer, row: "score function", column: "variance")
      let before = ScreenReading.value(
        rarer, row: "score function", column: "variance", pinned: true)
      #expect((variance ?? 1) < (before ?? 0), "the variance should fall:\n\(rarer)")
      #expect(rarer.contains("pinned at logit 4 -6.50"))
    }
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)
  }

  /// Finding 2: gaussian-reparameterization, `l` then `j` ten times: the std is 0.107 (never
  /// residue, never cut); more presses stop at 0.01 with a message in plain words.
  @Test func stdStepsWithoutResidueAndStopsAtItsFloor() throws {
    let tmux = try explorer(
      ["--preset", "gaussian-reparameterization"], width: 80, height: 24)
    defer { tmux.close() }
    try tmux.send("l")
    for _ in 0..<10 { try tmux.send("j") }
    let tenth = tmux.waitForScreen { ScreenReading.matches($0, #"▶ std +0\.107 "#) }
    #expect(tenth != nil, "ten presses of j should give std 0.107:\n\(tmux.screen())")
    for _ in 0..<20 { try tmux.send("j") }
    let floor = tmux.waitForScreen { $0.contains("std cannot go below 0.01") }
    #expect(floor != nil, "no plain-words refusal at the floor:\n\(tmux.screen())")
    let screen = floor ?? tmux.screen()
    #expect(ScreenReading.matches(screen, #"▶ std +0\.01 "#))
    #expect(!screen.contains("distribution.std"))
    #expect(!screen.contains("e-16") && !screen.contains("e+32"))
    try tmux.send("0")
    let restored = tmux.waitForScreen { ScreenReading.matches($0, #"▶ std +1\.00 "#) }
    #expect(restored != nil, "0 did not restore the std:\n\(tmux.screen())")
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)
  }

  /// Finding 4: bias-and-variance, `m [ [ [`: each relaxed row shows its bias falling and its
  /// variance rising beside the numbers pinned at temperature 0.5.
  @Test func pinnedNumbersShowBeforeAndAfter() throws {
    let tmux = try explorer([], width: 160, height: 48)
    defer { tmux.close() }
    _ = tmux.waitForScreen(seconds: Self.patience) {
      ScreenReading.value($0, row: "Gumbel-softmax", column: "variance") != nil
    }
    try tmux.send("m")
    for _ in 0..<3 { try tmux.send("[") }
    let after = tmux.waitForScreen(seconds: Self.patience) { screen in
      guard screen.contains("τ 0.256"), screen.contains("pinned at τ 0.5"),
        let bias = ScreenReading.value(screen, row: "Gumbel-softmax", column: "bias"),
        let pinnedBias = ScreenReading.value(
          screen, row: "Gumbel-softmax", column: "bias", pinned: true),
        let variance = ScreenReading.value(screen, row: "Gumbel-softmax", column: "variance"),
        let pinnedVariance = ScreenReading.value(
          screen, row: "Gumbel-softmax", column: "variance", pinned: true)
      else { return false }
      return bias < pinnedBias * 0.85 && variance > pinnedVariance * 1.8
    }
    #expect(after != nil, "no before-and-after on the Gumbel-softmax row:\n\(tmux.screen())")
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)
  }

  /// Finding 5: the lesson stays on screen (a pane at 160x48, a hint line at 80x24), `L` hides
  /// it, and a switched-off row takes one line.
  @Test func lessonStaysInViewAndOffRowsTakeOneLine() throws {
    let wide = try explorer([], width: 160, height: 48)
    defer { wide.close() }
    let pane = wide.waitForScreen { $0.contains("─ Lesson") && $0.contains("Four estimators") }
    #expect(pane != nil, "no lesson pane at 160x48:\n\(wide.screen())")
    let lines = (pane ?? "").split(separator: "\n").map(String.init)
    if let off = lines.firstIndex(where: { $0.contains("score function + baseline off") }) {
      #expect(lines[off + 1].contains("Gumbel-softmax"), "the off row takes more than a line")
    } else {
      Issue.record("no one-line off row:\n\(pane ?? "")")
    }
    try wide.send("L")
    #expect(wide.waitForScreen { !$0.contains("─ Lesson") } != nil, "L did not hide the lesson")
    try wide.send("q")
    #expect(wide.waitForExit() == 0)

    let narrow = try explorer([], width: 80, height: 24)
    defer { narrow.close() }
    let hint = narrow.waitForScreen { $0.contains("Lesson: Press m to pin") }
    #expect(hint != nil, "no lesson hint at 80x24:\n\(narrow.screen())")
    try narrow.send("c")
    let whole = narrow.waitForScreen { $0.contains("─ Lesson") && $0.contains("Four estimators") }
    #expect(whole != nil, "c did not show the whole lesson at 80x24:\n\(narrow.screen())")
    try narrow.send("q")
    #expect(narrow.waitForExit() == 0)
  }

  /// Finding 8: a wide, short terminal (200x30) gets the two-column layout.
  @Test func wideShortTerminalGetsTwoColumns() throws {
    let tmux = try explorer([], width: 200, height: 30)
    defer { tmux.close() }
    let screen = tmux.waitForScreen { $0.contains("Running variance") && $0.contains("─ Lesson") }
    #expect(screen != nil, "200x30 did not get the two-column layout:\n\(tmux.screen())")
    let band = (screen ?? "").split(separator: "\n").first { $0.contains("─ Parameters") } ?? ""
    #expect(band.contains("Relaxed samples"), "relaxed samples are not beside the parameters")
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)
  }

  /// x writes the screen and the numbers to the current folder and says where.
  @Test func exportWritesTwoFilesAndSaysWhere() throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("samplegrad-export-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let tmux = try TmuxSession(
      ["/bin/sh", "-c", "cd '\(folder.path)' && exec '\(binary)'"], width: 100, height: 30,
      environment: Self.environment)
    defer { tmux.close() }
    #expect(tmux.waitForScreen(seconds: Self.patience) { $0.contains("estimator") } != nil)
    try tmux.send("x")
    let said = tmux.waitForScreen { $0.contains("wrote samplegrad-bias-and-variance-") }
    #expect(said != nil, "x did not say where it wrote:\n\(tmux.screen())")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(files.contains { $0.hasSuffix(".txt") } && files.contains { $0.hasSuffix(".json") })
    if let json = files.first(where: { $0.hasSuffix(".json") }) {
      let data = try Data(contentsOf: folder.appendingPathComponent(json))
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      #expect(object?["estimators"] != nil && object?["histogram"] != nil)
    }
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)
  }
}
