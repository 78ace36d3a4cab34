import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

/// The race view off-terminal: full screens at 80x24 and 160x48 against recorded snapshots,
/// and the pieces (the step axis, the chart's bounds, the lane styles, the keys) on their own.
@Suite("Race view")
struct RaceViewTests {
  @Test(
    "full screens match their snapshots",
    arguments: [
      ("race-bernoulli-80x24", 80, 24), ("race-bernoulli-160x48", 160, 48),
      ("race-categorical-80x24", 80, 24), ("race-categorical-160x48", 160, 48),
      ("race-gaussian-80x24", 80, 24), ("race-gaussian-160x48", 160, 48),
    ])
  func screens(name: String, width: Int, height: Int) {
    let snapshot =
      name.contains("bernoulli")
      ? RaceFixtures.relaxToy
      : name.contains("categorical") ? RaceFixtures.categorical : RaceFixtures.gaussian
    SnapshotFile.check(RaceFixtures.screen(snapshot, width: width, height: height), named: name)
  }

  @Test("ASCII without colour keeps every lane apart by glyph")
  func asciiScreen() {
    let buffer = RaceFixtures.screen(RaceFixtures.relaxToy, width: 80, height: 24, ascii: true)
    SnapshotFile.check(buffer, named: "race-bernoulli-80x24-ascii")
    for line in buffer.lines {
      #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(line)")
    }
  }

  @Test("every lane shows with the glyph of its estimator's row on the explorer's screen")
  func everyLaneShows() {
    let snapshot = RaceFixtures.relaxToy
    let buffer = RaceFixtures.screen(snapshot, width: 160, height: 48)
    let text = buffer.lines.joined(separator: "\n")
    let theme = Theme(options: DisplayOptions())
    let rows = RaceFixtures.live(snapshot).estimators.map(\.kind)
    let lanes = LaneStyle.all(for: snapshot, rows: rows, theme: theme)
    #expect(Set(lanes.map(\.glyph)).count == snapshot.lanes.count)
    for (lane, style) in zip(snapshot.lanes, lanes) {
      // The estimator's own look, as its row on the explorer's screen shows it.
      #expect(rows.contains(lane.kind))
      #expect(
        style.glyph == theme.seriesGlyph(lane.kind) && style.style == theme.seriesStyle(lane.kind))
      #expect(text.contains(style.glyph))
    }
    #expect(text.contains("1,798") && text.contains("optimum 0.249001"))
    #expect(text.contains("step 6,000 / 10,000") && text.contains("12.3k steps/s"))
  }

  @Test("too small: the notice, never a trap", arguments: [(0, 0), (79, 23), (10, 40)])
  func tooSmall(width: Int, height: Int) {
    let buffer = RaceFixtures.screen(RaceFixtures.categorical, width: width, height: height)
    #expect(buffer.width == width)
    #expect(!buffer.lines.joined().contains("Training race"))
  }

  @Test("every size from 80x24 draws the chart and every lane, without trapping")
  func sizes() {
    for (w, h) in [(80, 24), (81, 25), (100, 30), (119, 40), (120, 30), (200, 60)] {
      let buffer = RaceFixtures.screen(RaceFixtures.relaxToy, width: w, height: h)
      #expect(buffer.lines[0].contains("Training race"), "\(w)x\(h)")
      #expect(buffer.lines.contains { $0.contains("Exact loss") }, "\(w)x\(h)")
      #expect(buffer.lines.last?.contains("Esc back") == true, "\(w)x\(h)")
    }
  }

  @Test("until the engine has the race on screen, a line says it is starting")
  func starting() {
    var explorer = Explorer(presets: [])
    explorer.view = RaceView()
    var snapshot = Fixtures.snapshot(Fixtures.bernoulli, batches: 0)
    #expect(
      Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer).lines.contains {
        $0.contains("starting the race")
      })
    // A race run before, not yet reopened: not drawn as if it were the new one.
    snapshot.race = RaceFixtures.relaxToy
    #expect(
      !Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer).lines.contains {
        $0.contains("optimum")
      })
  }

  @Test("the chart draws inside its rect only")
  func chartStaysInside() {
    var buffer = Canvas.make(width: 60, height: 14)
    let rect = Rect(x: 3, y: 2, width: 50, height: 10)
    let race = RaceFixtures.relaxToy
    let lanes = LaneStyle.all(for: race, rows: [], theme: Canvas.unicode)
    LossChart(snapshot: race, lanes: lanes).draw(into: &buffer, in: rect, theme: Canvas.unicode)
    for y in 0..<buffer.height {
      for x in 0..<buffer.width
      where !(rect.x..<rect.maxX).contains(x) || !(rect.y..<rect.maxY).contains(y) {
        #expect(buffer[x, y].character == Canvas.marker, "drew at \(x), \(y)")
      }
    }
  }

  @Test("the step axis: log for long races, each step in one column, ticks in order")
  func stepAxis() {
    let log = StepAxis(total: 10_000, width: 100, isLog: true)
    #expect(log.isLog)
    #expect(log.column(of: 0) == 0 && log.column(of: 10_000) == 99)
    #expect(log.column(of: 100) == 50)  // log(101) / log(10001) = 0.501 of 99 columns
    #expect(log.ticks == [0, 10, 100, 1000, 10_000])
    for c in [0, 10, 50, 98] {
      let last = log.lastStep(atOrBefore: c)
      #expect(log.column(of: last) <= c && log.column(of: last + 1) > c)
    }
    #expect(log.lastStep(atOrBefore: 99) == 10_000)
    let linear = StepAxis(total: 150, width: 76, isLog: false)
    #expect(!linear.isLog && linear.ticks == [0, 37, 75, 112, 150])
    #expect(linear.column(of: 75) == 38)
    #expect(StepAxis.label(2500) == "2.5k" && StepAxis.label(10_000) == "10k")
  }

  @Test("the learning rate steps 1, 2, 5 in each decade and stops at the ends of its range")
  func learningRateLadder() {
    var rate = 0.01
    var up: [Double] = []
    for _ in 0..<4 {
      rate = RaceView.nextLearningRate(after: rate, up: true)!
      up.append(rate)
    }
    #expect(zip(up, [0.02, 0.05, 0.1, 0.2]).allSatisfy { abs($0 / $1 - 1) < 1e-12 })
    #expect(abs(RaceView.nextLearningRate(after: 0.01, up: false)! / 0.005 - 1) < 1e-12)
    #expect(abs(RaceView.nextLearningRate(after: 0.03, up: false)! / 0.02 - 1) < 1e-12)
    let range = ScenarioRules.learningRateRange
    #expect(RaceView.nextLearningRate(after: 5e5, up: true) == range.upperBound)
    #expect(RaceView.nextLearningRate(after: range.upperBound, up: true) == nil)
    #expect(RaceView.nextLearningRate(after: 2e-9, up: false) == range.lowerBound)
    #expect(RaceView.nextLearningRate(after: range.lowerBound, up: false) == nil)
  }
}

/// `T` in the explorer: it checks the race can start, then hands the keys to the race view
/// until Escape.
@Suite("Explorer: the race view's keys")
struct ExplorerRaceTests {
  static var snapshot: Snapshot { Fixtures.snapshot(Fixtures.bernoulli, batches: 1) }

  @Test("T opens the race; its keys become race commands; Escape or T returns")
  func keys() {
    var explorer = Explorer(presets: Fixtures.presets)
    var snapshot = Self.snapshot
    #expect(explorer.handle(.character("T"), snapshot: snapshot) == [.job(.race(.open))])
    #expect(explorer.viewName == "race")
    snapshot.race = RaceFixtures.relaxToy
    snapshot.race?.isOpen = true
    #expect(explorer.handle(.character(" "), snapshot: snapshot) == [.job(.race(.togglePause))])
    #expect(explorer.handle(.character("r"), snapshot: snapshot) == [.job(.race(.restart))])
    #expect(
      explorer.handle(.character("+"), snapshot: snapshot) == [.job(.race(.setLearningRate(0.02)))])
    #expect(explorer.message == "learning rate 0.02: the race starts again")
    #expect(
      explorer.handle(.character("-"), snapshot: snapshot) == [.job(.race(.setLearningRate(0.005)))]
    )
    #expect(explorer.handle(.character("k"), snapshot: snapshot) == [])
    #expect(explorer.message?.contains("Esc returns") == true)
    var buffer = Buffer(width: 80, height: 24)
    explorer.render(snapshot, into: &buffer)
    #expect(buffer.lines[0].contains("Training race"))
    #expect(buffer.lines[22].contains("Esc returns"))
    #expect(explorer.handle(.escape, snapshot: snapshot) == [.job(.race(.close))])
    #expect(explorer.onLive)
    explorer.render(snapshot, into: &buffer)
    #expect(!buffer.lines[0].contains("Training race"))
    #expect(explorer.handle(.character("T"), snapshot: snapshot) == [.job(.race(.open))])
    #expect(explorer.handle(.character("T"), snapshot: snapshot) == [.job(.race(.close))])
    #expect(explorer.onLive)
    _ = explorer.handle(.character("T"), snapshot: snapshot)
    #expect(explorer.handle(.character("q"), snapshot: snapshot) == [.quit])
  }

  @Test("+ at the largest learning rate says so and sends nothing")
  func ladderEnd() {
    var explorer = Explorer(presets: Fixtures.presets)
    var snapshot = Self.snapshot
    _ = explorer.handle(.character("T"), snapshot: snapshot)
    var race = RaceFixtures.relaxToy
    race.settings.learningRate = ScenarioRules.learningRateRange.upperBound
    snapshot.race = race
    #expect(explorer.handle(.character("+"), snapshot: snapshot) == [])
    #expect(
      explorer.message
        == "learning rate is already at its maximum (it must be between 1e-9 and 1e6)")
  }

  @Test("w and T each open their own view over the statistics, and Escape returns from each")
  func sweepAndRace() {
    var explorer = Explorer(presets: Fixtures.presets)
    let snapshot = Self.snapshot
    #expect(
      explorer.handle(.character("w"), snapshot: snapshot) == [.job(.sweep(.open(.temperature)))])
    // The race's keys do not reach the sweep: space pauses the sweep.
    #expect(explorer.handle(.character(" "), snapshot: snapshot) == [.job(.sweep(.togglePause))])
    #expect(explorer.handle(.character("T"), snapshot: snapshot) == [])
    #expect(explorer.handle(.escape, snapshot: snapshot) == [.job(.sweep(.close))])
    #expect(explorer.handle(.character("T"), snapshot: snapshot) == [.job(.race(.open))])
    #expect(explorer.handle(.character("w"), snapshot: snapshot) == [])
    #expect(explorer.handle(.character(" "), snapshot: snapshot) == [.job(.race(.togglePause))])
    #expect(explorer.handle(.escape, snapshot: snapshot) == [.job(.race(.close))])
    #expect(explorer.onLive)
  }

  @Test("T with every estimator off says why and stays on the statistics")
  func refused() {
    var explorer = Explorer(presets: Fixtures.presets)
    let snapshot = Fixtures.snapshot(Fixtures.bernoulli, batches: 1) { state in
      for kind in Fixtures.bernoulli.estimators { state.apply(.toggleEstimator(kind)) }
    }
    #expect(explorer.handle(.character("T"), snapshot: snapshot) == [])
    #expect(explorer.onLive)
    #expect(explorer.message == "cannot race: no estimator is on: turn one on with 1-9")
  }
}
