import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

/// The sweep view's keys as a pure state machine, and its screens.
@Suite("Sweep view")
struct SweepViewTests {
  static let scenario = try! Fixtures.categorical.with(
    estimators: [.exact, .scoreFunction, .gumbelSoftmax, .straightThrough, .rebar])

  /// The live snapshot with a sweep over `setting` refined through its first round, as the
  /// engine publishes it (every number fixed by the seed).
  static func snapshot(
    _ scenario: Scenario = scenario, over setting: ScenarioSetting = .temperature
  ) -> Snapshot {
    var host = JobHost(scenario: scenario, seed: 7)
    host.apply(.job(.sweep(.open(setting))))
    while host.snapshot().sweep?.result == nil { host.work() }
    var snapshot = host.snapshot()
    snapshot.sweep?.estimatesPerSecond = 0
    return snapshot
  }

  static func open(_ snapshot: Snapshot, keys: [Key] = []) -> (Explorer, [ExplorerEffect]) {
    var explorer = Explorer(presets: Fixtures.presets)
    var effects = explorer.handle(.character("w"), snapshot: snapshot)
    for key in keys { effects = explorer.handle(key, snapshot: snapshot) }
    return (explorer, effects)
  }

  static func view(_ explorer: Explorer) -> SweepView? {
    explorer.open(SweepView.self)
  }

  @Test("w opens the temperature sweep with the cursor at the current temperature")
  func opens() throws {
    let snapshot = Fixtures.snapshot(Self.scenario)
    let (explorer, effects) = Self.open(snapshot)
    #expect(effects == [.job(.sweep(.open(.temperature)))])
    let view = try #require(Self.view(explorer))
    #expect(
      view.setting == .temperature && view.component == 0 && view.measure == .meanSquaredError)
    // 0.5 lies between 0.464 (point 11) and 0.681; 0.464 is nearer on the log scale.
    #expect(view.cursor == 10)
  }

  @Test("the cursor stops at the ends; up and down pick the component; m cycles the measure")
  func movesAndCycles() throws {
    let snapshot = Fixtures.snapshot(Self.scenario)
    var (explorer, _) = Self.open(snapshot)
    for _ in 0..<30 { _ = explorer.handle(.left, snapshot: snapshot) }
    #expect(Self.view(explorer)?.cursor == 0)
    _ = explorer.handle(.end, snapshot: snapshot)
    _ = explorer.handle(.right, snapshot: snapshot)
    #expect(Self.view(explorer)?.cursor == 24)
    _ = explorer.handle(.character("h"), snapshot: snapshot)
    #expect(Self.view(explorer)?.cursor == 23)
    for _ in 0..<5 { _ = explorer.handle(.down, snapshot: snapshot) }
    #expect(Self.view(explorer)?.component == 3)
    _ = explorer.handle(.character("k"), snapshot: snapshot)
    #expect(Self.view(explorer)?.component == 2)
    var seen: [SweepView.Measure] = []
    for _ in 0..<3 {
      _ = explorer.handle(.character("m"), snapshot: snapshot)
      seen.append(try #require(Self.view(explorer)).measure)
    }
    #expect(seen == [.variance, .squaredBias, .meanSquaredError])
  }

  @Test("1-9 hide and show curves; a missing one is a message")
  func curves() {
    let snapshot = Fixtures.snapshot(Self.scenario)
    var (explorer, _) = Self.open(snapshot)
    _ = explorer.handle(.character("2"), snapshot: snapshot)
    #expect(Self.view(explorer)?.hidden == [.gumbelSoftmax])
    _ = explorer.handle(.character("2"), snapshot: snapshot)
    #expect(Self.view(explorer)?.hidden == [])
    _ = explorer.handle(.character("9"), snapshot: snapshot)
    #expect(explorer.message == "no curve 9: this sweep has 4")
    #expect(Self.view(explorer) != nil)
  }

  @Test("o sweeps over the next setting: eta, then each logit, then back to the temperature")
  func overNext() throws {
    let snapshot = Fixtures.snapshot(Self.scenario)
    var (explorer, _) = Self.open(snapshot)
    var opened: [ExplorerEffect] = []
    for _ in 0..<6 { opened += explorer.handle(.character("o"), snapshot: snapshot) }
    #expect(
      opened == [
        .job(.sweep(.open(.option("eta")))), .job(.sweep(.open(.parameter(0)))),
        .job(.sweep(.open(.parameter(1)))),
        .job(.sweep(.open(.parameter(2)))), .job(.sweep(.open(.parameter(3)))),
        .job(.sweep(.open(.temperature))),
      ])
    _ = explorer.handle(.character("o"), snapshot: snapshot)
    // eta = 1 is the middle of 0...2.
    #expect(Self.view(explorer)?.cursor == 12)
    _ = explorer.handle(.character("o"), snapshot: snapshot)
    _ = explorer.handle(.character("o"), snapshot: snapshot)
    #expect(Self.view(explorer)?.component == 1)
  }

  @Test("Enter moves the live view to the cursor's value and closes; Escape only closes")
  func enterAndEscape() throws {
    let snapshot = Fixtures.snapshot(Self.scenario)
    var (explorer, _) = Self.open(snapshot, keys: [.right, .right])
    let value = try SweepGrid(from: 0.01, to: 100, points: 25, scale: .log).value(12)
    let effects = explorer.handle(.enter, snapshot: snapshot)
    #expect(effects == [.send(.set(.temperature, to: value)), .job(.sweep(.close))])
    #expect(explorer.onLive)
    #expect(explorer.message == "temperature set to 1 from the sweep")
    (explorer, _) = Self.open(snapshot)
    #expect(explorer.handle(.escape, snapshot: snapshot) == [.job(.sweep(.close))])
    #expect(explorer.onLive)
    (explorer, _) = Self.open(snapshot)
    #expect(explorer.handle(.character("w"), snapshot: snapshot) == [.job(.sweep(.close))])
    (explorer, _) = Self.open(snapshot)
    #expect(explorer.handle(.character(" "), snapshot: snapshot) == [.job(.sweep(.togglePause))])
    #expect(Self.view(explorer) != nil)
    #expect(explorer.handle(.character("q"), snapshot: snapshot) == [.quit])
  }

  @Test("without a temperature, w sweeps the selected parameter; a preset's [sweep] comes first")
  func whatWOpens() throws {
    let gaussian = Fixtures.snapshot(Fixtures.gaussian)
    var explorer = Explorer(presets: Fixtures.presets)
    _ = explorer.handle(.right, snapshot: gaussian)
    #expect(
      explorer.handle(.character("w"), snapshot: gaussian) == [.job(.sweep(.open(.parameter(1))))])
    #expect(Self.view(explorer)?.component == 1)

    let withSweep = try Scenario(
      name: "k", distribution: .gaussian(mean: 1, std: 1), objective: .quadratic(target: [0]),
      sweep: SweepSpec(setting: .target, from: -3, to: 3, scale: .linear))
    let (own, effects) = Self.open(Fixtures.snapshot(withSweep))
    #expect(effects == [.job(.sweep(.open(.target)))])
    #expect(Self.view(own)?.cursor == 12)  // target 0 of -3...3
  }

  @Test("nothing to compare: a message, and the view stays closed")
  func refused() {
    let snapshot = Fixtures.snapshot(Self.scenario) { state in
      for kind in [EstimatorKind.scoreFunction, .gumbelSoftmax, .straightThrough, .rebar] {
        state.apply(.toggleEstimator(kind))
      }
    }
    let (explorer, effects) = Self.open(snapshot)
    #expect(effects.isEmpty)
    #expect(explorer.onLive)
    #expect(
      explorer.message == "cannot sweep: nothing to sweep: turn on an estimator besides exact")
  }

  @Test("the screens: MSE at 160x48, bias² at 80x24, a gaussian in ASCII at 80x24")
  func screens() throws {
    let snapshot = Self.snapshot()
    var (explorer, _) = Self.open(snapshot)
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 160, height: 48, explorer: explorer),
      named: "sweep-160x48")
    _ = explorer.handle(.character("m"), snapshot: snapshot)
    _ = explorer.handle(.character("m"), snapshot: snapshot)
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer),
      named: "sweep-bias-80x24")

    let gaussian = try Scenario(
      name: "mohamed", title: "(x - k)^2",
      estimators: [.exact, .scoreFunction, .reparameterization, .measureValued],
      distribution: .gaussian(mean: 1, std: 1), objective: .quadratic(target: [0]),
      sweep: SweepSpec(setting: .target, from: -3, to: 3, scale: .linear))
    let target = Self.snapshot(gaussian, over: .target)
    var ascii = Explorer(presets: [], options: DisplayOptions(ascii: true, color: false))
    _ = ascii.handle(.character("w"), snapshot: target)
    _ = ascii.handle(.character("m"), snapshot: target)
    SnapshotFile.check(
      Fixtures.screen(target, width: 80, height: 24, explorer: ascii),
      named: "sweep-gaussian-80x24-ascii")
  }

  @Test("before the first curve, a progress line; every size from 80x24 draws without trapping")
  func waitingAndSizes() {
    let live = Fixtures.snapshot(Self.scenario)
    let (explorer, _) = Self.open(live)
    let waiting = Fixtures.screen(live, width: 80, height: 24, explorer: explorer)
    #expect(waiting.lines.contains { $0.contains("computing the first curve over temperature") })
    let snapshot = Self.snapshot()
    for (w, h) in [(80, 24), (81, 25), (100, 30), (119, 40), (120, 30), (200, 60)] {
      let screen = Fixtures.screen(snapshot, width: w, height: h, explorer: explorer)
      #expect(screen.lines.contains { $0.contains("lowest MSE of the sweep") }, "\(w)x\(h)")
    }
  }
}
