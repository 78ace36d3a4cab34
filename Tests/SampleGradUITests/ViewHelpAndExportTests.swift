import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

/// `?` and `x` in every view, through the one mechanism (`ViewController.help` and `export`):
/// each view's help lists its own keys and what its screen shows, and each view's export is
/// what the headless command prints for the same settings.
@Suite("Help and export in every view")
struct ViewHelpAndExportTests {
  /// The scenario of every view here: a categorical with four estimators.
  static let scenario = SweepViewTests.scenario

  /// The engine's snapshot after `command` opened a job and `done` says it has numbers.
  static func hosted(_ command: JobCommand, until done: (Snapshot) -> Bool) -> Snapshot {
    var host = JobHost(scenario: scenario, seed: 7)
    host.pacing = RacePacing(seconds: 0)
    host.apply(.job(command))
    while !done(host.snapshot()), host.hasWork { host.work() }
    return host.snapshot()
  }

  static let sweep = hosted(.sweep(.open(.temperature))) { $0.sweep?.result != nil }
  static let race = hosted(.race(.open)) { $0.race?.isFinished == true }
  static let overview = hosted(.overview(.open)) { $0.overview?.overviews.isEmpty == false }

  /// The view's key, the snapshot it is drawn from, and the title of its own keys' section.
  static let views: [String: (key: Key?, snapshot: Snapshot, section: String)] = [
    "live": (nil, Fixtures.snapshot(scenario, batches: 4), "Parameters"),
    "sweep": (.character("w"), sweep, "The sweep"),
    "race": (.character("T"), race, "The race"),
    "overview": (.character("o"), overview, "The overview"),
  ]

  /// An explorer showing view `name` at a size.
  static func opened(_ name: String, width: Int = 80, height: Int = 24) -> (Explorer, Snapshot) {
    let entry = views[name]!
    var explorer = Explorer(presets: Fixtures.presets)
    explorer.screenWidth = width
    explorer.screenHeight = height
    if let key = entry.key { _ = explorer.handle(key, snapshot: entry.snapshot) }
    return (explorer, entry.snapshot)
  }

  static func text(_ explorer: Explorer, _ snapshot: Snapshot) -> String {
    Fixtures.screen(
      snapshot, width: explorer.screenWidth, height: explorer.screenHeight,
      explorer: explorer
    ).lines.joined(separator: "\n")
  }

  @Test(
    "? opens the help of the view on screen, Tab turns to what it shows, Esc returns to it",
    arguments: ["live", "sweep", "race", "overview"])
  func help(name: String) {
    var (explorer, snapshot) = Self.opened(name)
    #expect(explorer.viewName == name)
    #expect(explorer.handle(.character("?"), snapshot: snapshot) == [])
    #expect(explorer.overlay == .help && explorer.viewName == name)
    let keys = Self.text(explorer, snapshot)
    #expect(keys.contains("Help 1/2: keys"))
    #expect(keys.contains(Self.views[name]!.section))
    if name != "live" { #expect(keys.contains("In every view")) }
    _ = explorer.handle(.tab, snapshot: snapshot)
    let legend = Self.text(explorer, snapshot)
    #expect(legend.contains("Help 2/2: what the " + (name == "live" ? "screen" : name) + " shows"))
    _ = explorer.handle(.escape, snapshot: snapshot)
    #expect(explorer.overlay == .none && explorer.viewName == name)
  }

  @Test(
    "x exports the view on screen, named after the scenario and the view",
    arguments: [
      ("live", ["txt", "json"]), ("sweep", ["csv", "json"]), ("race", ["json"]),
      ("overview", ["txt", "json"]),
    ])
  func export(name: String, extensions: [String]) throws {
    var (explorer, snapshot) = Self.opened(name)
    #expect(explorer.handle(.character("x"), snapshot: snapshot) == [.export])
    #expect(explorer.viewName == name)
    let files = try explorer.export(snapshot, width: 80, height: 24, stamp: "20250101-120000")
    let view = name == "live" ? "" : "-" + name
    #expect(files.baseName == "samplegrad-bias-and-variance\(view)-20250101-120000")
    #expect(files.files.map(\.fileExtension) == extensions)
    for file in files.files { #expect(file.contents.hasSuffix("\n") && file.contents.count > 100) }
  }

  @Test("the sweep's export is what samplegrad sweep prints for the same setting and count")
  func sweepExport() throws {
    let (explorer, snapshot) = Self.opened("sweep")
    let files = try explorer.export(snapshot, width: 80, height: 24, stamp: "s")
    let samples = try #require(snapshot.sweep?.result?.samples)
    // `samplegrad sweep --over temperature --samples N`: the scenario's rows without exact.
    let plan = try SweepPlan.standard(
      for: Self.scenario, spec: SweepSpec(setting: .temperature), estimators: nil)
    let headless = SweepRunner.run(plan, samples: samples, seed: 7, threads: 2)
    #expect(files["json"] == SweepReport.json(headless).render() + "\n")
    #expect(files["csv"] == SweepReport.csv(headless) + "\n")
  }

  @Test("the race's export, once finished, is what samplegrad train prints for its settings")
  func raceExport() throws {
    let (explorer, snapshot) = Self.opened("race")
    let files = try explorer.export(snapshot, width: 80, height: 24, stamp: "s")
    let setup = try TrainingOverrides().race(for: Self.scenario, seed: 7, every: nil)
    #expect(
      files["json"] == TrainingReport.json(TrainingRunner.run(setup, threads: 2)).render() + "\n")
  }

  @Test("the overview's export is what samplegrad overview prints for the selected parameter")
  func overviewExport() throws {
    var (explorer, snapshot) = Self.opened("overview")
    _ = explorer.handle(.right, snapshot: snapshot)
    let files = try explorer.export(snapshot, width: 80, height: 24, stamp: "s")
    let samples = try #require(snapshot.overview?.samples)
    // `samplegrad overview --samples N --parameter 2`.
    let headless = OverviewRunner.measure(
      Self.scenario, samples: samples, seed: 7, threads: 2, component: 1, settling: false)
    #expect(files["txt"] == OverviewTable.render(headless) + "\n")
    #expect(files["json"] == OverviewTable.json(headless).render() + "\n")
  }

  @Test("before a view has numbers, x says so and writes nothing")
  func nothingYet() {
    let live = Fixtures.snapshot(Self.scenario, batches: 2)
    for key in ["w", "T", "o"] {
      var explorer = Explorer(presets: [])
      _ = explorer.handle(.character(Character(key)), snapshot: live)
      #expect(explorer.handle(.character("x"), snapshot: live) == [.export])
      #expect(throws: NothingToExport.self) {
        try explorer.export(live, width: 80, height: 24, stamp: "s")
      }
    }
  }

  @Test("every key a view's footer shows is in its help, and every view's help fits ASCII")
  func helpListsTheFooter() {
    for (name, keys) in [
      ("sweep", SweepView.keys), ("race", RaceView.keys), ("overview", OverviewView.keys),
    ] {
      let (explorer, snapshot) = Self.opened(name)
      let pages = explorer.helpPages(snapshot)
      let listed = pages[0].sections.flatMap(\.entries).map {
        $0.keys.filter { !$0.isWhitespace }
      }
      for key in keys {
        let wanted = key.keys.filter { !$0.isWhitespace }
        #expect(listed.contains { $0.contains(wanted) }, "\(name): \(key.keys) is not in its help")
      }
      var ascii = Explorer(presets: [], options: DisplayOptions(ascii: true))
      if let opener = Self.views[name]!.key { _ = ascii.handle(opener, snapshot: snapshot) }
      _ = ascii.handle(.character("?"), snapshot: snapshot)
      for page in 0..<2 {
        let screen = Fixtures.screen(snapshot, width: 80, height: 24, explorer: ascii)
        let odd = Set(screen.cells.map(\.character).filter { !$0.isASCII })
        #expect(odd.isEmpty, "\(name) help page \(page + 1): \(odd)")
        _ = ascii.handle(.tab, snapshot: snapshot)
      }
    }
  }

  @Test("the views' help pages at 80x24", arguments: ["sweep", "race", "overview"])
  func helpSnapshots(name: String) {
    var (explorer, snapshot) = Self.opened(name)
    _ = explorer.handle(.character("?"), snapshot: snapshot)
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer),
      named: "help-\(name)-80x24")
    _ = explorer.handle(.tab, snapshot: snapshot)
    SnapshotFile.check(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer),
      named: "legend-\(name)-80x24")
  }

  @Test("one registry: names and keys are unique, each key opens its view, tours find theirs")
  func registry() {
    let names = ViewRegistry.views.map { $0.name }
    #expect(Set(names).count == names.count && !names.contains(LiveView.name))
    let keys = ViewRegistry.views.compactMap { $0.launcher?.key }
    #expect(Set(keys).count == keys.count)
    for view in ViewRegistry.views {
      guard let key = view.launcher?.key else { continue }
      #expect(KeyMap.action(for: .character(key)) == .openView(view.name))
    }
    for view in TourView.allCases {
      #expect(ViewRegistry.view(named: view.rawValue) != nil, "\(view) has no view")
    }
  }
}
