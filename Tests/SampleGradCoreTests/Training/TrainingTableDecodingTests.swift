import Foundation
import Testing

@testable import SampleGradCore

/// The `[training]` table of a scenario file: its keys decode into the race's defaults, and
/// every bad value is one line naming the key, like the rest of the file.
@Suite("Scenario files: the [training] table")
struct TrainingTableDecodingTests {
  static let base = """
    name = "race"
    estimators = ["exact", "score-function"]

    [distribution]
    kind = "bernoulli"
    logits = [0.0]
    temperature = 0.5

    [objective]
    kind = "quadratic"
    target = 0.499

    """

  func decode(_ training: String) throws(ScenarioError) -> Scenario {
    try ScenarioDecoder.decode(Self.base + "[training]\n" + training, source: "race.toml")
  }

  func problems(_ training: String) -> [String] {
    do {
      _ = try decode(training)
      return []
    } catch {
      return error.lines
    }
  }

  @Test("every key decodes")
  func decodesEveryKey() throws {
    let scenario = try decode(
      """
      steps = 500
      learning_rate = 0.05
      optimizer = "sgd"
      batch = 4
      anneal = "exp"
      tau_min = 0.2
      rate = 0.001
      """)
    #expect(
      scenario.training
        == TrainingSettings(
          steps: 500, learningRate: 0.05, optimizer: .sgd, batch: 4,
          anneal: .exponential(minimum: 0.2, rate: 0.001)))
  }

  @Test("missing keys take the defaults; a file without the table has none")
  func defaults() throws {
    #expect(try decode("").training == TrainingSettings())
    #expect(
      try decode("anneal = \"exp\"").training?.anneal == .exponential(minimum: 0.1, rate: 0.001))
    #expect(try ScenarioDecoder.decode(Self.base, source: "race.toml").training == nil)
  }

  @Test(
    "each bad value is one line naming the key",
    arguments: [
      ("steps = 0", "race.toml: training.steps: must be between 1 and 1e7, got 0"),
      ("steps = 2.5", "race.toml: training.steps: expected a whole number, got 2.5"),
      (
        "learning_rate = -0.1",
        "race.toml: training.learning_rate: must be between 1e-9 and 1e6, got -0.1"
      ),
      (
        "learning_rate = \"fast\"",
        "race.toml: training.learning_rate: expected a number, got a string (\"fast\")"
      ),
      (
        "learning_rate = 1e7",
        "race.toml: training.learning_rate: must be between 1e-9 and 1e6, got 10000000"
      ),
      ("optimizer = 1", "race.toml: training.optimizer: expected a string (in quotes), got 1"),
      (
        "optimizer = \"rmsprop\"",
        "race.toml: training.optimizer: unknown optimizer 'rmsprop' (known: sgd, adam)"
      ),
      ("batch = 0", "race.toml: training.batch: must be between 1 and 65536, got 0"),
      ("batch = [2]", "race.toml: training.batch: expected a whole number, got a list"),
      (
        "anneal = \"linear\"",
        "race.toml: training.anneal: unknown schedule 'linear' (known: none, exp)"
      ),
      ("tau_min = 0.1", "race.toml: training.tau_min: applies only with anneal = \"exp\""),
      (
        "anneal = \"exp\"\ntau_min = 0.001",
        "race.toml: training.tau_min: must be between 0.01 and 100, got 0.001"
      ),
      (
        "anneal = \"exp\"\nrate = -1",
        "race.toml: training.rate: must be between 0 and 1, got -1"
      ),
      (
        "anneal = \"exp\"\nrate = 2",
        "race.toml: training.rate: must be between 0 and 1, got 2"
      ),
      (
        "anneal = \"exp\"\ntau_min = 0.8",
        "race.toml: training.tau_min: 0.8 is above the starting temperature 0.5 (annealing only lowers it)"
      ),
      ("step = 10", "race.toml: training.step: unknown key (did you mean 'steps'?)"),
    ])
  func badValue(line: String, expected: String) {
    #expect(problems(line) == [expected])
  }

  @Test("a gaussian has no temperature to anneal")
  func gaussianAnneal() {
    let text = """
      name = "g"
      [distribution]
      kind = "gaussian"
      mean = 0
      std = 1
      [objective]
      kind = "cosine"
      frequency = 2
      [training]
      anneal = "exp"
      """
    do {
      _ = try ScenarioDecoder.decode(text, source: "g.toml")
      Issue.record("decoded")
    } catch {
      #expect(error.lines == ["g.toml: training.anneal: a gaussian has no temperature to anneal"])
    }
  }

  @Test("flags override the table and are named in their errors")
  func overrides() throws {
    let scenario = try decode("steps = 500\noptimizer = \"sgd\"")
    let settings = try TrainingOverrides(steps: 20, learningRate: 0.5).settings(for: scenario)
    #expect(settings.steps == 20 && settings.learningRate == 0.5 && settings.optimizer == .sgd)
    do {
      _ = try TrainingOverrides(steps: -3, learningRate: 0, optimizer: .adam).settings(
        for: scenario)
      Issue.record("accepted")
    } catch {
      #expect(
        error.lines == [
          "command line: --steps: must be between 1 and 1e7, got -3",
          "command line: --learning-rate: must be between 1e-9 and 1e6, got 0",
        ])
    }
  }
}

@Suite("Loss format")
struct LossFormatTests {
  @Test("decimals follow the gap, so the RELAX toy's losses differ in print")
  func decimals() {
    #expect(LossFormat.decimals(scale: 0.250001 - 0.249001) == 6)
    #expect(LossFormat.fixed(0.250001, decimals: 6) == "0.250001")
    #expect(LossFormat.decimals(scale: 0.55) == 4)
    #expect(LossFormat.fixed(-0.00001, decimals: 3) == "0.000")
  }

  @Test("gap closed: nothing short of the optimum reads 100%")
  func gapClosed() {
    #expect(LossFormat.gapClosed(0.249001, start: 0.250001, optimum: 0.249001) == "100%")
    #expect(LossFormat.gapClosed(0.2490011, start: 0.250001, optimum: 0.249001) == "99.9%")
    #expect(LossFormat.gapClosed(0.2497, start: 0.250001, optimum: 0.249001) == "30.1%")
    #expect(LossFormat.gapClosed(0.251001, start: 0.250001, optimum: 0.249001) == "-100%")
    #expect(LossFormat.gapClosed(5, start: 0.250001, optimum: 0.249001) == "<-999%")
    #expect(LossFormat.gapClosed(1, start: 2, optimum: nil) == "")
  }
}
