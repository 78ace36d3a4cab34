import SampleGradCore
import SampleGradEngine

/// A full-screen view of the explorer (the live statistics, the sweep, the race, the
/// overview, and the views to come): its own state and keys, its drawing, its help pages and
/// its export. The explorer routes to the view on screen; it draws the help over any view and
/// asks the view for its pages and its files, so `?` and `x` work the same everywhere.
///
/// Key handling stays a pure state machine: a view changes itself and the shared state it is
/// given (`ViewContext`) and returns what the outside world must do, never doing it itself.
///
/// A new view is a conformance and one line in `ViewRegistry`.
protocol ViewController: Sendable {
  /// What the view is called: a tour step's `view = "..."`, the exported files' names.
  static var name: String { get }

  /// The key that opens the view from the live statistics, with its help and footer text;
  /// nil for a view that no key opens.
  static var launcher: ViewLauncher? { get }

  /// The view for the scenario on screen, with the effects that start its job, or why it
  /// cannot open (a message for the status line).
  static func open(_ request: ViewRequest) -> ViewOpening

  /// One key, against the latest snapshot. The explorer has already taken the keys every
  /// view shares (`?`, `x`, `q`) and a tour's.
  mutating func handle(_ key: Key, _ context: inout ViewContext) -> [ExplorerEffect]

  /// One mouse event (the default ignores it).
  mutating func handle(_ event: MouseEvent, _ context: inout ViewContext) -> [ExplorerEffect]

  /// Draws the whole view into `area` (the screen, 80x24 or more).
  func render(into buffer: inout Buffer, area: Rect, context: RenderContext)

  /// The help's pages for this view: its keys first.
  func help(_ context: RenderContext) -> [HelpPage]

  /// What `x` writes for this view: the files, or why there is nothing yet. `screen` is the
  /// view as drawn, without overlays.
  func export(_ context: RenderContext, screen: String) -> ViewExport

  /// The effects that leave the view (its job stops sampling).
  var closing: [ExplorerEffect] { get }

  /// Where a tour's caption box may go on this view's `screen`: over what the step's caption
  /// does not talk about, so the rows it names stay in view (the default: between the
  /// header and the status line).
  func captionArea(_ context: RenderContext, screen: Rect) -> Rect
}

extension ViewController {
  mutating func handle(_ event: MouseEvent, _ context: inout ViewContext) -> [ExplorerEffect] {
    []
  }

  var closing: [ExplorerEffect] { [] }

  func captionArea(_ context: RenderContext, screen: Rect) -> Rect {
    screen.inset(dx: 0, dy: 2)
  }

  /// The view's own name, from an instance.
  var name: String { Self.name }
}

/// How the live screen opens a view: its key, its line in the help, its word in the footer.
struct ViewLauncher: Sendable {
  let key: Character
  /// The help's text for the key ("sweep a setting: bias, variance and MSE curves").
  let help: String
  /// The footer's word ("sweep") and how soon it is dropped when the footer is short.
  let footer: String
  let footerPriority: Int
}
