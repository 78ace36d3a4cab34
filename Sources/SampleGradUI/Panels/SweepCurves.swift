import SampleGradCore

/// The curves of a sweep for the view's measure and component, with a mark and a style per
/// estimator (the same in the chart and the numbers beside it).
struct SweepCurves: Sendable {
  struct Row: Sendable {
    var kind: EstimatorKind
    var mark: Character
    var style: Style
    var isHidden: Bool
  }

  var rows: [Row]
  var chart: [CurveChart.Curve]

  init(result: SweepResult, view: SweepView, theme: Theme) {
    // Each estimator keeps the glyph and colour of its row on the main screen.
    let screenRows = EstimatorRegistry.kinds(for: result.plan.scenario.distribution.spec)
    rows = result.plan.estimators.enumerated().map { i, kind in
      let index = screenRows.firstIndex(of: kind) ?? i
      return Row(
        kind: kind, mark: theme.seriesGlyph(index), style: theme.seriesStyle(index),
        isHidden: view.hidden.contains(kind))
    }
    chart = []
    if view.measure != .variance {
      // What answering 0 would score: its bias² is exact², and so is its MSE.
      let zero = result.points.map { point in
        let g = Self.component(point.exact.gradient, view.component)
        return g * g
      }
      chart.append(
        CurveChart.Curve(
          values: zero, mark: " ", style: theme.style(.hint), isFloor: true, label: "answer 0"))
    }
    for (e, row) in rows.enumerated() where !row.isHidden {
      let values = Self.series(result, estimator: e, view.measure, view.component)
      chart.append(CurveChart.Curve(values: values, mark: row.mark, style: row.style))
      if view.measure == .squaredBias {
        var floor = row.style
        floor.bold = false
        floor.dim = true
        let floors = Self.roundingToZero(
          result.points.map { Self.component($0.estimators[e].noiseFloor, view.component) })
        chart.append(CurveChart.Curve(values: floors, mark: row.mark, style: floor, isFloor: true))
      }
    }
  }

  /// Estimator `e`'s values of `measure` on component `i` at every point, with rounding
  /// noise set to 0.
  static func series(
    _ result: SweepResult, estimator e: Int, _ measure: SweepView.Measure, _ i: Int
  ) -> [Double] {
    roundingToZero(result.points.map { value($0.estimators[e], measure, i) })
  }

  /// `values` with each one below `1e-20` of the largest set to 0: a variance or a squared
  /// bias that is 0 in exact arithmetic (the measure-valued gradient of a quadratic at its
  /// centre) comes out near `1e-32` times the others, which a log axis would show as a real,
  /// tiny number. No sampled value is that small beside its own curve's largest.
  static func roundingToZero(_ values: [Double]) -> [Double] {
    let largest = values.filter(\.isFinite).max() ?? 0
    return values.map { $0 < largest * 1e-20 ? 0 : $0 }
  }

  /// What the chart draws for `estimator`.
  static func value(_ e: EstimatorResult, _ measure: SweepView.Measure, _ i: Int) -> Double {
    switch measure {
    case .meanSquaredError: component(e.meanSquaredError, i)
    case .variance: component(e.variance, i)
    case .squaredBias: component(e.squaredBias, i)
    }
  }

  static func component(_ values: [Double], _ i: Int) -> Double {
    values.indices.contains(i) ? values[i] : .nan
  }
}
