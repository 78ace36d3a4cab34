import ArgumentParser
import SampleGradCore

/// The options every command that runs a scenario shares: which one, and what to change.
struct ScenarioOptions: ParsableArguments {
  @Option(name: .long, help: "A preset name (see 'samplegrad presets') or a path to a .toml file.")
  var preset: String = PresetLibrary.defaultPreset

  @Option(
    name: .long, parsing: .unconditional, help: "Random seed (default: the scenario's, else 7).")
  var seed: UInt64?

  @Option(name: .long, parsing: .unconditional, help: "Relaxation temperature, 0.01 to 100.")
  var temperature: Double?

  @Option(
    name: .long, parsing: .unconditional,
    help: "Comma-separated logits, e.g. 1,0.5,-0.5 (one value for a bernoulli).")
  var logits: String?

  /// The scenario with the command-line changes applied and validated.
  func load(estimators: String? = nil) throws(ScenarioError) -> Scenario {
    let base = try PresetLibrary.standard().load(preset)
    var overrides = ScenarioOverrides(temperature: temperature)
    if let logits {
      overrides.logits = try ScenarioOverrides.parseNumbers(logits, flag: "--logits")
    }
    if let estimators {
      overrides.estimators = estimators.split(separator: ",").map(String.init)
    }
    return try overrides.apply(to: base)
  }
}
