import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

/// Full screens compared with `Snapshots/*.txt`, drawn from hand-built snapshots
/// (`HandBuilt`), never from live sampling. Re-record on purpose, after reading the new
/// screens: `SAMPLEGRAD_RECORD=1 swift test --filter SampleGradUITests`.
@Suite("Full-screen snapshots")
struct LayoutSnapshotTests {
  static let sizes = ["80x24", "120x30", "160x48", "200x30"]

  static func size(_ text: String) -> (Int, Int) {
    let parts = text.split(separator: "x").compactMap { Int($0) }
    return (parts[0], parts[1])
  }

  /// bias-and-variance after `m [ [ [`: the pinned numbers at 0.5 beside the live ones at
  /// 0.256, three change marks in the chart.
  static func pinnedExplorer(theme: ThemeName) -> Explorer {
    var explorer = Explorer(presets: Fixtures.presets, options: DisplayOptions(theme: theme))
    _ = explorer.handle(.character("m"), snapshot: HandBuilt.categorical(after: false))
    explorer.show(message: "")
    return explorer
  }

  @Test(
    "bias-and-variance after m [ [ [, in every size and theme",
    arguments: sizes, ThemeName.allCases)
  func categorical(size: String, theme: ThemeName) {
    let (w, h) = Self.size(size)
    let screen = Fixtures.screen(
      HandBuilt.categorical(after: true), width: w, height: h,
      explorer: Self.pinnedExplorer(theme: theme))
    SnapshotFile.check(screen, named: "categorical-\(size)-\(theme)", styles: true)
  }

  @Test("relax-toy and a gaussian with a changed std, in every size", arguments: sizes)
  func otherDistributions(size: String) {
    let (w, h) = Self.size(size)
    SnapshotFile.check(
      Fixtures.screen(HandBuilt.bernoulli(), width: w, height: h), named: "bernoulli-\(size)")
    var explorer = Explorer(presets: [])
    _ = explorer.handle(.right, snapshot: HandBuilt.gaussian())
    SnapshotFile.check(
      Fixtures.screen(HandBuilt.gaussian(), width: w, height: h, explorer: explorer),
      named: "gaussian-\(size)")
  }

  @Test("c at 80x24 shows the whole lesson, then the chart, in the middle")
  func middleViews() {
    let snapshot = HandBuilt.categorical(after: true)
    var explorer = Self.pinnedExplorer(theme: .dark)
    _ = explorer.handle(.character("c"), snapshot: snapshot)
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer),
      named: "categorical-80x24-lesson")
    _ = explorer.handle(.character("c"), snapshot: snapshot)
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer),
      named: "categorical-80x24-chart")
  }

  @Test("paused, second logit selected, one estimator off, ASCII without colour")
  func asciiPaused() {
    var snapshot = HandBuilt.categorical(after: false)
    snapshot.isPaused = true
    snapshot.estimators[1].isEnabled = false
    var explorer = Explorer(
      presets: Fixtures.presets, options: DisplayOptions(ascii: true, color: false))
    _ = explorer.handle(.right, snapshot: snapshot)
    let screen = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer)
    SnapshotFile.check(screen, named: "categorical-80x24-ascii-paused")
  }

  @Test("help, both pages, at 80x24")
  func help() {
    let snapshot = HandBuilt.categorical(after: false)
    var explorer = Explorer(presets: Fixtures.presets)
    _ = explorer.handle(.character("?"), snapshot: snapshot)
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer), named: "help-80x24")
    // The end of the key page: the box still fits, and a tour's keys are listed; the views
    // (w, T, o) are on the page too.
    _ = explorer.handle(.end, snapshot: snapshot)
    let end = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer)
    SnapshotFile.check(end, named: "help-end-80x24")
    for key in ["P", "c"] {
      #expect(end.lines.contains { $0.contains("│  \(key)  ") }, "\(key) is not in the help")
    }
    let page = HelpOverlay.lines(
      explorer.helpPages(snapshot)[0], theme: Canvas.unicode, width: 72
    ).map(\.left)
    for key in ["w", "T", "o", "space →", "←"] {
      #expect(page.contains(key), "\(key) is not in the help")
    }
    _ = explorer.handle(.home, snapshot: snapshot)
    _ = explorer.handle(.tab, snapshot: snapshot)
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer),
      named: "legend-80x24")
    explorer.screenHeight = 48
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 160, height: 48, explorer: explorer),
      named: "legend-160x48")
  }

  @Test("preset picker at 80x24, on a good and on a broken preset")
  func picker() {
    let snapshot = HandBuilt.categorical(after: false)
    var explorer = Explorer(presets: Fixtures.presets)
    _ = explorer.handle(.character("p"), snapshot: snapshot)
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer), named: "picker-80x24")
    _ = explorer.handle(.end, snapshot: snapshot)
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer),
      named: "picker-broken-80x24")
  }

  @Test("estimator chooser at 80x24")
  func chooser() {
    let snapshot = HandBuilt.categorical(after: false)
    var explorer = Explorer(presets: [])
    _ = explorer.handle(.character("e"), snapshot: snapshot)
    _ = explorer.handle(.down, snapshot: snapshot)
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer), named: "chooser-80x24")
  }

  @Test("value prompt with a refused number at 80x24")
  func prompt() {
    let snapshot = HandBuilt.categorical(after: false)
    var explorer = Explorer(presets: Fixtures.presets)
    for key in [Key.character("t"), .character("a"), .character("b"), .enter] {
      _ = explorer.handle(key, snapshot: snapshot)
    }
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer), named: "prompt-80x24")
  }

  @Test("too small: 79x23 and 0x0")
  func tooSmall() {
    let snapshot = HandBuilt.categorical(after: false)
    SnapshotFile.check(Fixtures.screen(snapshot, width: 79, height: 23), named: "too-small-79x23")
    let empty = Fixtures.screen(snapshot, width: 0, height: 0)
    #expect(empty.lines.isEmpty)
    SnapshotFile.check(empty, named: "too-small-0x0")
  }
}
