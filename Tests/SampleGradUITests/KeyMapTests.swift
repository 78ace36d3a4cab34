import Testing

@testable import SampleGradUI

@Suite("Key map")
struct KeyMapTests {
  @Test(
    "every documented key has its action",
    arguments: [
      (Key.left, ExplorerAction.selectPrevious), (.character("h"), .selectPrevious),
      (.right, .selectNext), (.character("l"), .selectNext),
      (.home, .selectFirst), (.character("g"), .selectFirst),
      (.end, .selectLast), (.character("G"), .selectLast),
      (.up, .stepParameter(up: true, size: .small)),
      (.character("k"), .stepParameter(up: true, size: .small)),
      (.down, .stepParameter(up: false, size: .small)),
      (.character("j"), .stepParameter(up: false, size: .small)),
      (.pageUp, .stepParameter(up: true, size: .large)),
      (.pageDown, .stepParameter(up: false, size: .large)),
      (.character("0"), .restoreParameters),
      (.character("]"), .scaleTemperature(1.25)), (.character("["), .scaleTemperature(0.8)),
      (.character("1"), .toggleEstimator(row: 0)), (.character("9"), .toggleEstimator(row: 8)),
      (.character("e"), .openEstimators),
      (.character(" "), .togglePause), (.character("s"), .step),
      (.character("r"), .resetStatistics), (.character("m"), .pin), (.character("M"), .unpin),
      (.character("L"), .toggleLesson), (.character("c"), .cycleView), (.character("x"), .export),
      (.character("p"), .openPresets), (.character("w"), .openView("sweep")),
      (.character("T"), .openView("race")),
      (.character("?"), .openHelp), (.character("t"), .promptTemperature),
      (.character("="), .promptParameter), (.character("v"), .promptParameter),
      (.character("q"), .quit), (.interrupt, .quit), (.escape, .escape),
      (.tab, .nextLogit), (.character("A"), .promptEveryLogit),
      (.character("d"), .toggleComponent), (.character("O"), .openOptions),
    ])
  func mapped(key: Key, action: ExplorerAction) {
    #expect(KeyMap.action(for: key) == action)
  }

  @Test(
    "the moves of every list and cursor: the arrows and h j k l, Home End, PgUp PgDn",
    arguments: [
      (Key.left, KeyMap.Navigation.previous), (.character("h"), .previous),
      (.right, .next), (.character("l"), .next),
      (.up, .up), (.character("k"), .up), (.down, .down), (.character("j"), .down),
      (.home, .first), (.end, .last), (.pageUp, .pageUp), (.pageDown, .pageDown),
    ])
  func navigation(key: Key, move: KeyMap.Navigation) {
    #expect(KeyMap.navigation(key) == move)
  }

  @Test("g and G are the main screen's, not every list's; other keys are no move")
  func notNavigation() {
    for key in [Key.character("g"), .character("G"), .character(" "), .tab, .enter, .escape] {
      #expect(KeyMap.navigation(key) == nil, "\(key)")
    }
  }

  @Test("unbound keys do nothing")
  func unbound() {
    for key in [Key.character("z"), .character("Q"), .character("Z"), .enter, .backspace] {
      #expect(KeyMap.action(for: key) == nil)
    }
  }

  @Test("every key the help lists is bound (a tour's keys by the tour: see the tour tests)")
  func helpMatchesBindings() {
    let entries: [KeyMap.Entry] = KeyMap.help.filter { $0.title != KeyMap.tourSection }
      .flatMap(\.entries)
    let words: [Substring] = entries.flatMap { $0.asciiKeys.split(separator: " ") }
    let singles = words.filter { $0.count == 1 && $0 != "-" && $0 != "/" }
    for key in singles {
      #expect(KeyMap.action(for: .character(Character(String(key)))) != nil, "\(key)")
    }
  }

  @Test("the footer fits 80 columns and keeps quit, help and pin")
  func footer() {
    for ascii in [false, true] {
      var buffer = Buffer(width: 80, height: 1)
      FooterPanel().draw(
        into: &buffer, in: Rect(x: 0, y: 0, width: 80, height: 1),
        theme: ascii ? Canvas.ascii : Canvas.unicode)
      let line = buffer.lines[0]
      #expect(line.hasSuffix("q quit"))
      #expect(line.contains("? help") && line.contains("m pin") && line.contains("1-9 e"))
    }
  }

  @Test("with a std selected the footer says the arrows scale it")
  func footerForStd() {
    var buffer = Buffer(width: 80, height: 1)
    FooterPanel(hasTemperature: false, scalesSelection: true).draw(
      into: &buffer, in: Rect(x: 0, y: 0, width: 80, height: 1), theme: Canvas.unicode)
    #expect(buffer.lines[0].contains("↑↓ ×1.25"))
    #expect(!buffer.lines[0].contains("temp"))
  }
}
