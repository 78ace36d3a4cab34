/// What a key means on the main screen, before it is checked against the snapshot (a
/// gaussian has no temperature, row 7 may not exist).
public enum ExplorerAction: Sendable, Equatable {
  case selectPrevious, selectNext
  /// Adds `delta` to the selected parameter.
  case nudge(Double)
  /// Multiplies the temperature by a factor.
  case scaleTemperature(Double)
  /// Toggles the estimator in this row (0-based).
  case toggleEstimator(row: Int)
  case togglePause, step, resetStatistics
  case openPresets, openHelp
  /// Opens the training race of the scenario on screen.
  case openRace
  case promptTemperature, promptParameter
  case escape, quit
}
