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

  @Test("up, down, page up and page down nudge the selected parameter")
  func nudges() {
    var explorer = Explorer(presets: [])
    _ = press([.right], &explorer)
    #expect(press([.up], &explorer) == [.send(.nudgeParameter(index: 1, delta: 0.1))])
    #expect(press([.character("j")], &explorer) == [.send(.nudgeParameter(index: 1, delta: -0.1))])
    #expect(press([.pageUp], &explorer) == [.send(.nudgeParameter(index: 1, delta: 1))])
    #expect(press([.pageDown], &explorer) == [.send(.nudgeParameter(index: 1, delta: -1))])
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
    #expect(gaussian.estimators.count == 6)
    #expect(press([.character("7")], &explorer, snapshot: gaussian).isEmpty)
    #expect(explorer.message == "no estimator 7: this scenario has 6 rows")
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
      press([.up], &explorer, snapshot: bernoulli) == [.send(.nudgeParameter(index: 0, delta: 0.1))]
    )
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
