import SampleGradCore

/// What a key means on the main screen, before it is checked against the snapshot (a
/// gaussian has no temperature, row 7 may not exist).
package enum ExplorerAction: Sendable, Equatable {
  case selectPrevious, selectNext, selectFirst, selectLast
  /// Moves the selected parameter one step (`ParameterStep`).
  case stepParameter(up: Bool, size: ParameterStep.Size)
  /// Puts back the preset's parameters.
  case restoreParameters
  /// Multiplies the temperature by a factor.
  case scaleTemperature(Double)
  /// Toggles the estimator in this row (0-based).
  case toggleEstimator(row: Int)
  case openEstimators
  case togglePause, step, resetStatistics
  /// Pins the current numbers; clears the pin.
  case pin, unpin
  case toggleLesson
  /// Cycles what the middle pane shows where the screen has no room for everything.
  case cycleView
  case export
  case openPresets, openHelp
  /// A full-screen view by its registered name (`w` the sweep, `T` the race, `o` the
  /// overview: `ViewRegistry`).
  case openView(String)
  case promptTemperature, promptParameter
  /// On D variables: the selected variable's next logit (Tab); one value for every logit (`A`);
  /// the selected component's own columns beside the totals (`d`).
  case nextLogit, promptEveryLogit, toggleComponent
  /// The estimators' options: listed, and set by typing `KEY=VALUE` (`O`).
  case openOptions
  case escape, quit
}
