import Foundation
import Testing

@testable import SampleGradCore

/// Scenario files: a good one decodes; each kind of mistake is one clear line naming the key.
@Suite("Scenario files")
struct ScenarioDecodingTests {
  static let good = """
    name = "bias-and-variance"
    title = "Bias against variance"
    seed = 7
    samples = 1000
    estimators = ["exact", "score-function", "rebar"]

    [distribution]
    kind = "categorical"
    logits = [1.0, 0.5, -0.5, 0]
    temperature = 0.5

    [objective]
    kind = "quadratic"
    target = [0, 0, 1, 0]

    [options]
    eta = 0.5
    """

  func problems(_ text: String) -> [String] {
    do {
      _ = try ScenarioDecoder.decode(text, source: "test.toml")
      return []
    } catch {
      return error.lines
    }
  }

  /// Replaces one line of the good scenario.
  func edit(_ old: String, _ new: String) -> String {
    Self.good.replacingOccurrences(of: old, with: new)
  }

  @Test("a complete scenario decodes with every field")
  func decodesGood() throws {
    let s = try ScenarioDecoder.decode(Self.good, source: "test.toml")
    #expect(s.name == "bias-and-variance")
    #expect(s.seed == 7)
    #expect(s.samples == 1000)
    #expect(s.estimators == [.exact, .scoreFunction, .rebar])
    #expect(s.distribution.spec == .categorical(logits: [1, 0.5, -0.5, 0], temperature: 0.5))
    #expect(s.objective.spec == .quadratic(target: [0, 0, 1, 0]))
    #expect(s.options.value("eta") == 0.5)
  }

  @Test(
    "each mistake names the file and key",
    arguments: [
      (
        "temperature = 0.5", "temprature = 0.5",
        "test.toml: distribution.temprature: unknown key (did you mean 'temperature'?)"
      ),
      ("name = \"bias-and-variance\"", "", "test.toml: name: is missing"),
      ("kind = \"categorical\"", "", "test.toml: distribution.kind: is missing"),
      (
        "target = [0, 0, 1, 0]", "target = [0, 1, 0]",
        "test.toml: objective.target: needs 4 values, one per logit, got 3"
      ),
      (
        "temperature = 0.5", "temperature = -1",
        "test.toml: distribution.temperature: must be between 0.01 and 100, got -1"
      ),
      (
        "temperature = 0.5", "temperature = 0",
        "test.toml: distribution.temperature: must be between 0.01 and 100, got 0"
      ),
      (
        "logits = [1.0, 0.5, -0.5, 0]", "logits = [1.0, nan, -0.5, 0]",
        "test.toml: distribution.logits: must be between -1e6 and 1e6, got nan (value 2)"
      ),
      (
        "logits = [1.0, 0.5, -0.5, 0]", "logits = [1.0, inf, -0.5, 0]",
        "test.toml: distribution.logits: must be between -1e6 and 1e6, got inf (value 2)"
      ),
      (
        "logits = [1.0, 0.5, -0.5, 0]", "logits = [1.0]",
        "test.toml: distribution.logits: needs 2 to 64 values (one per category), got 1"
      ),
      (
        "\"rebar\"]", "\"rebarr\"]",
        "test.toml: estimators: unknown estimator 'rebarr' (known: \(EstimatorKind.validNames))"
      ),
      (
        "\"rebar\"]", "\"reparameterization\"]",
        "test.toml: estimators: estimator 'reparameterization' needs a continuous sample x = mean + std * eps, and a categorical distribution is discrete; try gumbel-softmax"
      ),
      (
        "kind = \"quadratic\"", "kind = \"cubic\"",
        "test.toml: objective.kind: unknown objective 'cubic' (known: linear, quadratic, cosine, table, step, mean-squared, squared-mean)"
      ),
      (
        "logits = [1.0, 0.5, -0.5, 0]", "logits = \"four\"",
        "test.toml: distribution.logits: expected a number, a list of numbers or a list of lists of numbers, got a string (\"four\")"
      ),
      ("eta = 0.5", "eta = nan", "test.toml: options.eta: must be between -1e30 and 1e30, got nan"),
    ])
  func reportsMistake(old: String, new: String, expected: String) {
    #expect(problems(edit(old, new)) == [expected])
  }

  @Test("more than 64 categories is refused")
  func tooManyCategories() {
    let logits = "[" + (0..<65).map { _ in "0" }.joined(separator: ", ") + "]"
    let target = logits
    let text = edit("logits = [1.0, 0.5, -0.5, 0]", "logits = \(logits)")
      .replacingOccurrences(of: "target = [0, 0, 1, 0]", with: "target = \(target)")
    #expect(
      problems(text) == [
        "test.toml: distribution.logits: needs 2 to 64 values (one per category), got 65"
      ])
  }

  @Test("a TOML syntax error gives its line")
  func syntaxError() {
    let lines = problems(edit("seed = 7", "seed = = 7"))
    #expect(lines.count == 1)
    #expect(lines[0].hasPrefix("test.toml:3: TOML syntax error"))
  }

  @Test("gaussian: std must be positive, and categorical keys are refused")
  func gaussianMistakes() {
    let text = """
      name = "g"
      [distribution]
      kind = "gaussian"
      mean = 0
      std = 0
      temperature = 1
      [objective]
      kind = "cosine"
      frequency = 1
      """
    // Both at once (issue 21: every problem in one round).
    #expect(
      problems(text) == [
        "test.toml: distribution.temperature: does not apply to a gaussian distribution",
        "test.toml: distribution.std: must be between 1e-30 and 1e50, got 0",
      ])
    let fixed = text.replacingOccurrences(of: "temperature = 1\n", with: "")
    #expect(
      problems(fixed) == ["test.toml: distribution.std: must be between 1e-30 and 1e50, got 0"])
  }

  @Test("a bernoulli takes one log-odds as a number or a one-element list")
  func bernoulliLogits() throws {
    let text = """
      name = "b"
      [distribution]
      kind = "bernoulli"
      logits = 0
      temperature = 0.5
      [objective]
      kind = "quadratic"
      target = 0.45
      """
    let s = try ScenarioDecoder.decode(text, source: "b.toml")
    #expect(s.distribution.spec == .bernoulli(logOdds: 0, temperature: 0.5))
    #expect(s.estimators.contains(.rebar) && !s.estimators.contains(.reparameterization))
  }

  @Test("a missing file is one line naming it")
  func missingFile() {
    #expect(throws: ScenarioError(source: "/nonexistent.toml", key: "", "no such file")) {
      try ScenarioDecoder.load(path: "/nonexistent.toml")
    }
  }

  @Test("command-line overrides name the flag")
  func overrides() throws {
    let base = try ScenarioDecoder.decode(Self.good, source: "test.toml")
    #expect(
      throws: ScenarioError(
        source: "command line", key: "--temperature", "must be between 0.01 and 100, got -1")
    ) {
      try ScenarioOverrides(temperature: -1).apply(to: base)
    }
    #expect(
      throws: ScenarioError(
        source: "command line", key: "--logits",
        "scenario 'bias-and-variance' has 4 categories, got 3 values")
    ) {
      try ScenarioOverrides(logits: [1, 2, 3]).apply(to: base)
    }
    #expect(throws: ScenarioError.self) {
      try ScenarioOverrides.parseNumbers("1,x,2", flag: "--logits")
    }
    #expect(
      throws: ScenarioError(
        source: "command line", key: "--logits", "must be between -1e6 and 1e6, got nan (value 2)")
    ) {
      try ScenarioOverrides(
        logits: try ScenarioOverrides.parseNumbers("1,nan,2,0", flag: "--logits")
      )
      .apply(to: base)
    }
    let gaussian = try Scenario(
      name: "g", distribution: .gaussian(mean: 0, std: 1), objective: .quadratic(target: [1]))
    #expect(
      throws: ScenarioError(
        source: "command line",
        problems: [
          ScenarioProblem(
            key: "--temperature", message: "a gaussian distribution has no temperature"),
          ScenarioProblem(
            key: "--logits", message: "a gaussian scenario has no logits (it has mean and std)"),
        ])
    ) {
      try ScenarioOverrides(temperature: 1, logits: [1]).apply(to: gaussian)
    }
    let changed = try ScenarioOverrides(temperature: 2, logits: [0, 0, 0, 1]).apply(to: base)
    #expect(changed.distribution.spec == .categorical(logits: [0, 0, 0, 1], temperature: 2))
  }
}
