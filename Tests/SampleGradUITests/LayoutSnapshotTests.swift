import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

/// Full screens compared with `Snapshots/*.txt`. Re-record on purpose, after reading the
/// new screens: `SAMPLEGRAD_RECORD=1 swift test --filter SampleGradUITests`.
@Suite("Full-screen snapshots")
struct LayoutSnapshotTests {
  static let scenarios = [
    "categorical": Fixtures.categorical, "bernoulli": Fixtures.bernoulli,
    "gaussian": Fixtures.gaussian,
  ]

  @Test(
    "each distribution at 80x24 and 160x48",
    arguments: ["categorical", "bernoulli", "gaussian"], ["80x24", "160x48"])
  func screens(name: String, size: String) throws {
    let scenario = try #require(Self.scenarios[name])
    let parts = size.split(separator: "x").compactMap { Int($0) }
    let screen = Fixtures.screen(Fixtures.snapshot(scenario), width: parts[0], height: parts[1])
    SnapshotFile.check(screen, named: "\(name)-\(size)")
  }

  @Test("paused, second logit selected, one estimator off, ASCII without colour")
  func asciiPaused() {
    let snapshot = Fixtures.snapshot(Fixtures.categorical, paused: true) { state in
      state.apply(.toggleEstimator(.scoreFunction))
    }
    var explorer = Explorer(
      presets: Fixtures.presets, options: DisplayOptions(ascii: true, color: false))
    _ = explorer.handle(.right, snapshot: snapshot)
    let screen = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer)
    SnapshotFile.check(screen, named: "categorical-80x24-ascii-paused")
  }

  @Test("help overlay at 80x24")
  func help() {
    let snapshot = Fixtures.snapshot(Fixtures.categorical)
    var explorer = Explorer(presets: Fixtures.presets)
    _ = explorer.handle(.character("?"), snapshot: snapshot)
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer), named: "help-80x24")
  }

  @Test("preset picker at 80x24, on a good and on a broken preset")
  func picker() {
    let snapshot = Fixtures.snapshot(Fixtures.categorical)
    var explorer = Explorer(presets: Fixtures.presets)
    _ = explorer.handle(.character("p"), snapshot: snapshot)
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer), named: "picker-80x24")
    _ = explorer.handle(.end, snapshot: snapshot)
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer),
      named: "picker-broken-80x24")
  }

  @Test("value prompt with a refused number at 80x24")
  func prompt() {
    let snapshot = Fixtures.snapshot(Fixtures.categorical)
    var explorer = Explorer(presets: Fixtures.presets)
    for key in [Key.character("t"), .character("a"), .character("b"), .enter] {
      _ = explorer.handle(key, snapshot: snapshot)
    }
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer), named: "prompt-80x24")
  }

  @Test("too small: 79x23 and 0x0")
  func tooSmall() {
    let snapshot = Fixtures.snapshot(Fixtures.categorical, batches: 1)
    SnapshotFile.check(Fixtures.screen(snapshot, width: 79, height: 23), named: "too-small-79x23")
    let empty = Fixtures.screen(snapshot, width: 0, height: 0)
    #expect(empty.lines.isEmpty)
    SnapshotFile.check(empty, named: "too-small-0x0")
  }
}
