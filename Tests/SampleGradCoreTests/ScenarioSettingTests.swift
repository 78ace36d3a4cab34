import Testing

@testable import SampleGradCore

/// The numbers a sweep can vary: which a scenario has, how they are read and set, and that a
/// set value obeys the same rules as a scenario file.
@Suite("Scenario settings")
struct ScenarioSettingTests {
  static let categorical = try! Scenario(
    name: "c", estimators: [.exact, .scoreFunction, .gumbelSoftmax, .rebar],
    distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: 0.5),
    objective: .quadratic(target: [0, 0, 1, 0]))
  static let gaussian = try! Scenario(
    name: "g", distribution: .gaussian(mean: 1, std: 1), objective: .quadratic(target: [0]))
  static let cosine = try! Scenario(
    name: "cos", distribution: .gaussian(mean: 1, std: 1), objective: .cosine(frequency: 3))
  static let step = try! Scenario(
    name: "s", distribution: .gaussian(mean: 0, std: 1), objective: .step(threshold: 1))
  static let bernoulli = try! Scenario(
    name: "b", distribution: .bernoulli(logOdds: 0, temperature: 0.5),
    objective: .quadratic(target: [0.45]))

  @Test("names round-trip; parameter:N counts from 1")
  func names() {
    let all: [ScenarioSetting] = [
      .temperature, .option("eta"), .parameter(0), .parameter(3), .target, .frequency, .threshold,
    ]
    for setting in all { #expect(ScenarioSetting.parse(setting.name) == setting) }
    #expect(ScenarioSetting.parse("parameter:2") == .parameter(1))
    for bad in ["parameter:0", "parameter:", "parameter:x", "temp", ""] {
      #expect(ScenarioSetting.parse(bad) == nil, "\(bad)")
    }
  }

  @Test("each scenario offers the numbers it has, in the view's order")
  func available() {
    #expect(
      ScenarioSetting.available(in: Self.categorical) == [
        .temperature, .option("eta"), .parameter(0), .parameter(1), .parameter(2), .parameter(3),
      ])
    #expect(
      ScenarioSetting.available(in: Self.gaussian) == [.parameter(0), .parameter(1), .target])
    #expect(
      ScenarioSetting.available(in: Self.cosine) == [.parameter(0), .parameter(1), .frequency])
    #expect(
      ScenarioSetting.available(in: Self.step) == [.parameter(0), .parameter(1), .threshold])
    #expect(
      ScenarioSetting.available(in: Self.bernoulli) == [
        .temperature, .option("eta"), .parameter(0), .target,
      ])
    #expect(
      ScenarioSetting.target.unavailable(in: Self.categorical)
        == "the target of a categorical is a vector (one value per category), not a number")
    #expect(
      ScenarioSetting.temperature.unavailable(in: Self.gaussian)
        == "a gaussian has no temperature")
  }

  @Test("setting a value reads back and keeps everything else")
  func setAndRead() throws {
    let cases: [(Scenario, ScenarioSetting, Double)] = [
      (Self.categorical, .temperature, 2), (Self.categorical, .option("eta"), 0.3),
      (Self.categorical, .parameter(2), -1.5), (Self.gaussian, .parameter(1), 0.2),
      (Self.gaussian, .target, -3), (Self.cosine, .frequency, 0.5),
      (Self.step, .threshold, -0.25), (Self.bernoulli, .target, 0.8),
    ]
    for (scenario, setting, value) in cases {
      let changed = try scenario.with(setting, value: value)
      #expect(setting.value(in: changed) == value, "\(setting)")
      #expect(changed.name == scenario.name && changed.estimators == scenario.estimators)
      for other in ScenarioSetting.available(in: scenario) where other != setting {
        #expect(other.value(in: changed) == other.value(in: scenario), "\(setting) moved \(other)")
      }
    }
    #expect(ScenarioSetting.parameter(0).label(in: Self.categorical) == "logit 1")
    #expect(ScenarioSetting.parameter(1).label(in: Self.gaussian) == "std")
  }

  @Test("a value the rules refuse throws with the file's key")
  func refusals() {
    let cases: [(Scenario, ScenarioSetting, Double, String)] = [
      (Self.categorical, .temperature, 0.001, "distribution.temperature"),
      (Self.categorical, .temperature, 1000, "distribution.temperature"),
      (Self.gaussian, .parameter(1), 0, "distribution.std"),
      (Self.categorical, .option("eta"), .nan, "options.eta"),
      (Self.cosine, .frequency, .infinity, "objective.frequency"),
    ]
    for (scenario, setting, value, key) in cases {
      do {
        _ = try scenario.with(setting, value: value)
        Issue.record("\(setting) = \(value) was accepted")
      } catch {
        #expect(error.problems.first?.key == key, "\(error)")
      }
    }
    #expect(throws: InvalidScenario.self) { try Self.gaussian.with(.temperature, value: 1) }
  }
}
