/// A tour step on a model preset (`preset = "digits-vae"`): the step shows the preset's
/// race on the model, with the step's `estimators` as its lanes and its `temperature` for
/// the relaxed ones; its checks read that race and a `run` at the start (`VAECheckContext`).
/// The explorer's scenario stays the step before's (Escape returns to it), so a tour must
/// start on a scenario; the keys that change a scenario do not apply.
extension TourStep {
  /// The model preset this step names, with its changes, or nil when it names a scenario
  /// (or no preset). Problems name the step's keys.
  public func model(presets: PresetLibrary) throws(InvalidScenario) -> VAEPreset? {
    guard let preset, let path = try? presets.locate(preset), VAEPreset.isModel(path: path)
    else { return nil }
    var model: VAEPreset
    do throws(ScenarioError) {
      model = try VAEPreset.load(path: path)
    } catch {
      throw InvalidScenario(
        key: "preset", error.problems.first.map { "'\(preset)': \($0)" } ?? preset)
    }
    var problems: [ScenarioProblem] = []
    let scenarioKeys: [(String, Bool)] = [
      ("logits", logits != nil), ("mean", mean != nil), ("std", std != nil),
      ("select", select != nil), ("samples", samples != nil),
    ]
    for (key, given) in scenarioKeys where given {
      problems.append(
        ScenarioProblem(
          key: key, message: "does not apply to a model preset's step (it shows the race)"))
    }
    if view != .live {
      problems.append(
        ScenarioProblem(
          key: "view", message: "a model preset's step shows its own race (leave view out)"))
    }
    if let estimators { model.race.estimators = estimators }
    if let temperature { model.race.temperature = temperature }
    problems += model.race.problems.map {
      ScenarioProblem(key: $0.key.hasPrefix("model.") ? "temperature" : $0.key, message: $0.message)
    }
    for (i, check) in checks.enumerated() {
      if let problem = VAECheckContext.problem(check, preset: model) {
        problems.append(ScenarioProblem(key: "checks[\(i + 1)]", message: problem))
      }
    }
    guard problems.isEmpty else { throw InvalidScenario(problems) }
    return model
  }
}

extension Tour {
  /// Each step's model preset (nil for a scenario's step), once `scenarios(presets:)` has
  /// resolved every step.
  public func models(presets: PresetLibrary) -> [VAEPreset?] {
    steps.map { try? $0.model(presets: presets) }
  }
}
