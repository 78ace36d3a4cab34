/// What is drawn over the panels and gets the keys first.
public enum ExplorerOverlay: Sendable, Equatable {
  case none
  case help
  /// The preset picker with the highlighted row.
  case presets(selected: Int)
  case prompt(ValuePrompt)
  /// The sweep view, which takes the whole screen.
  case sweep(SweepView)
}
