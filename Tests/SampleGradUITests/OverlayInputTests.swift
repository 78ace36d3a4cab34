import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

@Suite("Overlays: help, preset picker, value prompt")
struct OverlayInputTests {
  let snapshot = Fixtures.snapshot(Fixtures.categorical, batches: 2)

  private func press(_ keys: [Key], _ explorer: inout Explorer, snapshot: Snapshot? = nil)
    -> [ExplorerEffect]
  {
    keys.flatMap { explorer.handle($0, snapshot: snapshot ?? self.snapshot) }
  }

  private func type(_ text: String) -> [Key] { text.map { Key.character($0) } }

  @Test("? opens help; ? or Escape closes it; other keys are swallowed")
  func help() {
    var explorer = Explorer(presets: [])
    _ = press([.character("?")], &explorer)
    #expect(explorer.overlay == .help)
    #expect(press([.character("1"), .up], &explorer).isEmpty)
    _ = press([.character("?")], &explorer)
    #expect(explorer.overlay == .none)
    _ = press([.character("?"), .escape], &explorer)
    #expect(explorer.overlay == .none)
    _ = press([.character("?")], &explorer)
    #expect(press([.interrupt], &explorer) == [.quit])
  }

  @Test("p opens the picker on the current scenario; up, down, j, k move; Enter loads")
  func picker() {
    var explorer = Explorer(presets: Fixtures.presets)
    _ = press([.character("p")], &explorer)
    #expect(explorer.overlay == .presets(PresetPicker(selected: 0)))
    _ = press([.down, .character("j"), .character("j")], &explorer)
    #expect(explorer.overlay == .presets(PresetPicker(selected: 2)))
    _ = press([.character("k")], &explorer)
    #expect(explorer.overlay == .presets(PresetPicker(selected: 1)))
    _ = press([.up, .up], &explorer)
    #expect(explorer.overlay == .presets(PresetPicker(selected: 0)))
    #expect(press([.enter], &explorer) == [.loadPreset(Fixtures.presets[0])])
    #expect(explorer.overlay == .none)
  }

  @Test("a broken preset is not loaded: its problem is shown and the picker stays")
  func brokenPreset() {
    var explorer = Explorer(presets: Fixtures.presets)
    _ = press([.character("p"), .end], &explorer)
    #expect(press([.enter], &explorer).isEmpty)
    #expect(explorer.overlay == .presets(PresetPicker(selected: 2)))
    #expect(explorer.message?.hasPrefix("cannot load broken: presets/broken.toml:7") == true)
    _ = press([.escape], &explorer)
    #expect(explorer.overlay == .none)
  }

  @Test("/ filters the picker as you type; Enter loads the match; Esc clears the filter")
  func pickerFilter() {
    var explorer = Explorer(presets: Fixtures.presets)
    _ = press([.character("p"), .character("/")] + type("gauss"), &explorer)
    guard case .presets(let picker) = explorer.overlay else {
      Issue.record("the picker closed")
      return
    }
    #expect(picker.filter == "gauss" && picker.isFiltering)
    #expect(explorer.filteredPresets(picker) == [1])
    #expect(picker.selected == 1)
    let screen = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer)
    #expect(screen.lines.contains { $0.contains("Presets  / gauss_") })
    #expect(!screen.lines.contains { $0.contains("bias-and-variance  ") })
    _ = press([.escape], &explorer)
    #expect(explorer.overlay == .presets(PresetPicker(selected: 1)))
    _ = press([.character("/")] + type("zzz"), &explorer)
    #expect(press([.enter], &explorer).isEmpty)
    #expect(explorer.message?.contains("no preset matches") == true)
    _ = press([.backspace, .backspace, .backspace, .backspace], &explorer)
    _ = press([.character("/")] + type("bias"), &explorer)
    #expect(press([.enter], &explorer) == [.loadPreset(Fixtures.presets[0])])
  }

  @Test("while the picker filters, j and k are letters of the filter; the arrows still move")
  func pickerFilterLetters() {
    var explorer = Explorer(presets: Fixtures.presets)
    _ = press([.character("p"), .character("/"), .character("j"), .character("k")], &explorer)
    #expect(
      explorer.overlay == .presets(PresetPicker(selected: 0, filter: "jk", isFiltering: true)))
    _ = press([.backspace, .backspace, .down], &explorer)
    #expect(explorer.overlay == .presets(PresetPicker(selected: 1, isFiltering: true)))
  }

  @Test("the picker shows where it is in a list longer than the screen")
  func pickerScrolls() {
    let many = (1...30).map {
      PresetSummary(
        name: "preset-\($0)", path: "p\($0).toml", title: "Title \($0)", lesson: "A lesson.",
        problem: nil)
    }
    var explorer = Explorer(presets: many)
    _ = press([.character("p")] + Array(repeating: Key.down, count: 12), &explorer)
    let lines = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer).lines
    #expect(lines.contains { $0.contains("▲") && $0.contains("above") && $0.contains("of 30") })
    #expect(lines.contains { $0.contains("▶ preset-13") })
  }

  @Test("e lists every estimator row; space toggles the highlighted one, past the ninth too")
  func chooser() {
    var explorer = Explorer(presets: [])
    _ = press([.character("e")], &explorer)
    #expect(explorer.overlay == .estimators(selected: 0))
    _ = press([.down, .down], &explorer)
    let kinds = snapshot.estimators.map(\.kind)
    #expect(press([.character(" ")], &explorer) == [.send(.toggleEstimator(kinds[2]))])
    #expect(press([.enter], &explorer) == [.send(.toggleEstimator(kinds[2]))])
    let screen = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer)
    #expect(screen.lines.contains { $0.contains("Estimators") && $0.contains("┌") })
    _ = press([.escape], &explorer)
    #expect(explorer.overlay == .none)
  }

  @Test("help: Tab turns to the legend, arrows scroll, Escape closes")
  func helpPages() {
    var explorer = Explorer(presets: [])
    _ = press([.character("?"), .tab], &explorer)
    #expect(explorer.overlay == .help(page: 1, scroll: 0))
    var lines = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer).lines
    #expect(lines.contains { $0.contains("Help 2/2") })
    #expect(lines.contains { $0.contains("Samples: the bar is how often") })
    _ = press(Array(repeating: Key.down, count: 30), &explorer)
    lines = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer).lines
    // Scrolled past the first entry, however long the legend has grown.
    #expect(!lines.contains { $0.contains("Samples: the bar is how often") })
    #expect(lines.contains { $0.contains("Help 2/2") })
    _ = press([.home, .down, .down], &explorer)
    #expect(explorer.overlay == .help(page: 1, scroll: 2))
    _ = press([.right], &explorer)
    #expect(explorer.overlay == .help(page: 0, scroll: 0))
    lines = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer).lines
    #expect(lines.contains { $0.contains("Help 1/2") })
    _ = press([.escape], &explorer)
    #expect(explorer.overlay == .none)
  }

  @Test("p with no presets says so")
  func noPresets() {
    var explorer = Explorer(presets: [])
    _ = press([.character("p")], &explorer)
    #expect(explorer.overlay == .none)
    #expect(explorer.message == "no presets found")
  }

  @Test("t, a number, Enter sets the temperature")
  func temperaturePrompt() {
    var explorer = Explorer(presets: [])
    _ = press([.character("t")], &explorer)
    #expect(explorer.overlay == .prompt(ValuePrompt(target: .temperature)))
    #expect(press(type("0.25"), &explorer).isEmpty)
    #expect(press([.enter], &explorer) == [.send(.setTemperature(0.25))])
    #expect(explorer.overlay == .none)
  }

  @Test("= or v, a number, Enter sets the selected parameter; Backspace edits")
  func parameterPrompt() {
    var explorer = Explorer(presets: [])
    _ = press([.right, .character("v")] + type("-1.55") + [.backspace], &explorer)
    #expect(
      explorer.overlay
        == .prompt(ValuePrompt(target: .parameter(index: 1, name: "logit 2"), text: "-1.5")))
    #expect(press([.enter], &explorer) == [.send(.setParameter(index: 1, value: -1.5))])
    _ = press([.character("=")] + type("1e-2"), &explorer)
    #expect(press([.enter], &explorer) == [.send(.setParameter(index: 1, value: 0.01))])
  }

  @Test("a value outside the numeric domain is refused in the prompt by the scenario's rules")
  func outsideTheDomain() {
    var explorer = Explorer(presets: [])
    #expect(press([.character("=")] + type("2e6") + [.enter], &explorer).isEmpty)
    #expect(
      explorer.overlay
        == .prompt(
          ValuePrompt(
            target: .parameter(index: 0, name: "logit 1"), text: "2e6",
            error: "logit 1 must be between -1e6 and 1e6, got 2000000")))
    let screen = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer)
    #expect(
      screen.lines.contains { $0.contains("logit 1 must be between -1e6 and 1e6, got 2000000") })
  }

  @Test("a bad number keeps the prompt open with a clear message and sends nothing")
  func badNumbers() {
    var explorer = Explorer(presets: [])
    _ = press([.character("t")] + type("abc"), &explorer)
    #expect(press([.enter], &explorer).isEmpty)
    guard case .prompt(let prompt) = explorer.overlay else {
      Issue.record("the prompt closed")
      return
    }
    #expect(prompt.error == "\"abc\" is not a number (try 0.5 or 1e-2)")
    #expect(prompt.text == "abc")
    let screen = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer)
    #expect(screen.lines.contains { $0.contains("\"abc\" is not a number") })
    #expect(press([.escape], &explorer).isEmpty)
    #expect(explorer.overlay == .none)

    for (text, error) in [
      ("", "type a number, or Esc to cancel"), ("nan", "\"nan\" is not a number (try 0.5 or 1e-2)"),
      ("1000", "temperature must be between 0.01 and 100, got 1000"),
    ] {
      _ = press([.character("t")] + type(text), &explorer)
      #expect(press([.enter], &explorer).isEmpty)
      #expect(
        explorer.overlay == .prompt(ValuePrompt(target: .temperature, text: text, error: error)))
      _ = press([.escape], &explorer)
    }
  }

  @Test("gaussian: no temperature prompt; the std must stay positive")
  func gaussianPrompts() {
    let gaussian = Fixtures.snapshot(Fixtures.gaussian, batches: 1)
    var explorer = Explorer(presets: [])
    _ = press([.character("t")], &explorer, snapshot: gaussian)
    #expect(explorer.overlay == .none)
    _ = press([.right, .character("=")] + type("-1") + [.enter], &explorer, snapshot: gaussian)
    #expect(
      explorer.overlay
        == .prompt(
          ValuePrompt(
            target: .parameter(index: 1, name: "std"), text: "-1",
            error: "std must be between 1e-30 and 1e50, got -1")))
    _ = press([.backspace, .backspace] + type("2"), &explorer, snapshot: gaussian)
    #expect(
      press([.enter], &explorer, snapshot: gaussian) == [.send(.setParameter(index: 1, value: 2))])
  }

  @Test("in the prompt, q and digits are text, not commands")
  func promptSwallowsKeys() {
    var explorer = Explorer(presets: [])
    #expect(press([.character("t"), .character("q"), .character("1")], &explorer).isEmpty)
    #expect(explorer.overlay == .prompt(ValuePrompt(target: .temperature, text: "q1")))
  }
}
