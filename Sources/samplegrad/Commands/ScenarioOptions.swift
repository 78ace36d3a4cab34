import ArgumentParser
import Foundation
import SampleGradCore

/// The options every command that runs a scenario shares: which one, and what to change.
struct ScenarioOptions: ParsableArguments {
  @Option(name: .long, help: "A preset name (see 'samplegrad presets') or a path to a .toml file.")
  var preset: String = PresetLibrary.defaultPreset

  // Numbers are read as text and checked in `load`, so a bad one is one line and exit 2.
  @Option(
    name: .customLong("seed"), parsing: .unconditional,
    help: "Random seed (default: the scenario's, else 7).")
  var seedText: String?

  @Option(
    name: .customLong("temperature"), parsing: .unconditional,
    help: "Relaxation temperature, 0.01 to 100.")
  var temperatureText: String?

  @Option(
    name: .long, parsing: .unconditional,
    help: "Comma-separated logits, e.g. 1,0.5,-0.5 (one value for a bernoulli).")
  var logits: String?

  /// `--seed`, once `load` has checked it.
  var seed: UInt64? { seedText.flatMap { UInt64($0.trimmingCharacters(in: .whitespaces)) } }

  /// The scenario with the command-line changes applied and validated (`--seed` too).
  func load(estimators: String? = nil) throws(ScenarioError) -> Scenario {
    if let seedText, seed == nil {
      throw ScenarioError(
        source: "command line", key: "--seed",
        "'\(seedText)' is not a whole number from 0 to \(UInt64.max)")
    }
    var temperature: Double?
    if let temperatureText {
      temperature = Double(temperatureText.trimmingCharacters(in: .whitespaces))
      guard let value = temperature, value.isFinite else {
        throw ScenarioError(
          source: "command line", key: "--temperature",
          "'\(temperatureText)' is not a finite number")
      }
    }
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
