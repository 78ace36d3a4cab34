import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

@Suite("Mouse and export")
struct MouseAndExportTests {
  let snapshot = HandBuilt.categorical(after: false)

  private func explorer(width: Int = 80, height: Int = 24) -> Explorer {
    var explorer = Explorer(presets: Fixtures.presets)
    explorer.screenWidth = width
    explorer.screenHeight = height
    return explorer
  }

  /// Where `text` first appears on the screen `explorer` draws.
  private func find(_ text: String, _ explorer: Explorer, width: Int = 80, height: Int = 24)
    -> (x: Int, y: Int)?
  {
    let lines = Fixtures.screen(snapshot, width: width, height: height, explorer: explorer).lines
    for (y, line) in lines.enumerated() {
      if let range = line.range(of: text) {
        return (line.distance(from: line.startIndex, to: range.lowerBound), y)
      }
    }
    return nil
  }

  @Test("a click on a parameter selects it; the wheel over it steps it", arguments: [80, 160])
  func parameters(width: Int) throws {
    let height = width == 80 ? 24 : 48
    var explorer = explorer(width: width, height: height)
    let row = try #require(find("logit 3", explorer, width: width, height: height))
    #expect(
      explorer.handle(MouseEvent(x: row.x, y: row.y, action: .click), snapshot: snapshot).isEmpty)
    #expect(explorer.selectedParameter == 2)
    let up = explorer.handle(
      MouseEvent(x: row.x, y: row.y - 1, action: .wheelUp), snapshot: snapshot)
    #expect(up == [.send(.stepParameter(index: 1, up: true, size: .small))])
    #expect(explorer.selectedParameter == 1)
  }

  @Test("a click on an estimator row turns it on or off; on the folded line, opens the chooser")
  func estimators() throws {
    var explorer = explorer()
    let row = try #require(find("ST-Gumbel", explorer))
    let effects = explorer.handle(
      MouseEvent(x: row.x, y: row.y, action: .click), snapshot: snapshot)
    #expect(effects == [.send(.toggleEstimator(.straightThrough))])
    // Wheel over the rows does nothing (it would toggle by accident).
    #expect(
      explorer.handle(MouseEvent(x: row.x, y: row.y, action: .wheelDown), snapshot: snapshot)
        .isEmpty)
  }

  @Test("in the picker the wheel moves, a click highlights, a second click loads")
  func picker() throws {
    var explorer = explorer()
    _ = explorer.handle(.character("p"), snapshot: snapshot)
    _ = explorer.handle(MouseEvent(x: 40, y: 12, action: .wheelDown), snapshot: snapshot)
    #expect(explorer.overlay == .presets(PresetPicker(selected: 1)))
    let first = try #require(find("bias-and-variance  ", explorer))
    #expect(
      explorer.handle(MouseEvent(x: first.x, y: first.y, action: .click), snapshot: snapshot)
        .isEmpty)
    #expect(explorer.overlay == .presets(PresetPicker(selected: 0)))
    #expect(
      explorer.handle(MouseEvent(x: first.x, y: first.y, action: .click), snapshot: snapshot)
        == [.loadPreset(Fixtures.presets[0])])
  }

  @Test("in the chooser a click turns the row on or off")
  func chooser() throws {
    var explorer = explorer()
    _ = explorer.handle(.character("e"), snapshot: snapshot)
    let row = try #require(find("score function + baseline", explorer))
    let effects = explorer.handle(
      MouseEvent(x: row.x, y: row.y, action: .click), snapshot: snapshot)
    #expect(effects == [.send(.toggleEstimator(.scoreFunctionBaseline))])
    #expect(explorer.overlay == .estimators(selected: 2))
  }

  @Test("x exports the screen without overlays and the numbers in run's JSON schema")
  func export() throws {
    var explorer = explorer()
    #expect(explorer.handle(.character("x"), snapshot: snapshot) == [.export])
    _ = explorer.handle(.character("?"), snapshot: snapshot)
    let files = try explorer.export(snapshot, width: 80, height: 24, stamp: "20250101-120000")
    #expect(files.baseName == "samplegrad-bias-and-variance-20250101-120000")
    #expect(files["txt"]!.contains("Estimators of g = dL/d logit 1"))
    #expect(!files["txt"]!.contains("Help 1/2"))
    #expect(files["txt"]!.split(separator: "\n").count == 24)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(files["json"]!.utf8)) as? [String: Any])
    #expect(object["scenario"] as? String == "bias-and-variance")
    #expect(object["samples"] as? Int == 2_000_000)
    let estimators = try #require(object["estimators"] as? [[String: Any]])
    #expect(
      estimators.map { $0["name"] as? String } == [
        "exact", "score-function", "gumbel-softmax", "straight-through", "rebar",
      ])
    let gumbel = estimators[2]
    #expect((gumbel["biasVerdict"] as? [String])?.first == "biased")
    let variance = try #require(gumbel["variance"] as? [Double])
    #expect(abs(variance[0] - 0.0919) < 1e-9)
  }
}
