/// The rules a scenario must satisfy before anything is sampled, so no sampler ever sees a
/// NaN, a non-positive temperature or mismatched lengths, and every number stays inside the
/// domain where all results are finite (`NumericDomain`).
extension Scenario {
  /// Every problem with this scenario; empty when it is valid.
  public func problems() -> [ScenarioProblem] {
    var found: [ScenarioProblem] = []
    func check(_ ok: Bool, _ key: String, _ message: @autoclosure () -> String) {
      if !ok { found.append(ScenarioProblem(key: key, message: message())) }
    }
    /// Each value inside `range` (a NaN is inside no range); a list names the bad entry.
    func checkRange(_ values: [Double], _ range: ClosedRange<Double>, _ key: String) {
      guard let i = values.firstIndex(where: { !range.contains($0) }) else { return }
      let entry = values.count > 1 ? " (value \(i + 1))" : ""
      found.append(
        ScenarioProblem(
          key: key,
          message:
            "must be \(NumericDomain.describe(range)), got \(NumericDomain.show(values[i]))\(entry)"
        ))
    }
    func checkText(_ text: String?, _ key: String, allowing allowed: Set<Unicode.Scalar> = []) {
      guard let text,
        let (scalar, position) = TerminalText.firstControl(in: text, allowing: allowed)
      else { return }
      found.append(
        ScenarioProblem(
          key: key,
          message: "must not contain control characters, found \(TerminalText.codePoint(scalar))"
            + " at character \(position)"))
    }

    check(!name.isEmpty, "name", "must not be empty")
    checkText(name, "name")
    checkText(title, "title")
    checkText(lesson, "lesson", allowing: ["\n", "\t"])
    if let samples {
      check(
        NumericDomain.samples.contains(samples), "samples",
        "must be \(NumericDomain.describe(NumericDomain.samples)), got \(samples)")
    }

    var k: Int
    switch distribution {
    case .categorical(let logits, let temperature):
      k = logits.count
      check(
        Self.categoryRange.contains(logits.count), "distribution.logits",
        "needs 2 to 64 values (one per category), got \(logits.count)")
      checkRange(logits, NumericDomain.logit, "distribution.logits")
      checkTemperature(temperature, &found)
      if !Self.categoryRange.contains(k) { k = 0 }  // lengths below cannot be judged
    case .bernoulli(let l, let temperature):
      k = 1
      checkRange([l], NumericDomain.logit, "distribution.logits")
      checkTemperature(temperature, &found)
    case .gaussian(let mean, let std):
      k = 1
      checkRange([mean], NumericDomain.mean, "distribution.mean")
      checkRange([std], NumericDomain.std, "distribution.std")
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
      checkRange(weights, NumericDomain.objective, "objective.weights")
    case .quadratic(let target):
      check(
        k == 0 || target.count == k, "objective.target",
        "needs \(lengthNote), got \(target.count)")
      checkRange(target, NumericDomain.objective, "objective.target")
    case .cosine(let frequency):
      checkRange([frequency], NumericDomain.objective, "objective.frequency")
    }

    for estimator in estimators where !estimator.applies(to: kind) {
      found.append(
        ScenarioProblem(
          key: "estimators",
          message: EstimatorNotApplicable(estimator: estimator, distribution: kind).description))
    }
    check(!estimators.isEmpty, "estimators", "lists no estimator")
    var seen: Set<EstimatorKind> = []
    if let twice = estimators.first(where: { !seen.insert($0).inserted }) {
      found.append(ScenarioProblem(key: "estimators", message: "lists '\(twice.rawValue)' twice"))
    }
    checkRange([eta], NumericDomain.eta, "options.eta")
    return found
  }

  private func checkTemperature(_ temperature: Double, _ found: inout [ScenarioProblem]) {
    if !Self.temperatureRange.contains(temperature) {
      found.append(
        ScenarioProblem(
          key: "distribution.temperature",
          message:
            "must be \(NumericDomain.describe(Self.temperatureRange)), got \(NumericDomain.show(temperature))"
        ))
    }
  }
}
