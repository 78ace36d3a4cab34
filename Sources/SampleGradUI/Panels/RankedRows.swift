import SampleGradCore
import SampleGradEngine

/// The order of the estimator rows on D variables, ranked by the error over every component
/// at once (`TotalSummary`): the exact row first (the reference, it does not compete), then
/// the rows with numbers by total MSE, lowest first, then the rows without, in registry
/// order. The rows drawn and the rows a click lands on both come from here.
struct RankedRows: Sendable {
  /// Indices into `snapshot.estimators`, top down.
  let order: [Int]
  /// Each row's total, or nil for a row that is off or has no numbers yet.
  let totals: [TotalSummary?]
  /// The row with the lowest total MSE among those that compete (`TotalSummary.lowest`;
  /// `exact` left out), nil unless two compete.
  let lowest: Int?

  init(_ snapshot: Snapshot) {
    let rows = snapshot.estimators
    let totals = rows.map { $0.isEnabled ? $0.total : nil }
    self.totals = totals
    let competing = rows.indices.map { i in
      rows[i].kind == .exact || totals[i] == nil ? 0 : rows[i].samples
    }
    let summaries = totals.map { $0 ?? TotalSummary.none }
    lowest = TotalSummary.lowest(summaries, samples: competing)
    func rank(_ i: Int) -> (group: Int, mse: Double) {
      guard rows[i].isEnabled else { return (3, 0) }
      if rows[i].kind == .exact { return (0, 0) }
      guard let mse = totals[i]?.meanSquaredError, mse.isFinite else { return (2, 0) }
      return (1, mse)
    }
    order = rows.indices.sorted { a, b in
      let (ra, rb) = (rank(a), rank(b))
      if ra.group != rb.group { return ra.group < rb.group }
      if ra.mse != rb.mse { return ra.mse < rb.mse }
      return a < b
    }
  }
}

extension TotalSummary {
  /// A placeholder for a row without numbers, which `lowest` never picks (no samples).
  fileprivate static let none = TotalSummary(
    moments: RunningMoments(dimension: 0), exact: [])
}
