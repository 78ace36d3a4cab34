/// What is drawn over the panels and gets the keys first.
package enum ExplorerOverlay: Sendable, Equatable {
  case none
  /// The help: page 0 lists the keys, page 1 is the legend of every symbol; `scroll` is the
  /// first line shown.
  case help(page: Int, scroll: Int)
  /// The preset picker.
  case presets(PresetPicker)
  case prompt(ValuePrompt)
  /// The estimator chooser (`e`): every row, even past the ninth, with the highlighted one.
  case estimators(selected: Int)
  /// The sweep view (`w`), which takes the whole screen.
  case sweep(SweepView)
  /// The training race (`T`), which takes the whole screen; its state is the engine's.
  case race
  /// The overview (`o`), which takes the whole screen: every method, measured.
  case overview(OverviewView)

  /// The help on its first page.
  package static let help = ExplorerOverlay.help(page: 0, scroll: 0)
}

/// The preset picker's state: the highlighted preset and the filter typed after `/`.
package struct PresetPicker: Sendable, Equatable {
  /// Index into the full preset list.
  package var selected: Int
  /// Only presets whose name or title contains this (any case) are listed.
  package var filter: String = ""
  /// True while `/` typing goes to the filter.
  package var isFiltering = false

  package init(selected: Int, filter: String = "", isFiltering: Bool = false) {
    self.selected = selected
    self.filter = filter
    self.isFiltering = isFiltering
  }
}
