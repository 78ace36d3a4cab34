import Testing

@testable import SampleGradUI

@Suite("Key map")
struct KeyMapTests {
  @Test(
    "every documented key has its action",
    arguments: [
      (Key.left, ExplorerAction.selectPrevious), (.character("h"), .selectPrevious),
      (.right, .selectNext), (.character("l"), .selectNext),
      (.up, .nudge(0.1)), (.character("k"), .nudge(0.1)),
      (.down, .nudge(-0.1)), (.character("j"), .nudge(-0.1)),
      (.pageUp, .nudge(1)), (.pageDown, .nudge(-1)),
      (.character("]"), .scaleTemperature(1.25)), (.character("["), .scaleTemperature(0.8)),
      (.character("1"), .toggleEstimator(row: 0)), (.character("9"), .toggleEstimator(row: 8)),
      (.character(" "), .togglePause), (.character("s"), .step),
      (.character("r"), .resetStatistics), (.character("p"), .openPresets),
      (.character("?"), .openHelp), (.character("t"), .promptTemperature),
      (.character("="), .promptParameter), (.character("v"), .promptParameter),
      (.character("q"), .quit), (.interrupt, .quit), (.escape, .escape),
    ])
  func mapped(key: Key, action: ExplorerAction) {
    #expect(KeyMap.action(for: key) == action)
  }

  @Test("unbound keys do nothing")
  func unbound() {
    for key in [Key.character("0"), .character("x"), .tab, .home, .end, .enter, .backspace] {
      #expect(KeyMap.action(for: key) == nil)
    }
  }

  @Test("the footer fits 80 columns and keeps quit and help")
  func footer() {
    for ascii in [false, true] {
      var buffer = Buffer(width: 80, height: 1)
      FooterPanel().draw(
        into: &buffer, in: Rect(x: 0, y: 0, width: 80, height: 1),
        theme: ascii ? Canvas.ascii : Canvas.unicode)
      let line = buffer.lines[0]
      #expect(line.hasSuffix("q quit"))
      #expect(line.contains("? help") && line.contains("space pause") && line.contains("1-9"))
    }
  }
}
