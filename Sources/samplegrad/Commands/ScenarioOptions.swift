import ArgumentParser
import SampleGradCore

/// The options every command that runs a scenario shares: which one, and what to change.
struct ScenarioOptions: ParsableArguments {
  @Option(
    name: .long, help: "A preset name (see 'samplegrad presets') or a path to a .toml file.",
    completion: .file(extensions: ["toml"]))
  var preset: String = PresetLibrary.defaultPreset

  @Option(
    name: .long, parsing: .unconditional, help: "Random seed (default: the scenario's, else 7).",
    transform: FlagValue.wholeNumber(UInt64.min...UInt64.max))
  var seed: UInt64?

  @Option(
    name: .long, parsing: .unconditional, help: "Relaxation temperature, 0.01 to 100.",
    transform: FlagValue.number)
  var temperature: Double?

  @Option(
    name: .long, parsing: .unconditional,
    help: "Comma-separated logits, e.g. 1,0.5,-0.5 (one value for a bernoulli).")
  var logits: String?

  @Option(
    name: .customLong("option"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "An estimator's option as KEY=VALUE (repeat the flag for several).",
      discussion: EstimatorRegistry.options.map { option in
        "\(option.key) (\(EstimatorRegistry.readers(of: option.key).map(\.rawValue).joined(separator: ", "))): \(option.help)"
      }.joined(separator: "\n"), valueName: "key=value"))
  var options: [String] = []

  /// The scenario with the command-line changes applied and validated.
  func load(estimators: String? = nil) throws(ScenarioError) -> Scenario {
    let base = try Self.loadPreset(preset)
    var overrides = ScenarioOverrides(temperature: temperature)
    for option in options {
      let (key, value) = try ScenarioOverrides.parseOption(option, flag: "--option")
      overrides.options[key] = value
    }
    if let logits {
      overrides.logits = try ScenarioOverrides.parseNumbers(logits, flag: "--logits")
    }
    if let estimators {
      overrides.estimators = try ScenarioOverrides.parseNames(estimators, flag: "--estimators")
    }
    return try overrides.apply(to: base)
  }

  /// The file `--preset` names, as problems from it name it.
  func presetPath() throws(ScenarioError) -> String {
    try PresetLibrary.standard().locate(preset, flag: "--preset")
  }

  /// `load`, with a refusal turned into the command's one-line failure (exit 2).
  func loadOrFail(estimators: String? = nil) throws(Failure) -> Scenario {
    do {
      return try load(estimators: estimators)
    } catch {
      throw Failure.scenario(error)
    }
  }

  /// Loads `--preset`: a name that matches no preset is a mistake on the command line
  /// (the runner points to --help); a path is a file, whose problems name the file.
  static func loadPreset(_ reference: String) throws(ScenarioError) -> Scenario {
    try ScenarioDecoder.load(path: try PresetLibrary.standard().locate(reference, flag: "--preset"))
  }

  /// `loadPreset`, with a refusal turned into the command's one-line failure (exit 2).
  static func loadPresetOrFail(_ reference: String) throws(Failure) -> Scenario {
    do {
      return try loadPreset(reference)
    } catch {
      throw Failure.scenario(error)
    }
  }
}
