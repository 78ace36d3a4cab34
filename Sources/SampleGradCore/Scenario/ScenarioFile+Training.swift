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
    switch raw.anneal {
    case nil, "none":
      for (key, value) in [("tau_min", raw.tauMin), ("rate", raw.rate)] where value != nil {
        problems.append(
          ScenarioProblem(key: "training.\(key)", message: "applies only with anneal = \"exp\""))
      }
    case "exp":
      settings.anneal = .exponential(
        minimum: raw.tauMin?.value ?? Annealing.defaultMinimum,
        rate: raw.rate?.value ?? Annealing.defaultRate)
    case let other?:
      problems.append(
        ScenarioProblem(
          key: "training.anneal", message: "unknown schedule '\(other)' (known: none, exp)"))
    }
    return settings
  }
}
