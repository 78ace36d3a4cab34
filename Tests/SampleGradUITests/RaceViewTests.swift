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

  @Test("every lane's glyph is on the chart, and each row of the table names its lane")
  func everyLaneShows() {
    let snapshot = RaceFixtures.relaxToy
    let buffer = RaceFixtures.screen(snapshot, width: 160, height: 48)
    let text = buffer.lines.joined(separator: "\n")
    let theme = Theme(options: DisplayOptions())
    for index in snapshot.lanes.indices {
      #expect(text.contains(LaneStyle(index: index, theme: theme).glyph))
    }
    #expect(text.contains("1,798") && text.contains("optimum 0.249001"))
    #expect(text.contains("step 6,000 / 10,000") && text.contains("12.3k steps/s"))
  }

  @Test("too small: the notice, never a trap", arguments: [(0, 0), (79, 23), (10, 40)])
  func tooSmall(width: Int, height: Int) {
    let buffer = RaceFixtures.screen(RaceFixtures.categorical, width: width, height: height)
    #expect(buffer.width == width)
  }

  @Test("the chart draws inside its rect only")
  func chartStaysInside() {
    var buffer = Canvas.make(width: 60, height: 14)
    let rect = Rect(x: 3, y: 2, width: 50, height: 10)
    LossChart(snapshot: RaceFixtures.relaxToy).draw(into: &buffer, in: rect, theme: Canvas.unicode)
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

  @Test("keys: space, r, + and -, Escape; the learning rate steps 1, 2, 5")
  func keys() {
    #expect(RaceKeys.action(for: .character(" ")) == .togglePause)
    #expect(RaceKeys.action(for: .character("r")) == .restart)
    #expect(RaceKeys.action(for: .character("+")) == .raiseLearningRate)
    #expect(RaceKeys.action(for: .character("-")) == .lowerLearningRate)
    #expect(RaceKeys.action(for: .escape) == .close)
    #expect(RaceKeys.action(for: .character("x")) == nil)
    var rate = 0.01
    var up: [Double] = []
    for _ in 0..<4 {
      rate = RaceKeys.nextLearningRate(after: rate, up: true)
      up.append(rate)
    }
    #expect(zip(up, [0.02, 0.05, 0.1, 0.2]).allSatisfy { abs($0 / $1 - 1) < 1e-12 })
    #expect(abs(RaceKeys.nextLearningRate(after: 0.01, up: false) / 0.005 - 1) < 1e-12)
    #expect(abs(RaceKeys.nextLearningRate(after: 0.03, up: false) / 0.02 - 1) < 1e-12)
  }
}

/// `T` in the explorer: it checks the race can start, then hands the keys to the race view
/// until Escape.
@Suite("Explorer: the race view's keys")
struct ExplorerRaceTests {
  static var snapshot: Snapshot { Fixtures.snapshot(Fixtures.bernoulli, batches: 1) }

  @Test("T opens the race; its keys become race commands; Escape returns")
  func keys() {
    var explorer = Explorer(presets: Fixtures.presets)
    var snapshot = Self.snapshot
    #expect(explorer.handle(.character("T"), snapshot: snapshot) == [.race(.open)])
    #expect(explorer.isRaceOpen)
    snapshot.race = RaceFixtures.relaxToy
    #expect(explorer.handle(.character(" "), snapshot: snapshot) == [.race(.togglePause)])
    #expect(explorer.handle(.character("r"), snapshot: snapshot) == [.race(.restart)])
    #expect(explorer.handle(.character("+"), snapshot: snapshot) == [.race(.setLearningRate(0.02))])
    #expect(explorer.message == "learning rate 0.02: the race starts again")
    #expect(
      explorer.handle(.character("-"), snapshot: snapshot) == [.race(.setLearningRate(0.005))])
    #expect(explorer.handle(.character("k"), snapshot: snapshot) == [])
    #expect(explorer.message?.contains("Esc returns") == true)
    var buffer = Buffer(width: 80, height: 24)
    explorer.render(snapshot, into: &buffer)
    #expect(buffer.lines[0].contains("training race"))
    #expect(explorer.handle(.escape, snapshot: snapshot) == [.race(.close)])
    #expect(!explorer.isRaceOpen)
    explorer.render(snapshot, into: &buffer)
    #expect(!buffer.lines[0].contains("training race"))
    #expect(explorer.handle(.character("T"), snapshot: snapshot) == [.race(.open)])
    #expect(explorer.handle(.character("q"), snapshot: snapshot) == [.quit])
  }

  @Test("T with every estimator off says why and stays on the statistics")
  func refused() {
    var explorer = Explorer(presets: Fixtures.presets)
    let snapshot = Fixtures.snapshot(Fixtures.bernoulli, batches: 1) { state in
      for kind in Fixtures.bernoulli.estimators { state.apply(.toggleEstimator(kind)) }
    }
    #expect(explorer.handle(.character("T"), snapshot: snapshot) == [])
    #expect(!explorer.isRaceOpen)
    #expect(explorer.message == "cannot race: no estimator is on: turn one on with 1-9")
  }
}
