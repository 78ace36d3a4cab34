import ArgumentParser
import Foundation
import SampleGradCore

/// The flags that only a model preset (`--preset digits-vae`) reads, and how the shared
/// scenario flags apply to it: `--seed`, `--temperature` (the relaxed estimators') and
/// `--option` do; `--logits` does not (the bits' logits are the encoder's, `U x + e`).
struct ModelPresetOptions: ParsableArguments {
  @Option(
    name: .long, parsing: .unconditional,
    help: "Model presets: latent bits D, 1 to 64 (exact answers need D <= 16).",
    transform: FlagValue.wholeNumber(VAEParameters.latentRange))
  var latents: Int?

  /// Whether any model-only flag was given (a toy scenario refuses them).
  var isGiven: Bool { latents != nil }

  /// The model preset `--preset` names with the flags applied, or nil for a toy scenario
  /// (after checking that no model-only flag was given to one).
  static func load(
    _ scenario: ScenarioOptions, model: ModelPresetOptions, estimators: String?,
    modelOnly: [String]
  ) throws(Failure) -> VAEPreset? {
    let path: String
    do {
      path = try scenario.presetPath()
    } catch {
      throw Failure.scenario(error)
    }
    guard VAEPreset.isModel(path: path) else {
      if let flag = modelOnly.first {
        throw Failure.usage(
          "\(flag) applies to a model preset (digits-vae), not to '\(scenario.preset)'")
      }
      return nil
    }
    if scenario.logits != nil {
      throw Failure.usage(
        "--logits does not apply to a model preset: its bits' logits are the encoder's, U x + e")
    }
    do throws(ScenarioError) {
      var preset = try VAEPreset.load(path: path)
      if let d = model.latents { preset.race.latents = d }
      if let seed = scenario.seed { preset.race.seed = seed }
      if let t = scenario.temperature { preset.race.temperature = t }
      for option in scenario.options {
        let (key, value) = try ScenarioOverrides.parseOption(option, flag: "--option")
        preset.race.options = preset.race.options.setting(key, to: value)
      }
      if let estimators {
        let names = try ScenarioOverrides.parseNames(estimators, flag: "--estimators")
        var kinds: [EstimatorKind] = []
        for name in names {
          guard let kind = EstimatorKind(rawValue: name) else {
            throw ScenarioError(
              source: "command line", key: "--estimators", "unknown estimator '\(name)'")
          }
          kinds.append(kind)
        }
        preset.race.estimators = kinds
      }
      if !preset.race.isExact {
        preset.race.estimators.removeAll { $0 == .exact && estimators == nil }
      }
      let problems = preset.race.problems + preset.race.options.problems
      guard problems.isEmpty else {
        throw ScenarioError(source: "command line", problems: problems)
      }
      return preset
    } catch {
      throw Failure.scenario(error)
    }
  }
}
