/// One estimator's numbers on one gradient component, with what a student should read off
/// them: the noise of a single estimate against the size of the gradient, the error a single
/// estimate makes on average, and whether the data show a bias. The screen, the table and the
/// JSON of `run` all take these numbers from here.
public struct EstimateSummary: Sendable, Equatable {
  public let mean: Double
  public let exact: Double
  /// Per-sample variance of the single-sample estimator.
  public let variance: Double
  /// Standard error of the mean.
  public let standardError: Double
  public let samples: Int
  /// Whether theory calls the estimator unbiased here; when one that is never varies and
  /// misses, `ConstantMiss` says why.
  public let unbiasedInTheory: Bool

  public init(
    mean: Double, exact: Double, variance: Double, standardError: Double, samples: Int,
    unbiasedInTheory: Bool = true
  ) {
    self.mean = mean
    self.exact = exact
    self.variance = variance
    self.standardError = standardError
    self.samples = samples
    self.unbiasedInTheory = unbiasedInTheory
  }

  /// `mean - exact`.
  public var bias: Double { mean - exact }

  /// Standard deviation of a single estimate.
  public var standardDeviation: Double { variance.squareRoot() }

  /// `SD / |exact|`: how many times larger than the gradient the noise of one estimate is. A
  /// variance can fall while this grows (the gradient falls faster), which is what decides how
  /// many samples a useful estimate needs. Nil when the exact gradient is 0.
  public var relativeNoise: Double? {
    guard exact != 0, exact.isFinite, variance.isFinite else { return nil }
    return standardDeviation / abs(exact)
  }

  /// Mean squared error of a single estimate, `bias^2 + variance`: what a ranking of
  /// estimators must use, since a biased estimator with a small variance is not better for it.
  public var meanSquaredError: Double { bias * bias + variance }

  public var verdict: BiasVerdict {
    BiasVerdict(mean: mean, exact: exact, standardError: standardError, samples: samples)
  }

  /// How many estimates must be averaged for an error of 10% of the gradient.
  public enum SamplesNeeded: Sendable, Equatable {
    /// `(10 SD / |exact|)^2`, at least 1.
    case samples(Double)
    /// The data show a bias of 10% of the gradient or more: averaging never gets there.
    case never
    /// No gradient to compare with (exact is 0) or no numbers yet.
    case unknown
  }

  /// Samples for a 10% error: `(10 SD / |exact|)^2` from the noise alone; `never` when the
  /// measured bias alone is already 10% of the gradient and the data show it.
  public var samplesForTenPercentError: SamplesNeeded {
    guard let relative = relativeNoise, samples >= 2 else { return .unknown }
    if verdict.isBiased, abs(bias) >= 0.1 * abs(exact) { return .never }
    let needed = (10 * relative) * (10 * relative)
    return needed.isFinite ? .samples(max(needed.rounded(.up), 1)) : .unknown
  }
}

/// Rankings by mean squared error, as the screen's "lowest MSE", the sweep's and the tables'
/// marks use: one rule, so no view names a different winner.
public enum MeanSquaredErrorRanking {
  /// The index of the summary with the smallest MSE, among those that `compete`. Callers
  /// that know the rows' kinds use `lowest(kinds:summaries:)`, which also leaves out `exact`.
  public static func lowest(_ summaries: [EstimateSummary?]) -> Int? {
    var best: (index: Int, value: Double)?
    for (i, summary) in summaries.enumerated() {
      guard let summary, competes(summary) else { continue }
      let mse = summary.meanSquaredError
      if mse < (best?.value ?? .infinity) { best = (i, mse) }
    }
    return best?.index
  }

  /// Whether an estimate may be named lowest: two samples or more, a finite MSE, and not a
  /// constant that misses (argmax's 0 says nothing about the gradient; its MSE is that of
  /// answering a constant).
  public static func competes(_ summary: EstimateSummary) -> Bool {
    guard summary.samples >= 2, summary.meanSquaredError.isFinite else { return false }
    if case .constant = summary.verdict { return false }
    return true
  }

  /// The row with the lowest MSE among estimator rows (a nil summary is a row that is off or
  /// hidden). The `exact` row is left out: it enumerates every outcome, it does not compete.
  /// Nil unless two rows with numbers are left: a ranking of one says nothing.
  public static func lowest(kinds: [EstimatorKind], summaries: [EstimateSummary?]) -> Int? {
    let rows = zip(kinds, summaries).map { kind, summary in kind == .exact ? nil : summary }
    guard rows.count(where: { ($0?.samples ?? 0) >= 2 }) >= 2 else { return nil }
    return lowest(rows)
  }

  /// The result with the lowest MSE on component `i`, results whose kind is in `leavingOut`
  /// (hidden curves) left out.
  public static func lowest(
    _ results: [EstimatorResult], component i: Int, leavingOut: Set<EstimatorKind> = []
  ) -> Int? {
    lowest(
      kinds: results.map(\.kind),
      summaries: results.map { e in
        leavingOut.contains(e.kind) || !e.exact.indices.contains(i) ? nil : e.summary(i)
      })
  }
}
