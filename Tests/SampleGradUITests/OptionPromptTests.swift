import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

/// The options prompt (`O`): it lists every option the estimators declare and takes
/// `KEY=VALUE`, checked by the scenario's own rules before the engine command is sent; a
/// refusal is one line in the prompt and sends nothing.
@Suite("Options prompt")
struct OptionPromptTests {
  let snapshot = HandBuiltMany.bits()

  private func press(_ keys: [Key], _ explorer: inout Explorer, snapshot: Snapshot? = nil)
    -> [ExplorerEffect]
  {
    keys.flatMap { explorer.handle($0, snapshot: snapshot ?? self.snapshot) }
  }

  private func type(_ text: String) -> [Key] { text.map { Key.character($0) } }

  @Test("O lists every registered option with its value, range, default and readers")
  func listing() {
    var explorer = Explorer(presets: [])
    _ = press([.character("O")], &explorer)
    #expect(explorer.overlay == .options(OptionPrompt()))
    let screen = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer).lines
    let text = screen.joined(separator: "\n")
    for option in EstimatorRegistry.options {
      #expect(screen.contains { $0.contains("│ \(option.key) ") }, "\(option.key)")
    }
    #expect(text.contains("between 2 and 1024,") && text.contains("default 4; read by RLOO"))
    #expect(text.contains("read by REBAR"))
  }

  @Test(
    "KEY=VALUE and Enter send the setting, whole-number options too",
    arguments: [
      ("draws=8", "draws", 8.0), (" eta = 0.5 ", "eta", 0.5), ("draws=1e1", "draws", 10),
    ])
  func sets(text: String, key: String, value: Double) {
    var explorer = Explorer(presets: [])
    _ = press([.character("O")] + type(text), &explorer)
    #expect(press([.enter], &explorer) == [.send(.set(.option(key), to: value))])
    #expect(explorer.overlay == .none)
    #expect(explorer.message?.hasPrefix("\(key) = ") == true)
  }

  @Test(
    "a refusal is one line in the prompt, keeps the text and sends nothing",
    arguments: [
      ("", "type KEY=VALUE (e.g. eta=1), or Esc to cancel"),
      (
        "foo=1",
        "unknown option 'foo' (known: eta, draws, surrogate-rate, surrogate-width, surrogate-optimizer)"
      ),
      ("draws", "type a value after draws="),
      ("draws=x", "\"x\" is not a number (try draws=2)"),
      ("draws=1", "draws must be between 2 and 1024, got 1"),
      ("draws=2.5", "draws expected a whole number, got 2.5"),
      ("eta=1e31", "eta must be between -1e30 and 1e30, got 1e+31"),
    ])
  func refusals(text: String, error: String) {
    var explorer = Explorer(presets: [])
    _ = press([.character("O")] + type(text), &explorer)
    #expect(press([.enter], &explorer).isEmpty)
    #expect(explorer.overlay == .options(OptionPrompt(text: text, error: error)))
    let screen = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer).lines
    #expect(screen.contains { $0.contains(error.prefix(40)) })
    // Editing clears the message; Escape closes with nothing sent.
    _ = press([.backspace], &explorer)
    guard case .options(let prompt) = explorer.overlay else {
      Issue.record("the prompt closed")
      return
    }
    #expect(prompt.error == nil)
    #expect(press([.escape], &explorer).isEmpty)
    #expect(explorer.overlay == .none)
  }

  @Test("an option no estimator of this distribution reads is refused with the reason")
  func notRead() {
    let gaussian = HandBuilt.gaussian()
    var explorer = Explorer(presets: [])
    _ = press([.character("O")] + type("eta=0.5"), &explorer, snapshot: gaussian)
    #expect(press([.enter], &explorer, snapshot: gaussian).isEmpty)
    guard case .options(let prompt) = explorer.overlay else {
      Issue.record("the prompt closed")
      return
    }
    #expect(prompt.error?.contains("does not apply to a gaussian") == true)
  }

  @Test("↑ ↓ pick an option and type its key; q and digits are text")
  func picking() {
    var explorer = Explorer(presets: [])
    _ = press([.character("O"), .down], &explorer)
    #expect(explorer.overlay == .options(OptionPrompt(text: "draws=", selected: 1)))
    _ = press([.down, .up, .up], &explorer)
    #expect(explorer.overlay == .options(OptionPrompt(text: "eta=", selected: 0)))
    #expect(press(type("q1"), &explorer).isEmpty)
    #expect(explorer.overlay == .options(OptionPrompt(text: "eta=q1", selected: 0)))
  }

  @Test("the engine takes the setting: draws changes the evaluations; a refusal keeps it all")
  func engine() {
    var state = EngineState(scenario: HandBuiltMany.bitsLoaded, seed: 7)
    state.step(samples: 50)
    let applied1 = state.apply(.set(.option("draws"), to: 8))
    #expect(applied1)
    #expect(state.scenario.options.value("draws") == 8)
    let before = state.scenario
    let applied2 = state.apply(.set(.option("draws"), to: 1))
    #expect(!applied2)
    #expect(state.scenario == before)
    #expect(state.message?.contains("must be between 2 and 1024, got 1") == true)
  }
}
