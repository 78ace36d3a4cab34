import SampleGradCore

/// How one lane of the race looks: the glyph and colour of its estimator's row on the
/// explorer's screen (as the sweep's curves do), so an estimator looks the same in every view
/// and lanes stay apart without colour (`--no-color`, `NO_COLOR`, the mono theme).
struct LaneStyle: Sendable {
  let glyph: Character
  let style: Style

  /// One per lane of `race`, in lane order; `rows` are the explorer's estimator rows.
  static func all(for race: RaceSnapshot, rows: [EstimatorKind], theme: Theme) -> [LaneStyle] {
    race.lanes.enumerated().map { i, lane in
      let row = rows.firstIndex(of: lane.kind) ?? i
      return LaneStyle(glyph: theme.seriesGlyph(row), style: theme.seriesStyle(row))
    }
  }
}
