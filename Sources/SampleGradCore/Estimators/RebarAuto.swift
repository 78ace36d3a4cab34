extension EstimatorKind {
  /// REBAR with its control-variate scale tuned online.
  public static let rebarAuto = EstimatorKind("rebar-auto")
}

/// REBAR (`g = A - eta C`, see `Rebar`) with eta set for each sample to the
/// variance-minimising `Σ_j S_AC / Σ_j S_CC` of the earlier samples of its stream (held at 1
/// for the first 100): the paper's tuning of eta, done as it goes. Unbiased, since eta
/// depends on the past only. In `run` the sums restart with each chunk, like the baseline's.
/// On D variables the sums run over every component, so eta minimises the summed variance.
enum RebarAuto {
  static let descriptor = EstimatorDescriptor(
    kind: .rebarAuto, stream: 13, shortName: "REBAR-auto", longName: "REBAR, eta tuned online",
    summary: "REBAR with eta = sum(A C) / sum(C C) over the earlier samples; unbiased",
    isUnbiased: true, needs: RebarEstimator.needs, diagnostics: [RebarEstimator.etaInUse],
    evaluations: { _ in 3 }, make: { RebarEstimator.make($0, eta: .adaptive(AdaptiveEta())) })
}
