import SampleGradCore
import SampleGradEngine

/// What a view's keys may read and change besides the view's own state.
struct ViewContext: Sendable {
  let snapshot: Snapshot
  let options: DisplayOptions
  let screenWidth: Int
  let screenHeight: Int
  /// The presets the picker lists.
  let presets: [PresetSummary]
  /// The tour playing, if any.
  let tour: TourChrome?
  /// The selected parameter, already clamped to the snapshot.
  var selectedParameter: Int
  /// A message for the status line until the next key.
  var message: String?
  /// An overlay to open over the view (the live screen's picker, prompt and chooser).
  var overlay: ExplorerOverlay = .none
  /// Set to leave this view for another (nil: the live statistics) after the key.
  var change: ViewChange?

  /// The key that pauses, as the screen names it: P in a tour (space is the next step).
  var pauseKey: String { TourChrome.pauseKey(inTour: tour != nil) }
}

/// A change of the view on screen that a key asks for.
enum ViewChange: Sendable, Equatable {
  /// Back to the live statistics.
  case close
  /// Open the registered view of this name over the live statistics.
  case open(String)
}

/// What a view draws from.
struct RenderContext: Sendable {
  let snapshot: Snapshot
  let theme: Theme
  let options: DisplayOptions
  /// The explorer's own message (a refused key), shown in the status line.
  let message: String?
  /// The selected parameter, already clamped to the snapshot.
  let selectedParameter: Int
  /// The tour playing, if any: its step in the header, its keys in the footer.
  let tour: TourChrome?
  /// The screen's width, for help pages wrapped to the box they are shown in.
  let screenWidth: Int
}
