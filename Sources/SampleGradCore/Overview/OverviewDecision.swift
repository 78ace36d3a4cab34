/// When the overview's "unbiased" answer is settled. "No bias seen" at a few thousand samples
/// only says the error bar is wide: straight-through, 14% low on the RELAX toy, reads "no bias
/// seen" at 100,000 samples in most seeds. So a cell keeps sampling until its answer is
/// decisive at a stated resolution: biased (over 5 standard errors away, or a constant miss),
/// exact, or no bias seen while 5 standard errors are under `resolution` of the gradient, so
/// any bias that large would have shown. A cell that reaches `maximumSamples` undecided says so.
public enum OverviewDecision {
  /// The size of bias, relative to the exact gradient, that a "no bias seen" answer rules out.
  public static let resolution = 0.1
  /// How far a cell grows to settle its answer (4,194,304 samples).
  public static let maximumSamples = 1 << 22

  /// Whether the answer on one component is decisive.
  public static func isDecisive(_ summary: EstimateSummary) -> Bool {
    switch summary.verdict {
    case .exact, .biased, .constant: return true
    case .tooFewSamples: return false
    case .noBiasSeen:
      // A zero gradient has no scale to be 10% of: the verdict in standard errors is all.
      return summary.exact == 0 || 5 * summary.standardError <= resolution * abs(summary.exact)
    }
  }

  /// Whether the answer is decisive on every component (the live table shows each in turn).
  public static func isDecisive(_ result: EstimatorResult) -> Bool {
    result.summaries.allSatisfy(isDecisive)
  }

  /// The bias, relative to the gradient, that the data cannot yet rule out (5 standard errors).
  static func undecidedBound(_ summary: EstimateSummary) -> Double {
    5 * summary.standardError / abs(summary.exact)
  }
}
