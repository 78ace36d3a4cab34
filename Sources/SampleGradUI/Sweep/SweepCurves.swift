import SampleGradCore

/// The curves of a sweep for the view's measure and component, with a mark and a style per
/// estimator (the same in the chart and the numbers beside it). Each row's numbers at every
/// point are computed here once per frame; the chart, the readout and its summary index them.
struct SweepCurves: Sendable {
  struct Row: Sendable {
    var kind: EstimatorKind
    var mark: Character
    var style: Style
    var isHidden: Bool
    /// Per point, on the view's component, rounding noise set to 0 (`roundingToZero`).
    var variance: [Double]
    var squaredBias: [Double]
    var meanSquaredError: [Double]
    /// `SE²`, where an unbiased estimator's measured bias² sits.
    var noiseFloor: [Double]
    /// Per point, `sqrt(total variance) / |g|` over all components (`TotalSummary`).
    var relativeNoise: [Double]
    /// Per point, the total MSE over all components.
    var totalError: [Double]
    /// Per point, the mean cosine between one estimate and the gradient.
    var meanCosine: [Double]
    /// Per point, whether the data show a bias (`BiasVerdict.isBiased`).
    var isBiased: [Bool]
    /// Per point, whether it may be named lowest (`MeanSquaredErrorRanking.competes`; never
    /// for the exact reference row).
    var competes: [Bool]

    /// The values the chart draws for `measure`.
    func series(_ measure: SweepView.Measure) -> [Double] {
      switch measure {
      case .meanSquaredError: meanSquaredError
      case .variance: variance
      case .squaredBias: squaredBias
      case .relativeNoise: relativeNoise
      }
    }
  }

  var rows: [Row]
  var chart: [CurveChart.Curve]

  init(result: SweepResult, view: SweepView, theme: Theme) {
    // Each estimator keeps the glyph and colour of its row on the main screen.
    let i = view.component
    rows = result.plan.estimators.enumerated().map { e, kind in
      // One summary per point on the one component drawn, not all K.
      let summaries = result.points.map { point in
        let estimate = point.estimators[e]
        return estimate.exact.indices.contains(i) ? estimate.summary(i) : nil
      }
      let totals = result.points.map { $0.estimators[e].total }
      return Row(
        kind: kind, mark: theme.seriesGlyph(kind), style: theme.seriesStyle(kind),
        isHidden: view.hidden.contains(kind),
        variance: Self.roundingToZero(summaries.map { $0?.variance ?? .nan }),
        squaredBias: Self.roundingToZero(summaries.map { $0.map { $0.bias * $0.bias } ?? .nan }),
        meanSquaredError: Self.roundingToZero(summaries.map { $0?.meanSquaredError ?? .nan }),
        noiseFloor: Self.roundingToZero(
          summaries.map { $0.map { $0.standardError * $0.standardError } ?? .nan }),
        // An estimate exact up to rounding (IndeCateR on a sum) reads as exactly 0.
        relativeNoise: totals.map { t in t.relativeNoise.map { $0 < 1e-9 ? 0 : $0 } ?? .nan },
        totalError: zip(totals, result.points).map { t, point in
          let norm = point.exact.gradient.reduce(0) { $0 + $1 * $1 }
          return t.meanSquaredError < 1e-18 * norm ? 0 : t.meanSquaredError
        },
        meanCosine: totals.map { $0.meanCosine ?? .nan },
        isBiased: summaries.map { $0?.verdict.isBiased ?? false },
        competes: summaries.map { summary in
          kind != .exact && summary.map(MeanSquaredErrorRanking.competes) == true
        })
    }
    chart = []
    if view.measure != .variance && !view.measure.isTotal {
      // What answering 0 would score: its bias² is exact², and so is its MSE.
      let zero = result.points.map { point in
        let g = point.exact.gradient.indices.contains(i) ? point.exact.gradient[i] : .nan
        return g * g
      }
      chart.append(
        CurveChart.Curve(
          values: zero, mark: " ", style: theme.style(.hint), isFloor: true, label: "answer 0"))
    }
    for row in rows where !row.isHidden {
      chart.append(
        CurveChart.Curve(values: row.series(view.measure), mark: row.mark, style: row.style))
      if view.measure == .squaredBias {
        var floor = row.style
        floor.bold = false
        floor.dim = true
        chart.append(
          CurveChart.Curve(values: row.noiseFloor, mark: row.mark, style: floor, isFloor: true))
      }
    }
  }

  /// `values` with each one below `1e-20` of the largest set to 0: a variance or a squared
  /// bias that is 0 in exact arithmetic (the measure-valued gradient of a quadratic at its
  /// centre) comes out near `1e-32` times the others, which a log axis would show as a real,
  /// tiny number. No sampled value is that small beside its own curve's largest.
  static func roundingToZero(_ values: [Double]) -> [Double] {
    let largest = values.filter(\.isFinite).max() ?? 0
    return values.map { $0 < largest * 1e-20 ? 0 : $0 }
  }
}
