/// One estimator's statistics in `samplegrad run --preset digits-vae`.
public struct VAEEstimatorRun: Sendable {
  public let kind: EstimatorKind
  public let moments: RunningMoments
  /// Evaluations of `f` per estimate of the batch gradient (B per-image estimates).
  public let evaluations: Int
  public let diagnostics: [DiagnosticReading]

  public init(
    kind: EstimatorKind, moments: RunningMoments, evaluations: Int,
    diagnostics: [DiagnosticReading]
  ) {
    self.kind = kind
    self.moments = moments
    self.evaluations = evaluations
    self.diagnostics = diagnostics
  }
}

/// The JSON of `samplegrad run --preset digits-vae`: each estimator's encoder gradient on the
/// batch against the exact one, per component (`U` row-major, then `e`) and in `total`, in
/// the keys of the toy's `run`; `exact` holds the batch's loss and the full exact gradient
/// (encoder, decoder, prior: the `VAEParameters` layout).
public enum VAERunReport {
  public static func json(
    name: String, preset: VAEPreset, parameters: VAEParameters, source: String, rows: [Int],
    samples: Int, exact: ExactSolution, estimators: [VAEEstimatorRun]
  ) -> JSONValue {
    let reference = VAEGradientStatistics.encoderBlock(exact.gradient, parameters)
    let entries: [JSONValue] = estimators.map { e in
      let m = e.moments
      let se = m.standardError
      let unbiased = e.kind.descriptor.isUnbiased(on: .model)
      let summaries = reference.indices.map {
        EstimateSummary(
          mean: m.mean[$0], exact: reference[$0], variance: m.variance[$0],
          standardError: se[$0], samples: m.count, unbiasedInTheory: unbiased)
      }
      var fields: [(String, JSONValue)] = [
        ("name", .string(e.kind.rawValue)),
        ("unbiased", .bool(unbiased)),
        ("samples", .integer(m.count)),
        ("evaluations", .integer(e.evaluations)),
        ("mean", .numbers(m.mean)),
        ("variance", .numbers(m.variance)),
        ("standardError", .numbers(se)),
        ("bias", .numbers(summaries.map(\.bias))),
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
      let options = e.kind.descriptor.options
      if !options.isEmpty {
        fields.append(
          (
            "options",
            .object(options.map { ($0.key, .number(preset.race.options[$0, for: e.kind])) })
          ))
      }
      for reading in e.diagnostics { fields.append((reading.key, .number(reading.value))) }
      fields.append(("total", RunReport.totalJSON(TotalSummary(moments: m, exact: reference))))
      return .object(fields)
    }
    return .object([
      ("scenario", .string(name)),
      ("model", .string(VAEPreset.modelKind)),
      ("latents", .integer(parameters.latents)),
      ("parameters", .string(source)),
      ("seed", .unsigned(preset.race.seed)),
      ("samples", .integer(samples)),
      ("batch", .integer(rows.count)),
      ("temperature", .number(preset.race.temperature)),
      ("components", .string("encoder weights U (D x 64, row-major), then encoder bias e (D)")),
      (
        "exact",
        .object([
          ("loss", .number(exact.loss)),
          ("gradient", .numbers(exact.gradient)),
          (
            "layout",
            .string(
              "encoder weights (D x 64, row-major), encoder bias (D), decoder weights (64 x D, row-major), decoder bias (64), prior logits (D)"
            )
          ),
        ])
      ),
      ("estimators", .array(entries)),
    ])
  }
}
