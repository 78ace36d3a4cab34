import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

@Suite("Export against run")
struct ExportEvaluationsTests {
  /// `presets/` at the package root, found from this file (`Tests/SampleGradUITests/`).
  static let presets = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("presets")

  /// Each estimator's `evaluations` in a JSON report, as `name=evaluations`, sorted (the
  /// screen lists its rows in registry order, `run` in the scenario's).
  private static func evaluations(_ json: String) throws -> [String] {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let estimators = try #require(object["estimators"] as? [[String: Any]])
    return try estimators.map { estimator in
      let name = try #require(estimator["name"] as? String)
      let evaluations = try #require(estimator["evaluations"] as? Int)
      return "\(name)=\(evaluations)"
    }.sorted()
  }

  @Test(
    "x reports each estimator's evaluations per estimate as samplegrad run does",
    arguments: ["antithetic-bernoulli", "measure-valued", "leave-one-out"])
  func evaluations(preset: String) throws {
    let scenario = try ScenarioDecoder.load(
      path: Self.presets.appendingPathComponent(preset + ".toml").path)
    var state = EngineState(scenario: scenario, seed: 7)
    state.step(samples: 512)
    let files = try Explorer(presets: Fixtures.presets).export(
      state.snapshot(), width: 120, height: 30, stamp: "20250101-120000")
    let run = try HeadlessRunner.run(scenario, samples: 512, seed: 7)
    let exported = try Self.evaluations(files["json"]!)
    #expect(exported == (try Self.evaluations(RunReport.json(run).render())))
    // Not the default of 1 everywhere: exact costs none.
    #expect(exported.contains("exact=0"))
    #expect(exported.count == scenario.estimators.count)
  }
}
