import SampleGradCore

/// How one lane of the race looks: the glyph and colour of its estimator's row on the
/// explorer's screen (as the sweep's curves do), so an estimator looks the same in every view
/// and lanes stay apart without colour (`--no-color`, `NO_COLOR`, the mono theme).
struct LaneStyle: Sendable {
  let glyph: Character
  let style: Style

  /// One per lane of `race`, in lane order: each estimator's own look (`SeriesPalette`).
  /// `rows` are the explorer's estimator rows (kept for callers; every kind has its look).
  static func all(for race: RaceSnapshot, rows: [EstimatorKind], theme: Theme) -> [LaneStyle] {
    race.lanes.map { lane in
      LaneStyle(glyph: theme.seriesGlyph(lane.kind), style: theme.seriesStyle(lane.kind))
    }
  }
}
