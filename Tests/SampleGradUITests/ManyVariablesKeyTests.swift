import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

/// The live screen's keys and clicks on D variables: ←/→ a variable at a time keeping the
/// logit's place, Tab within the variable, `A` every logit at once, `d` the selected
/// component's columns; on one variable those keys say where they apply.
@Suite("Keys on D variables")
struct ManyVariablesKeyTests {
  let bits = HandBuiltMany.bits()
  let categoricals = HandBuiltMany.categoricals()

  private func press(_ keys: [Key], _ explorer: inout Explorer, _ snapshot: Snapshot)
    -> [ExplorerEffect]
  {
    keys.flatMap { explorer.handle($0, snapshot: snapshot) }
  }

  private func type(_ text: String) -> [Key] { text.map { Key.character($0) } }

  private func makeExplorer(selected: Int) -> Explorer {
    var explorer = Explorer(presets: Fixtures.presets)
    explorer.selectedParameter = selected
    return explorer
  }

  @Test("← → Home End move a variable at a time and keep the logit's place")
  func variables() {
    var explorer = makeExplorer(selected: 4)  // logit 2 of variable 2
    let moves: [(Key, Int)] = [
      (.right, 7), (.left, 4), (.left, 1), (.left, 1), (.end, 10), (.right, 10), (.home, 1),
      (.character("G"), 10), (.character("g"), 1), (.character("l"), 4),
    ]
    for (key, expected) in moves {
      #expect(press([key], &explorer, categoricals).isEmpty)
      #expect(explorer.selectedParameter == expected, "\(key)")
    }
    var bits = makeExplorer(selected: 36)
    for (key, expected) in [(Key.right, 37), (.left, 36), (.end, 127), (.home, 0), (.left, 0)] {
      _ = press([key], &bits, self.bits)
      #expect(bits.selectedParameter == expected, "\(key)")
    }
  }

  @Test("Tab goes round the variable's logits; a bit has one, and says so")
  func tab() {
    var explorer = makeExplorer(selected: 4)
    for expected in [5, 3, 4] {
      #expect(press([.tab], &explorer, categoricals).isEmpty)
      #expect(explorer.selectedParameter == expected)
    }
    var bits = makeExplorer(selected: 36)
    #expect(press([.tab], &bits, self.bits).isEmpty)
    #expect(bits.selectedParameter == 36)
    #expect(bits.message == "a bit has one log-odds: ← → select another bit")
  }

  @Test("↑ and = change the selected logit of the selected variable")
  func selectedLogit() {
    var explorer = makeExplorer(selected: 4)
    _ = press([.right], &explorer, categoricals)
    #expect(
      press([.up], &explorer, categoricals)
        == [.send(.stepParameter(index: 7, up: true, size: .small))])
    _ = press([.character("=")] + type("2") + [.enter], &explorer, categoricals)
    #expect(explorer.overlay == .none)
  }

  @Test("A types one value for every logit, or a categorical's K; refusals keep the prompt")
  func everyLogit() {
    var bits = makeExplorer(selected: 36)
    _ = press([.character("A")], &bits, self.bits)
    #expect(bits.overlay == .prompt(ValuePrompt(target: .everyLogit(name: "every log-odds"))))
    #expect(press(type("0.5") + [.enter], &bits, self.bits) == [.send(.setLogits([0.5]))])
    #expect(bits.overlay == .none)
    for (text, error) in [
      ("1 2", "type one value: every bit takes it"),
      ("x", "\"x\" is not a number (try 0.5 or 1e-2)"),
      ("2e6", "every log-odds must be between -1e6 and 1e6, got 2000000"),
      ("", "type a number, or Esc to cancel"),
    ] {
      #expect(press([.character("A")] + type(text) + [.enter], &bits, self.bits).isEmpty)
      #expect(
        bits.overlay
          == .prompt(
            ValuePrompt(target: .everyLogit(name: "every log-odds"), text: text, error: error)))
      _ = press([.escape], &bits, self.bits)
    }

    var explorer = makeExplorer(selected: 4)
    let one = press([.character("A")] + type("1") + [.enter], &explorer, categoricals)
    #expect(one == [.send(.setLogits([1, 1, 1]))])
    let row = press([.character("A")] + type("1, 0 -1") + [.enter], &explorer, categoricals)
    #expect(row == [.send(.setLogits([1, 0, -1]))])
    #expect(press([.character("A")] + type("1,2") + [.enter], &explorer, categoricals).isEmpty)
    guard case .prompt(let prompt) = explorer.overlay else {
      Issue.record("the prompt closed")
      return
    }
    #expect(prompt.error == "type one value for every logit, or 3 (every variable's row)")
  }

  @Test("A sets every bit in the engine at once: one change, one mark")
  func everyLogitInTheEngine() throws {
    var state = EngineState(scenario: HandBuiltMany.bitsLoaded, seed: 7)
    state.step(samples: 100)
    state.recordHistory()
    let generation = state.generation
    let applied1 = state.apply(.setLogits([0.5]))
    #expect(applied1)
    #expect(state.scenario.distribution.parameters == [Double](repeating: 0.5, count: 128))
    #expect(state.generation == generation + 1)
    let applied2 = state.apply(.setLogits([1, 2]))
    #expect(!applied2)
    #expect(state.scenario.distribution.parameters == [Double](repeating: 0.5, count: 128))
    #expect(state.message != nil)
  }

  @Test("d shows the selected component's columns beside the totals, and hides them")
  func component() {
    var explorer = makeExplorer(selected: 36)
    _ = press([.character("d")], &explorer, bits)
    #expect(explorer.live.showsComponent)
    #expect(explorer.message == "right of the totals: log-odds 37's own numbers (d hides them)")
    let screen = Fixtures.screen(bits, width: 80, height: 24, explorer: explorer).lines
    #expect(screen.contains { $0.contains("│ verdict") })
    _ = press([.character("d")], &explorer, bits)
    #expect(!explorer.live.showsComponent)
  }

  @Test("on one variable, Tab, A and d say where they apply and change nothing")
  func oneVariable() {
    let snapshot = HandBuilt.categorical(after: false)
    var explorer = Explorer(presets: Fixtures.presets)
    for key in [Key.tab, .character("A"), .character("d")] {
      #expect(press([key], &explorer, snapshot).isEmpty)
      #expect(explorer.overlay == .none)
      #expect(explorer.selectedParameter == 0)
      #expect(explorer.message?.isEmpty == false, "\(key)")
    }
    #expect(!explorer.live.showsComponent)
  }

  @Test("a click on the strip selects that variable (and category); rows follow the ranking")
  func mouse() throws {
    var explorer = makeExplorer(selected: 36)
    let layout = explorer.liveLayout(bits)
    let strip = try #require(layout.marginals)
    let geometry = MarginalsGeometry(
      rect: strip, selection: VariableSelection(bits.distribution), selected: 36)
    let click = MouseEvent(x: geometry.x(ofVariable: 9), y: geometry.cells.y, action: .click)
    #expect(explorer.handle(click, snapshot: bits).isEmpty)
    #expect(explorer.selectedParameter == 9)
    let wheel = MouseEvent(x: geometry.x(ofVariable: 20), y: geometry.cells.y, action: .wheelUp)
    #expect(
      explorer.handle(wheel, snapshot: bits)
        == [.send(.stepParameter(index: 20, up: true, size: .small))])

    // The first row drawn is the lowest total MSE (IndeCateR), whatever its registry place.
    let rows = layout.estimators
    let first = MouseEvent(x: rows.x + 5, y: rows.y + 2, action: .click)
    #expect(explorer.handle(first, snapshot: bits) == [.send(.toggleEstimator(.indecater))])

    var categorical = makeExplorer(selected: 4)
    let heat = try #require(categorical.liveLayout(categoricals).marginals)
    let cells = MarginalsGeometry(
      rect: heat, selection: VariableSelection(categoricals.distribution), selected: 4)
    let cell = MouseEvent(x: cells.x(ofVariable: 3) + 1, y: cells.cells.y + 2, action: .click)
    _ = categorical.handle(cell, snapshot: categoricals)
    #expect(categorical.selectedParameter == 11)
  }

  @Test("the rows rank by total MSE, exact first, off rows last; the lowest is starred")
  func ranking() {
    let ranked = RankedRows(categoricals)
    let kinds = ranked.order.map { categoricals.estimators[$0].kind }
    #expect(
      Array(kinds.prefix(7)) == [
        .exact, .indecater, .gumbelSoftmax, .rloo, .straightThrough, .rebar, .scoreFunction,
      ])
    #expect(ranked.lowest.map { categoricals.estimators[$0].kind } == .indecater)
    let screen = Fixtures.screen(categoricals, width: 80, height: 24).lines
    #expect(screen.contains { $0.contains("IndeCateR") && $0.contains("*") })
  }

  @Test("the teacher's reading of 128 bits: the score function's cos is 0, IndeCateR's 1")
  func teacher() throws {
    let screen = Fixtures.screen(bits, width: 80, height: 24).lines
    func row(_ name: String) throws -> String {
      // A row: the key, the glyph and the name start the line (not the title's "lowest").
      try #require(screen.first { $0.prefix(20).contains(" \(name) ") })
    }
    #expect(try row("score function").contains(" 0.00 "))
    #expect(try row("IndeCateR").contains(" 1.00 ████████"))
    for name in ["ARM", "DisARM"] {
      let line = try row(name)
      #expect(line.contains(" 0.1"), "\(line)")
    }
  }
}

@Suite("Export on D variables")
struct ManyVariablesExportTests {
  @Test("x writes run's JSON with every row's total, its mean cosine included")
  func totals() throws {
    let snapshot = Fixtures.snapshot(HandBuiltMany.bitsLoaded, batches: 2, batch: 200)
    let result = LiveView.result(snapshot)
    #expect(!result.estimators.isEmpty)
    for row in result.estimators {
      let live = try #require(snapshot.estimators.first { $0.kind == row.kind })
      #expect(row.total == live.total)
      #expect(row.total.meanCosine != nil, "\(row.kind)")
    }
    let json = RunReport.json(result).render()
    #expect(json.contains("\"meanCosine\""))
  }
}
