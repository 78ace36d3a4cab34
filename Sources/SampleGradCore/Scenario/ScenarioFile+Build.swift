/// Turns the decoded file into a `Scenario`, reporting missing and meaningless keys.
extension ScenarioDecoder {
  static func build(_ file: ScenarioFile) -> (Scenario?, [ScenarioProblem]) {
    var problems: [ScenarioProblem] = []
    func missing(_ key: String, _ why: String = "is missing") {
      problems.append(ScenarioProblem(key: key, message: why))
    }

    if file.name == nil { missing("name") }
    var seed: UInt64?
    if let s = file.seed {
      if s < 0 { missing("seed", "must be 0 or more, got \(s)") } else { seed = UInt64(s) }
    }

    let estimators = file.estimators.flatMap {
      EstimatorKind.named($0, key: "estimators", problems: &problems)
    }

    let distribution = buildDistribution(file.distribution, &problems)
    let objective = buildObjective(file.objective, &problems)
    let training = buildTraining(file.training, &problems)
    let options = EstimatorOptions(
      file.options?.values ?? [:], scoped: file.options?.scoped ?? [:])
    let sweep = buildSweep(file.sweep, &problems)
    // Every problem at once: what can be judged is judged, whatever else is wrong.
    guard let distribution, let objective else {
      problems += options.problems + (training?.problems(for: distribution) ?? [])
      return (nil, problems)
    }
    let scenario: Scenario
    do throws(InvalidScenario) {
      // A missing name is already reported; a placeholder keeps it from reading as empty.
      scenario = try Scenario(
        name: file.name ?? "-", title: file.title, lesson: file.lesson, seed: seed,
        samples: file.samples, estimators: estimators, distribution: distribution,
        objective: objective, options: options, training: training, sweep: sweep)
    } catch {
      return (nil, problems + error.problems)
    }
    // A file's annealing must also fit the file's own temperature.
    problems +=
      scenario.training?.startProblems(temperature: scenario.distribution.temperature) ?? []
    if let sweep {
      // The range must suit this scenario: every point valid, a log scale above 0.
      do throws(InvalidScenario) {
        _ = try SweepPlan.standard(for: scenario, spec: sweep)
      } catch {
        problems += error.problems.map {
          ScenarioProblem(key: "sweep.\($0.key)", message: $0.message)
        }
      }
    }
    return problems.isEmpty ? (scenario, []) : (nil, problems)
  }

  /// `[sweep]`: `over` is required, the rest fall back to the sweep's standard range.
  private static func buildSweep(
    _ raw: ScenarioFile.Sweep?, _ problems: inout [ScenarioProblem]
  ) -> SweepSpec? {
    guard let raw else { return nil }
    guard let name = raw.over else {
      problems.append(ScenarioProblem(key: "sweep.over", message: "is missing"))
      return nil
    }
    guard let setting = ScenarioSetting.parse(name) else {
      problems.append(
        ScenarioProblem(
          key: "sweep.over",
          message: "unknown setting '\(name)' (known: \(ScenarioSetting.validNames))"))
      return nil
    }
    var scale: SweepScale?
    if let text = raw.scale {
      scale = SweepScale(rawValue: text)
      if scale == nil {
        problems.append(
          ScenarioProblem(
            key: "sweep.scale", message: "must be \(SweepScale.choices), got '\(text)'"))
      }
    }
    // The grid's own rule, judged even when the scenario cannot be (a duplicate of the
    // plan's own check is dropped by the decoder).
    if let points = raw.points {
      problems += ScenarioRules.inRange(points, SweepGrid.pointRange, key: "sweep.points")
    }
    return SweepSpec(
      setting: setting, from: raw.from?.value, to: raw.to?.value, points: raw.points, scale: scale)
  }

  private static func buildDistribution(
    _ raw: ScenarioFile.Distribution?, _ problems: inout [ScenarioProblem]
  ) -> DistributionSpec? {
    guard let raw else {
      problems.append(
        ScenarioProblem(key: "distribution", message: "is missing (a [distribution] table)"))
      return nil
    }
    guard let kindName = raw.kind else {
      problems.append(ScenarioProblem(key: "distribution.kind", message: "is missing"))
      return nil
    }
    guard let kind = DistributionKind(rawValue: kindName) else {
      problems.append(
        ScenarioProblem(
          key: "distribution.kind",
          message:
            "unknown distribution '\(kindName)' (known: \(DistributionKind.allCases.map(\.rawValue).joined(separator: ", ")))"
        ))
      return nil
    }
    guard let family = FamilyRegistry.family(kind) else { return nil }
    var table = DistributionTable(kind: kind, values: raw.values)
    let decoded = family.decode(&table)
    table.reportUnread()
    problems += table.problems
    return decoded.map { DistributionSpec(family: $0) }
  }

  private static func buildObjective(
    _ raw: ScenarioFile.Objective?, _ problems: inout [ScenarioProblem]
  ) -> ObjectiveSpec? {
    guard let raw else {
      problems.append(
        ScenarioProblem(key: "objective", message: "is missing (an [objective] table)"))
      return nil
    }
    guard let kindName = raw.kind else {
      problems.append(ScenarioProblem(key: "objective.kind", message: "is missing"))
      return nil
    }
    guard let kind = ObjectiveKind(rawValue: kindName), kind != .model else {
      problems.append(
        ScenarioProblem(
          key: "objective.kind",
          message:
            "unknown objective '\(kindName)' (known: \(ObjectiveKind.fileKinds.map(\.rawValue).joined(separator: ", ")))"
        ))
      return nil
    }
    func required(_ key: String, _ value: ScenarioFile.NumberOrList?) -> [Double]? {
      if value == nil {
        problems.append(ScenarioProblem(key: "objective.\(key)", message: "is missing"))
      }
      return value?.values
    }
    // Every key another kind reads is meaningless here.
    let given: [String: Bool] = [
      "weights": raw.weights != nil, "target": raw.target != nil,
      "frequency": raw.frequency != nil, "values": raw.values != nil,
      "threshold": raw.threshold != nil,
    ]
    for key in given.keys.sorted() where given[key] == true && !kind.keys.contains(key) {
      problems.append(
        ScenarioProblem(
          key: "objective.\(key)", message: "does not apply to a \(kind.rawValue) objective"))
    }
    func number(_ key: String, _ value: ScenarioFile.Number?) -> Double? {
      if value == nil {
        problems.append(ScenarioProblem(key: "objective.\(key)", message: "is missing"))
      }
      return value?.value
    }
    /// A number (a list is refused: it would be one value per category).
    func scalar(_ key: String, _ value: ScenarioFile.NumberOrList?) -> Double? {
      guard let value = required(key, value) else { return nil }
      guard value.count == 1, raw.target?.wasList != true else {
        problems.append(
          ScenarioProblem(
            key: "objective.\(key)", message: "expected a number (one target for every variable)"))
        return nil
      }
      return value[0]
    }
    switch kind {
    case .meanSquared:
      return scalar("target", raw.target).map {
        .meanSquared(target: $0, values: raw.values?.values)
      }
    case .squaredMean:
      return scalar("target", raw.target).map {
        .squaredMean(target: $0, values: raw.values?.values)
      }
    case .linear: return required("weights", raw.weights).map { .linear(weights: $0) }
    case .quadratic: return required("target", raw.target).map { .quadratic(target: $0) }
    case .table: return required("values", raw.values).map { .table(values: $0) }
    case .cosine: return number("frequency", raw.frequency).map { .cosine(frequency: $0) }
    case .step: return number("threshold", raw.threshold).map { .step(threshold: $0) }
    case .model: return nil  // refused above: a model's commands build it
    }
  }
}
