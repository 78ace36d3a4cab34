/// Why an estimator that theory calls unbiased returned the same wrong value every time: the
/// data show a bias (`BiasVerdict.constant`), and a reader deserves the reason, since theory
/// says there is none. There are two, and a run can tell which:
/// - Precision: the distribution's samples are finer than doubles resolve at its location
///   (`Histogram.unresolvedBins`, a gaussian whose std is far below its mean's spacing), so
///   they round to a few values and the differences the estimator measures vanish. At mean
///   1e17 doubles are 16 apart: `mean +- std W` is the mean, and measure-valued returns 0.
/// - Rare outcomes: otherwise the estimate can only change on outcomes not drawn yet, each
///   rarer than about 3 in the sample count (the rule of three, at 95% confidence).
public enum ConstantMiss {
  /// One line on `estimator`'s constant miss in `run`, or nil when it has none (its verdict
  /// is not `constant` on any component, or theory calls it biased, so the constant is the
  /// bias theory predicts).
  public static func note(for estimator: EstimatorResult, in run: RunResult) -> String? {
    let summaries = estimator.summaries
    guard let constant = summaries.first(where: { $0.isConstantMiss }), constant.unbiasedInTheory
    else { return nil }
    let name = estimator.kind.rawValue
    let count = NumberFormat.grouped(constant.samples)
    let opening = "\(name): every estimate the same though theory calls it unbiased"
    if let (near, spacing) = run.histogram.unresolvedSpacing {
      return "\(opening): precision lost, doubles near \(NumberFormat.short(near)) are"
        + " \(NumberFormat.short(spacing)) apart, so the samples round to a few values and the"
        + " differences it measures vanish"
    }
    let rarer = NumberFormat.grouped(max(constant.samples / 3, 1))
    return "\(opening): the outcomes that carry its gradient were not drawn in \(count) samples"
      + " (each rarer than 1 in \(rarer), at 95% confidence)"
  }
}

extension EstimateSummary {
  /// Whether every estimate was the same value and missed the exact one.
  var isConstantMiss: Bool {
    if case .constant = verdict { return true }
    return false
  }
}
