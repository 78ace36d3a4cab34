/// The `[training]` table: a race's defaults, each key checked like the rest of the file.
extension ScenarioDecoder {
  static func buildTraining(_ raw: ScenarioFile.Training?, _ problems: inout [ScenarioProblem])
    -> TrainingSettings?
  {
    guard let raw else { return nil }
    var settings = TrainingSettings()
    if let steps = raw.steps { settings.steps = steps }
    if let rate = raw.learningRate?.value { settings.learningRate = rate }
    if let batch = raw.batch { settings.batch = batch }
    if let name = raw.optimizer,
      let kind = OptimizerKind.named(name, key: "training.optimizer", problems: &problems)
    {
      settings.optimizer = kind
    }
    var schedule = AnnealingSchedule.none
    if let name = raw.anneal {
      guard let named = AnnealingSchedule(rawValue: name) else {
        problems.append(
          ScenarioProblem(
            key: "training.anneal",
            message: "unknown schedule '\(name)' (known: \(AnnealingSchedule.validNames))"))
        return settings
      }
      schedule = named
    }
    switch schedule {
    case .none:
      for (key, value) in [("tau_min", raw.tauMin), ("rate", raw.rate)] where value != nil {
        problems.append(
          ScenarioProblem(key: "training.\(key)", message: "applies only with anneal = \"exp\""))
      }
    case .exp:
      settings.anneal = .exponential(
        minimum: raw.tauMin?.value ?? Annealing.defaultMinimum,
        rate: raw.rate?.value ?? Annealing.defaultRate)
    }
    return settings
  }
}
