import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

/// A tour step on a model preset: it keeps the step before's scenario, takes only the keys
/// that apply to a race on the model, and its checks read that race and a run at the start.
@Suite("Tour: a step on a model preset")
struct TourModelStepTests {
  static let presets = TourCheckTests.presets

  static func tour(_ steps: String) throws -> Tour {
    try TourDecoder.decode(
      "title = \"t\"\n" + steps, name: "t", source: "t.toml")
  }

  static let toy = """
    [[step]]
    title = "toy"
    preset = "relax-toy"
    caption = "x"
    """

  static func problems(_ tour: Tour) -> [String] {
    do {
      _ = try tour.scenarios(presets: presets)
      return []
    } catch {
      return error.problems.map(\.description)
    }
  }

  @Test("a model step keeps the scenario before it, and its preset with the step's lanes")
  func resolves() throws {
    let tour = try Self.tour(
      Self.toy + """

        [[step]]
        title = "model"
        preset = "digits-vae"
        estimators = ["exact", "disarm"]
        temperature = 0.25
        caption = "x"
        """)
    let scenarios = try tour.scenarios(presets: Self.presets)
    #expect(scenarios[1] == scenarios[0])
    let models = tour.models(presets: Self.presets)
    #expect(models[0] == nil)
    #expect(models[1]?.race.estimators == [.exact, .disarm])
    #expect(models[1]?.race.temperature == 0.25)
  }

  @Test("what does not apply is refused by key")
  func refused() throws {
    let first = try Self.tour(
      """
      [[step]]
      title = "model"
      preset = "digits-vae"
      caption = "x"
      """)
    #expect(
      Self.problems(first) == [
        "step 1.preset: 'digits-vae' is a model preset: the first step must name a scenario"
      ])
    let knobs = try Self.tour(
      Self.toy + """

        [[step]]
        title = "model"
        preset = "digits-vae"
        logits = [1.0]
        view = "race"
        estimators = ["disarm"]
        checks = ["rloo.testElbo < 30", "disarm.mean[9999] > 0", "disarm.loss > 1"]
        caption = "x"
        """)
    let problems = Self.problems(knobs)
    #expect(
      problems.contains(
        "step 2.logits: does not apply to a model preset's step (it shows the race)"))
    #expect(
      problems.contains { $0.hasPrefix("step 2.view: a model preset's step shows its own race") })
    #expect(
      problems.contains(
        "step 2.checks[1]: check 'rloo.testElbo < 30': 'rloo' is not a lane of the race"))
    #expect(
      problems.contains {
        $0.hasPrefix("step 2.checks[2]:") && $0.contains("needs a component 0 to 519")
      })
    #expect(
      problems.contains { $0.hasPrefix("step 2.checks[3]:") && $0.contains("unknown field 'loss'") }
    )
  }

  @Test("the checker runs a model step's checks on its run at the start")
  func checked() throws {
    let tour = try Self.tour(
      Self.toy + """

        [[step]]
        title = "model"
        preset = "digits-vae"
        estimators = ["exact", "disarm", "straight-through"]
        checks = ["disarm.meanCosine > straight-through.meanCosine", "abs(disarm.bias[3]) < 5 se", "straight-through.meanCosine > 0.99"]
        caption = "x"
        """)
    let results = try TourChecker.check(tour, presets: Self.presets, threads: 2)
    #expect(results.map(\.outcome.passed) == [false, true, false])
    #expect(results[1].line.hasPrefix("PASS  step 2 (model): abs(disarm.bias[3]) < 5 se"))
  }
}
