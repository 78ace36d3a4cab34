extension Objective {
  /// The rules an objective must satisfy for `distribution`, each with its key.
  public static func problems(
    _ spec: ObjectiveSpec, for distribution: DistributionSpec
  ) -> [ScenarioProblem] {
    let kind = distribution.kind
    guard spec.kind.applies(to: distribution.capabilities) else {
      return [
        ScenarioProblem(
          key: "objective.kind",
          message: "'\(spec.kind.rawValue)' does not apply to a \(kind.rawValue) distribution")
      ]
    }
    let layout = distribution.family.objectiveLayout
    if !spec.kind.takesManyVariables && layout.variables > 1 {
      return [
        ScenarioProblem(
          key: "objective.kind",
          message:
            "'\(spec.kind.rawValue)' takes one variable, and this \(kind.rawValue) has \(layout.variables) (use mean-squared or squared-mean)"
        )
      ]
    }
    var found: [ScenarioProblem] = []
    // 0 when the family's own size is invalid (its problem is reported there).
    let categories = layout.isVector ? layout.outcomes : 1
    func length(_ values: [Double], _ key: String, expected: Int, note: String) {
      if expected > 0 && values.count != expected {
        found.append(
          ScenarioProblem(key: "objective.\(key)", message: "needs \(note), got \(values.count)"))
      }
      found += ScenarioRules.inRange(values, NumericDomain.objective, key: "objective.\(key)")
    }
    let perCategory = layout.isVector ? "\(categories) values, one per logit" : "one value"
    switch spec {
    case .linear(let weights): length(weights, "weights", expected: categories, note: perCategory)
    case .quadratic(let target): length(target, "target", expected: categories, note: perCategory)
    case .cosine(let frequency):
      found += ScenarioRules.inRange(
        [frequency], NumericDomain.objective, key: "objective.frequency")
    case .step(let threshold):
      found += ScenarioRules.inRange(
        [threshold], NumericDomain.objective, key: "objective.threshold")
    case .table(let values):
      let expected = layout.isVector ? categories : 2
      let note =
        layout.isVector ? "\(categories) values, one per category" : "2 values, [f(0), f(1)]"
      length(values, "values", expected: expected, note: note)
    case .model(let model):
      if model.function.variables != layout.variables {
        found.append(
          ScenarioProblem(
            key: "objective",
            message:
              "\(model.name) reads \(model.function.variables) variables, and the distribution has \(layout.variables)"
          ))
      }
    case .meanSquared(let target, let values), .squaredMean(let target, let values):
      found += ScenarioRules.inRange([target], NumericDomain.objective, key: "objective.target")
      if let values {
        if layout.isVector {
          length(
            values, "values", expected: layout.outcomes,
            note: "\(layout.outcomes) values, one per category")
        } else {
          found.append(
            ScenarioProblem(
              key: "objective.values",
              message:
                "does not apply to a \(kind.rawValue) (a variable's value is its outcome; values name a categorical's)"
            ))
        }
      }
    }
    return found
  }
}
