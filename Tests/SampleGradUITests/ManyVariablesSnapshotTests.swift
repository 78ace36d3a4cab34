import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

/// Full screens of D variables compared with `Snapshots/*.txt`, drawn from hand-built
/// snapshots (`HandBuiltMany`): 128 bits and four categoricals of K = 3, at 80x24 and 160x48.
/// Re-record on purpose, after reading the new screens:
/// `SAMPLEGRAD_RECORD=1 swift test --filter SampleGradUITests`.
@Suite("Full-screen snapshots of D variables")
struct ManyVariablesSnapshotTests {
  /// The explorer with `selected` selected (and `keys` pressed after), as a class would see it.
  static func explorer(
    _ snapshot: Snapshot, selected: Int, keys: [Key] = [], options: DisplayOptions = .init()
  ) -> Explorer {
    var explorer = Explorer(presets: Fixtures.presets, options: options)
    explorer.selectedParameter = selected
    for key in keys { _ = explorer.handle(key, snapshot: snapshot) }
    explorer.show(message: "")
    return explorer
  }

  static func screen(_ snapshot: Snapshot, _ size: String, _ explorer: Explorer) -> Buffer {
    let (w, h) = LayoutSnapshotTests.size(size)
    var explorer = explorer
    explorer.screenWidth = w
    explorer.screenHeight = h
    return Fixtures.screen(snapshot, width: w, height: h, explorer: explorer)
  }

  @Test(
    "128 bits, bit 37 raised: the strip, the bit, the ranked rows", arguments: ["80x24", "160x48"])
  func bits(size: String) {
    let snapshot = HandBuiltMany.bits()
    let screen = Self.screen(snapshot, size, Self.explorer(snapshot, selected: 36))
    SnapshotFile.check(screen, named: "bits128-\(size)", styles: true)
  }

  @Test("128 bits with d: bit 37's own numbers right of the totals; ASCII")
  func bitsComponent() {
    let snapshot = HandBuiltMany.bits()
    let explorer = Self.explorer(snapshot, selected: 36, keys: [.character("d")])
    SnapshotFile.check(
      Self.screen(snapshot, "80x24", explorer), named: "bits128-80x24-component")
    let ascii = Self.explorer(
      snapshot, selected: 100, options: DisplayOptions(ascii: true, color: false))
    SnapshotFile.check(Self.screen(snapshot, "80x24", ascii), named: "bits128-80x24-ascii-page2")
  }

  @Test(
    "four categoricals of K = 3, logit 2 of variable 2 selected", arguments: ["80x24", "160x48"])
  func categoricals(size: String) {
    let snapshot = HandBuiltMany.categoricals()
    let screen = Self.screen(snapshot, size, Self.explorer(snapshot, selected: 4))
    SnapshotFile.check(screen, named: "categoricals4-\(size)", styles: true)
  }

  @Test("ten rows on at 80x24: the strip, the selected bit and every row still show")
  func tenRows() {
    let rows =
      [
        HandBuiltMany.Row(kind: .exact, spread: 0),
        HandBuiltMany.Row(kind: .scoreFunctionBaseline, spread: 8.2),
        HandBuiltMany.Row(kind: .gumbelSoftmax, spread: 3.4, bias: 0.2),
      ]
      + [EstimatorKind.scoreFunction, .rloo, .arm, .disarm, .indecater, .rebar, .straightThrough]
      .map { HandBuiltMany.Row(kind: $0, spread: 5) }
    let scenario = try! HandBuiltMany.bitsLoaded.with(estimators: rows.map(\.kind))
    let snapshot = HandBuiltMany.snapshot(
      scenario, loaded: scenario, rows: rows, samples: 100_000)
    let lines = Self.screen(snapshot, "80x24", Self.explorer(snapshot, selected: 36)).lines
    #expect(lines.contains { $0.hasPrefix("─ Marginals") })
    #expect(lines.contains { $0.hasPrefix("─ Bit 37 of 128") })
    #expect(lines.contains { $0.hasPrefix(" E[y] ") })
    for row in rows {
      let name = EstimatorLabel.name(row.kind, wide: false)
      #expect(lines.contains { $0.prefix(20).contains(name) }, "\(name)")
    }
  }

  @Test("the key page and the legend of 128 bits at 80x24")
  func help() {
    let snapshot = HandBuiltMany.bits()
    var explorer = Self.explorer(snapshot, selected: 36, keys: [.character("?")])
    SnapshotFile.check(Self.screen(snapshot, "80x24", explorer), named: "help-bits128-80x24")
    _ = explorer.handle(.tab, snapshot: snapshot)
    SnapshotFile.check(Self.screen(snapshot, "80x24", explorer), named: "legend-bits128-80x24")
  }

  @Test("the options prompt after a refused value at 80x24")
  func options() {
    let snapshot = HandBuiltMany.bits()
    let keys: [Key] = [.character("O"), .down] + "1".map { .character($0) } + [.enter]
    let explorer = Self.explorer(snapshot, selected: 36, keys: keys)
    SnapshotFile.check(Self.screen(snapshot, "80x24", explorer), named: "options-80x24")
  }
}
