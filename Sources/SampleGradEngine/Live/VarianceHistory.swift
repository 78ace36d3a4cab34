import SampleGradCore

/// The running variance of every estimator row over the session, for the screen's chart: one
/// point per history tick, all rows on the same ticks, with the samples drawn so far at each
/// tick (the chart's x axis) and a mark wherever the parameters changed (every statistic
/// restarts there, so the chart shows where a line begins afresh).
package struct VarianceHistory: Sendable, Equatable {
  /// Points kept, two minutes at four a second (the oldest are dropped first).
  package static let capacity = 480
  /// Estimates a row needs since its last restart before it adds a point: a running variance
  /// over a handful of draws says little, and would draw as a dip after every change.
  package static let minimumSamples = 1000

  /// A change of the parameters between two points.
  package struct Mark: Sendable, Equatable {
    /// The first point drawn with the new parameters.
    package var point: Int
    package var before: DistributionSpec
    package var after: DistributionSpec

    package init(point: Int, before: DistributionSpec, after: DistributionSpec) {
      self.point = point
      self.before = before
      self.after = after
    }
  }

  /// Estimates drawn per enabled row since the history began, at each point.
  package private(set) var samples: [Int] = []
  /// Per row (by estimator), per point: each component's running variance, or empty when the
  /// row was off or had too few estimates then.
  package private(set) var series: [EstimatorKind: [[Double]]] = [:]
  package private(set) var marks: [Mark] = []

  /// Adds one point: `variances[kind]` for the rows that have numbers, empty for the others.
  mutating func append(drawn: Int, rows: [EstimatorKind], variances: [EstimatorKind: [Double]]) {
    samples.append(drawn)
    for kind in rows {
      var points = series[kind] ?? [[Double]](repeating: [], count: samples.count - 1)
      points.append(variances[kind] ?? [])
      series[kind] = points
    }
    let excess = samples.count - Self.capacity
    guard excess > 0 else { return }
    samples.removeFirst(excess)
    series = series.mapValues { Array($0.dropFirst(excess)) }
    marks = marks.compactMap { mark in
      var moved = mark
      moved.point -= excess
      return moved.point >= 0 ? moved : nil
    }
  }

  /// Notes that the parameters changed before the next point (two changes before one point
  /// make one mark, from the first setting to the last).
  mutating func markChange(from before: DistributionSpec, to after: DistributionSpec) {
    if let last = marks.last, last.point == samples.count {
      marks[marks.count - 1].after = after
      if marks[marks.count - 1].before == after { marks.removeLast() }
      return
    }
    guard before != after else { return }
    marks.append(Mark(point: samples.count, before: before, after: after))
  }
}
