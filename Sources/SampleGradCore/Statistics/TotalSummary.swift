/// One estimator's error over all components at once: what matters on D variables, where
/// each component's own variance can look small while together they drown the gradient.
///
/// `variance` sums the components' variances (the trace of the covariance), `squaredBias` is
/// `|mean - exact|^2`, `mse` their sum (the expected squared distance of one estimate from the
/// exact gradient), `relativeNoise` is `sqrt(variance) / |exact|`, and `meanCosine` the mean
/// over estimates of the cosine between one estimate and the exact gradient (1: every estimate
/// points the right way; about 0: the direction is noise).
public struct TotalSummary: Sendable, Equatable {
  public let variance: Double
  public let squaredBias: Double
  /// `sqrt(variance) / |exact|`; nil when the exact gradient is 0.
  public let relativeNoise: Double?
  /// Nil when it was not tracked or the exact gradient is 0.
  public let meanCosine: Double?

  public var meanSquaredError: Double { variance + squaredBias }

  /// The index of the lowest total MSE among summaries that compete (two samples or more, a
  /// finite MSE, not a constant that misses: argmax's 0), as `MeanSquaredErrorRanking` ranks
  /// one component; nil unless two compete.
  public static func lowest(_ totals: [TotalSummary], samples: [Int]) -> Int? {
    let competing = totals.indices.filter {
      samples[$0] >= 2 && totals[$0].meanSquaredError.isFinite
        && !(totals[$0].variance == 0 && totals[$0].squaredBias > 0)
    }
    guard competing.count >= 2 else { return nil }
    return competing.min { totals[$0].meanSquaredError < totals[$1].meanSquaredError }
  }

  public init(moments: RunningMoments, exact: [Double]) {
    let variances = moments.variance
    variance = variances.reduce(0, +)
    squaredBias = zip(moments.mean, exact).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    let norm = exact.reduce(0) { $0 + $1 * $1 }.squareRoot()
    relativeNoise =
      norm > 0 && norm.isFinite && variance.isFinite ? variance.squareRoot() / norm : nil
    meanCosine = moments.meanCosine
  }
}
