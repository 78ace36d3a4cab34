/// The JSON document of `samplegrad run`, keys in the documented order. Per estimator and
/// component: the moments, the bias, `standardDeviation`, `relativeNoise` (SD / |exact|, null
/// where the exact gradient is 0), `mse` (bias^2 + variance) and the bias verdict of
/// `BiasVerdict`, the rule the explorer's screen uses too; a `note` when an estimator theory
/// calls unbiased never varied (`ConstantMiss`).
public enum RunReport {
  /// `total`: the error over all components (`TotalSummary`), nulls where undefined.
  public static func totalJSON(_ t: TotalSummary) -> JSONValue {
    .object([
      ("variance", .number(t.variance)), ("squaredBias", .number(t.squaredBias)),
      ("mse", .number(t.meanSquaredError)),
      ("relativeNoise", t.relativeNoise.map(JSONValue.number) ?? .null),
      ("meanCosine", t.meanCosine.map(JSONValue.number) ?? .null),
    ])
  }

  public static func json(_ r: RunResult) -> JSONValue {
    var distribution: [(String, JSONValue)] = [
      ("kind", .string(r.scenario.distribution.kind.rawValue))
    ]
    distribution += r.scenario.distribution.spec.family.jsonFields(
      probabilities: r.problem.probabilities)

    let objective = r.scenario.objective.kind
    let estimators: [JSONValue] = r.estimators.map { e in
      let summaries = e.summaries
      var fields: [(String, JSONValue)] = [
        ("name", .string(e.kind.rawValue)),
        ("unbiased", .bool(e.kind.descriptor.isUnbiased(on: objective))),
        ("samples", .integer(e.moments.count)),
        ("evaluations", .integer(e.evaluations)),
        ("mean", .numbers(e.mean)),
        ("variance", .numbers(e.variance)),
        ("standardError", .numbers(e.standardError)),
        ("bias", .numbers(e.bias)),
        ("standardDeviation", .numbers(summaries.map(\.standardDeviation))),
        (
          "relativeNoise", .array(summaries.map { $0.relativeNoise.map(JSONValue.number) ?? .null })
        ),
        ("mse", .numbers(summaries.map(\.meanSquaredError))),
        ("biasVerdict", .array(summaries.map { .string($0.verdict.name) })),
        (
          "biasStandardErrors",
          .array(summaries.map { $0.verdict.standardErrors.map(JSONValue.number) ?? .null })
        ),
      ]
      if let network = e.kind.descriptor.surrogateEvaluations(r.problem) {
        fields.insert(("surrogateEvaluations", .integer(network)), at: 4)
      }
      let options = e.kind.descriptor.options
      if !options.isEmpty {
        fields.append(
          (
            "options",
            .object(options.map { ($0.key, .number(r.problem.options[$0, for: e.kind])) })
          ))
      }
      for reading in e.diagnostics { fields.append((reading.key, .number(reading.value))) }
      if let note = ConstantMiss.note(for: e, in: r) { fields.append(("note", .string(note))) }
      fields.append(("total", totalJSON(e.total)))
      return .object(fields)
    }

    let test = r.histogram.chiSquare
    var histogram: [(String, JSONValue)] = [
      ("counts", .array(r.histogram.counts.map(JSONValue.integer))),
      ("probabilities", .numbers(r.histogram.probabilities)),
    ]
    if !r.histogram.edges.isEmpty {
      histogram.append(("edges", .numbers(r.histogram.edges)))
      histogram.append(("outside", .integer(r.histogram.outside)))
    }
    if let reason = test.skipped {
      histogram.append(("chiSquare", .object([("skipped", .string(reason))])))
    } else {
      histogram.append(
        (
          "chiSquare",
          .object([
            ("statistic", .number(test.statistic)),
            ("degreesOfFreedom", .integer(test.degreesOfFreedom)),
            ("pValue", test.pValue.map(JSONValue.number) ?? .null),
          ])
        ))
    }

    var document: [(String, JSONValue)] = [
      ("scenario", .string(r.scenario.name)),
      ("seed", .unsigned(r.seed)),
      ("samples", .integer(r.samples)),
    ]
    if let t = r.scenario.distribution.temperature { document.append(("temperature", .number(t))) }
    document += [
      ("distribution", .object(distribution)),
      (
        "exact",
        .object([
          ("loss", .number(r.problem.exact.loss)), ("gradient", .numbers(r.problem.exact.gradient)),
        ])
      ),
      ("estimators", .array(estimators)),
      ("histogram", .object(histogram)),
    ]
    if !r.relaxedMean.isEmpty {
      document.append(("relaxed", .object([("mean", .numbers(r.relaxedMean))])))
    }
    return .object(document)
  }
}
