import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

@Suite("Explorer keys on the main screen")
struct ExplorerTests {
  let snapshot = Fixtures.snapshot(Fixtures.categorical, batches: 2)
  let paused = Fixtures.snapshot(Fixtures.categorical, batches: 2, paused: true)

  private func press(_ keys: [Key], _ explorer: inout Explorer, snapshot: Snapshot? = nil)
    -> [ExplorerEffect]
  {
    keys.flatMap { explorer.handle($0, snapshot: snapshot ?? self.snapshot) }
  }

  @Test("left and right move the selection and stay in range")
  func selection() {
    var explorer = Explorer(presets: [])
    #expect(press([.left], &explorer).isEmpty)
    #expect(explorer.selectedParameter == 0)
    _ = press([.right, .character("l"), .right, .right, .right], &explorer)
    #expect(explorer.selectedParameter == 3)
    _ = press([.character("h")], &explorer)
    #expect(explorer.selectedParameter == 2)
  }

  @Test("up, down, page up and page down step the selected parameter; 0 restores")
  func steps() {
    var explorer = Explorer(presets: [])
    _ = press([.right], &explorer)
    #expect(
      press([.up], &explorer) == [.send(.stepParameter(index: 1, up: true, size: .small))])
    #expect(
      press([.character("j")], &explorer)
        == [.send(.stepParameter(index: 1, up: false, size: .small))])
    #expect(
      press([.pageUp], &explorer) == [.send(.stepParameter(index: 1, up: true, size: .large))])
    #expect(
      press([.pageDown], &explorer) == [.send(.stepParameter(index: 1, up: false, size: .large))])
    #expect(press([.character("0")], &explorer) == [.send(.restoreParameters)])
  }

  @Test("Home, End, g and G select the first and the last parameter")
  func firstAndLast() {
    var explorer = Explorer(presets: [])
    _ = press([.end], &explorer)
    #expect(explorer.selectedParameter == 3)
    _ = press([.home], &explorer)
    #expect(explorer.selectedParameter == 0)
    _ = press([.character("G")], &explorer)
    #expect(explorer.selectedParameter == 3)
    _ = press([.character("g")], &explorer)
    #expect(explorer.selectedParameter == 0)
  }

  @Test("m pins the numbers, m again re-pins, M clears; a new preset drops the pin")
  func pins() {
    var explorer = Explorer(presets: Fixtures.presets)
    let snapshot = HandBuilt.categorical(after: false)
    _ = press([.character("m")], &explorer, snapshot: snapshot)
    let first = explorer.pin
    #expect(first?.setting == snapshot.distribution)
    #expect(first?.rows[.gumbelSoftmax]?.count == 4)
    #expect(first?.rows[.scoreFunctionBaseline] == nil)
    #expect(explorer.message?.hasPrefix("pinned:") == true)
    _ = press([.character("m")], &explorer)
    #expect(explorer.message?.hasPrefix("pinned again") == true)
    _ = press([.character("M")], &explorer)
    #expect(explorer.pin == nil)
    _ = press([.character("M")], &explorer)
    #expect(explorer.message?.contains("nothing is pinned") == true)
    _ = press([.character("m"), .character("p"), .enter], &explorer)
    #expect(explorer.pin == nil)
  }

  @Test("L hides and shows the lesson; c cycles what a small screen shows in the middle")
  func lessonAndViews() {
    var explorer = Explorer(presets: [])
    #expect(explorer.showsLesson)
    _ = press([.character("L")], &explorer)
    #expect(!explorer.showsLesson)
    _ = press([.character("L")], &explorer)
    #expect(explorer.showsLesson)
    #expect(explorer.middle == .samples)
    // The lesson first: the status line's one-line lesson promises it on `c`.
    _ = press([.character("c")], &explorer)
    #expect(explorer.middle == .lesson)
    _ = press([.character("c")], &explorer)
    #expect(explorer.middle == .chart)
    _ = press([.character("c")], &explorer)
    #expect(explorer.middle == .samples)
    explorer.screenWidth = 160
    explorer.screenHeight = 48
    _ = press([.character("c")], &explorer)
    #expect(explorer.middle == .samples)
    #expect(explorer.message == "everything is on screen at this size")
  }

  @Test("[ and ] scale the temperature; a gaussian says it has none")
  func temperature() {
    var explorer = Explorer(presets: [])
    #expect(press([.character("]")], &explorer) == [.send(.scaleTemperature(by: 1.25))])
    #expect(press([.character("[")], &explorer) == [.send(.scaleTemperature(by: 0.8))])
    let gaussian = Fixtures.snapshot(Fixtures.gaussian, batches: 1)
    #expect(press([.character("]")], &explorer, snapshot: gaussian).isEmpty)
    #expect(explorer.message == "a gaussian has no temperature")
  }

  @Test("digits toggle the estimator in that row; a missing row is explained")
  func estimators() {
    var explorer = Explorer(presets: [])
    let kinds = snapshot.estimators.map(\.kind)
    #expect(press([.character("1")], &explorer) == [.send(.toggleEstimator(kinds[0]))])
    #expect(press([.character("6")], &explorer) == [.send(.toggleEstimator(kinds[5]))])
    let gaussian = Fixtures.snapshot(Fixtures.gaussian, batches: 1)
    #expect(gaussian.estimators.count == 7)
    #expect(press([.character("8")], &explorer, snapshot: gaussian).isEmpty)
    #expect(explorer.message == "no estimator 8: this scenario has 7 rows")
  }

  @Test("space pauses, s steps only while paused, r resets")
  func running() {
    var explorer = Explorer(presets: [])
    #expect(press([.character(" ")], &explorer) == [.send(.togglePause)])
    #expect(press([.character("s")], &explorer).isEmpty)
    #expect(explorer.message == "s steps while paused (space pauses)")
    #expect(press([.character("s")], &explorer, snapshot: paused) == [.send(.step)])
    #expect(explorer.message == nil)
    #expect(press([.character("r")], &explorer) == [.send(.resetStatistics)])
  }

  @Test("q and Ctrl-C quit; Escape alone only hints")
  func quitting() {
    var explorer = Explorer(presets: [])
    #expect(press([.character("q")], &explorer) == [.quit])
    #expect(press([.interrupt], &explorer) == [.quit])
    #expect(press([.escape], &explorer).isEmpty)
    #expect(explorer.message == "q quits")
    #expect(explorer.overlay == .none)
  }

  @Test("the selection is clamped when a scenario with fewer parameters arrives")
  func clampOnLoad() {
    var explorer = Explorer(presets: [])
    _ = press([.right, .right, .right], &explorer)
    let bernoulli = Fixtures.snapshot(Fixtures.bernoulli, batches: 1)
    #expect(
      press([.up], &explorer, snapshot: bernoulli)
        == [.send(.stepParameter(index: 0, up: true, size: .small))])
    #expect(explorer.selectedParameter == 0)
    let screen = Fixtures.screen(bernoulli, width: 80, height: 24, explorer: explorer)
    #expect(screen.lines.contains { $0.contains("dL/d log-odds") })
  }

  @Test("show(message:) appears in the status line until the next key")
  func messages() {
    var explorer = Explorer(presets: [])
    explorer.show(message: "could not read presets/x.toml")
    var screen = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer)
    #expect(screen.lines[22].contains("could not read presets/x.toml"))
    _ = press([.right], &explorer)
    screen = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer)
    #expect(!screen.lines[22].contains("could not read"))
  }

  @Test("the engine's message shows when the screen has none of its own")
  func engineMessage() {
    var withMessage = snapshot
    withMessage.message = "temperature is already at its minimum (0.01)"
    let screen = Fixtures.screen(withMessage, width: 80, height: 24)
    #expect(screen.lines[22].contains("temperature is already at its minimum (0.01)"))
  }
}
