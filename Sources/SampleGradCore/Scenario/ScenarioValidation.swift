/// The rules a scenario must satisfy before anything is sampled, so no sampler ever sees a
/// NaN, a non-positive temperature or mismatched lengths.
extension Scenario {
  /// Every problem with this scenario; empty when it is valid.
  public func problems() -> [ScenarioProblem] {
    var found: [ScenarioProblem] = []
    func check(_ ok: Bool, _ key: String, _ message: @autoclosure () -> String) {
      if !ok { found.append(ScenarioProblem(key: key, message: message())) }
    }
    func checkFinite(_ values: [Double], _ key: String) -> Bool {
      let bad = values.first { !$0.isFinite }
      check(bad == nil, key, "must be a finite number, got \(bad.map { "\($0)" } ?? "")")
      return bad == nil
    }

    check(!name.isEmpty, "name", "must not be empty")
    if let samples { check(samples > 0, "samples", "must be at least 1, got \(samples)") }

    var k: Int
    switch distribution {
    case .categorical(let logits, let temperature):
      k = logits.count
      check(
        Self.categoryRange.contains(logits.count), "distribution.logits",
        "needs 2 to 64 values (one per category), got \(logits.count)")
      _ = checkFinite(logits, "distribution.logits")
      checkTemperature(temperature, &found)
      if !Self.categoryRange.contains(k) { k = 0 }  // lengths below cannot be judged
    case .bernoulli(let l, let temperature):
      k = 1
      _ = checkFinite([l], "distribution.logits")
      checkTemperature(temperature, &found)
    case .gaussian(let mean, let std):
      k = 1
      _ = checkFinite([mean], "distribution.mean")
      if checkFinite([std], "distribution.std") {
        check(std > 0, "distribution.std", "must be greater than 0, got \(std)")
      }
    }

    let kind = distribution.kind
    check(
      objective.kind.applies(to: kind), "objective.kind",
      "'\(objective.kind.rawValue)' does not apply to a \(kind.rawValue) distribution")
    let lengthNote = kind == .categorical ? "\(k) values, one per logit" : "one value"
    switch objective {
    case .linear(let weights):
      check(
        k == 0 || weights.count == k, "objective.weights",
        "needs \(lengthNote), got \(weights.count)")
      _ = checkFinite(weights, "objective.weights")
    case .quadratic(let target):
      check(
        k == 0 || target.count == k, "objective.target",
        "needs \(lengthNote), got \(target.count)")
      _ = checkFinite(target, "objective.target")
    case .cosine(let frequency):
      _ = checkFinite([frequency], "objective.frequency")
    }

    for estimator in estimators where !estimator.applies(to: kind) {
      found.append(
        ScenarioProblem(
          key: "estimators",
          message: EstimatorNotApplicable(estimator: estimator, distribution: kind).description))
    }
    check(!estimators.isEmpty, "estimators", "lists no estimator")
    check(
      Set(estimators).count == estimators.count, "estimators", "lists an estimator twice")
    _ = checkFinite([eta], "options.eta")
    return found
  }

  private func checkTemperature(_ temperature: Double, _ found: inout [ScenarioProblem]) {
    if !temperature.isFinite || !Self.temperatureRange.contains(temperature) {
      found.append(
        ScenarioProblem(
          key: "distribution.temperature",
          message: "must be between 0.01 and 100, got \(temperature)"))
    }
  }
}
