/// What is drawn over the view on screen and gets the keys first: the help (over any view),
/// and the live screen's picker, prompts and chooser.
package enum ExplorerOverlay: Sendable, Equatable {
  case none
  /// The help of the view on screen: page 0 lists its keys, page 1 what its screen shows;
  /// `scroll` is the first line shown.
  case help(page: Int, scroll: Int)
  /// The preset picker.
  case presets(PresetPicker)
  case prompt(ValuePrompt)
  /// The estimators' options, set by typing `KEY=VALUE` (`O`).
  case options(OptionPrompt)
  /// The estimator chooser (`e`): every row, even past the ninth, with the highlighted one.
  case estimators(selected: Int)

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
