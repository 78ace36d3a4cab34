import SampleGradCore
import SampleGradEngine

/// The router between the explorer's full-screen views (`ViewController`: the live
/// statistics, and the views of `ViewRegistry` opened over them), with the state they share:
/// the selected parameter, the status message, the overlay drawn over any view (the help, and
/// the live screen's picker, prompt and chooser) and the tour playing. It owns no thread and no
/// terminal: the terminal layer feeds it keys and snapshots, performs the effects it returns
/// and gives it a buffer to render into.
///
/// A key goes to the overlay if one is open, else to the tour's keys, else to the keys every
/// view shares (`?` help, `x` export, `q` quit), else to the view on screen.
package struct Explorer: Sendable {
  /// The presets the picker lists.
  package var presets: [PresetSummary]
  package var options: DisplayOptions
  /// The terminal's size, set by the terminal layer before each event, so keys and clicks
  /// can be judged against what is on screen.
  package var screenWidth = 80
  package var screenHeight = 24
  /// The parameter arrows change (a logit, the log-odds, the mean or the std), 0-based.
  package internal(set) var selectedParameter = 0
  package internal(set) var overlay: ExplorerOverlay = .none
  /// A message of the screen's own (a hint, a refused key, a preset that failed to load),
  /// shown in the status line until the next key.
  package internal(set) var message: String?
  /// The tour playing (`samplegrad tour NAME`), if any.
  package internal(set) var tour: TourPlayback?
  /// The live statistics, always there under the other views.
  var live = LiveView()
  /// The full-screen view open over the live statistics, if any.
  var view: (any ViewController)?

  /// The smallest screen the layout supports; below it a "too small" notice is drawn.
  package static let minimumWidth = 80
  package static let minimumHeight = 24

  package init(presets: [PresetSummary], options: DisplayOptions = DisplayOptions()) {
    self.presets = presets
    self.options = options
  }

  /// The numbers pinned with `m`, shown beside the live ones until `M`.
  package var pin: Pin? { live.pin }
  /// Whether the lesson is on screen (`L`).
  package var showsLesson: Bool { live.showsLesson }
  /// What the middle pane shows where the screen has no room for every pane (`c`).
  package var middle: MiddleView { live.middle }

  /// The view on screen.
  var current: any ViewController { view ?? live }

  /// The name of the view on screen (`live`, `sweep`, `race`, `overview`, ...).
  package var viewName: String { current.name }

  /// Shows `message` in the status line (e.g. a preset failed to load).
  package mutating func show(message: String) {
    self.message = message
  }

  /// Applies one key press against the latest snapshot and returns what the outside world
  /// must do. Never blocks and never touches the engine itself.
  package mutating func handle(_ key: Key, snapshot: Snapshot) -> [ExplorerEffect] {
    message = nil
    selectedParameter = Self.clamp(selectedParameter, snapshot)
    if key == .interrupt { return [.quit] }
    if overlay == .none, let effects = handleTourKey(key, snapshot: snapshot) { return effects }
    switch overlay {
    case .none: break
    case .help(let page, let scroll):
      handleHelp(key, page: page, scroll: scroll, snapshot: snapshot)
      return []
    case .presets(let picker):
      return handlePicker(key, picker)
    case .prompt(let prompt):
      return handlePrompt(key, prompt: prompt, snapshot: snapshot)
    case .options(let prompt):
      return handleOptions(key, prompt: prompt, snapshot: snapshot)
    case .estimators(let selected):
      return handleChooser(key, selected: selected, snapshot: snapshot)
    }
    switch KeyMap.common(key) {
    case .openHelp:
      overlay = .help
      return []
    case .export: return [.export]
    case .quit: return [.quit]
    default: return route(snapshot) { view, context in view.handle(key, &context) }
    }
  }

  /// Runs `body` on the view on screen with the shared state, then takes back what it changed:
  /// the selection, the message, an overlay, and a change of view.
  mutating func route(
    _ snapshot: Snapshot,
    _ body: (inout any ViewController, inout ViewContext) -> [ExplorerEffect]
  ) -> [ExplorerEffect] {
    var context = ViewContext(
      snapshot: snapshot, options: options, screenWidth: screenWidth,
      screenHeight: screenHeight, presets: presets, tour: tour?.chrome,
      selectedParameter: selectedParameter, message: message)
    var effects: [ExplorerEffect]
    if var open = view {
      effects = body(&open, &context)
      view = open
    } else {
      var home: any ViewController = live
      effects = body(&home, &context)
      if let updated = home as? LiveView { live = updated }
    }
    selectedParameter = context.selectedParameter
    message = context.message
    if context.overlay != .none { overlay = context.overlay }
    switch context.change {
    case nil: break
    case .close: view = nil
    case .open(let name): effects += open(name, snapshot: snapshot)
    }
    return effects
  }

  /// Opens the registered view `name` over the live statistics for the scenario on screen.
  private mutating func open(_ name: String, snapshot: Snapshot) -> [ExplorerEffect] {
    open(
      name,
      ViewRequest(
        scenario: snapshot.scenario, enabled: snapshot.estimators.filter(\.isEnabled).map(\.kind),
        seed: snapshot.seed, selectedParameter: selectedParameter))
  }

  /// Opens the registered view `name` for `request`, or says why it cannot open.
  mutating func open(_ name: String, _ request: ViewRequest) -> [ExplorerEffect] {
    guard let type = ViewRegistry.view(named: name), type != LiveView.self else {
      view = nil
      return []
    }
    switch type.open(request) {
    case .opened(let opened, let effects):
      view = opened
      return effects
    case .refused(let reason):
      message = reason
      return []
    }
  }

  /// The selection clamped to the snapshot's parameters (a new scenario may have fewer).
  static func clamp(_ index: Int, _ snapshot: Snapshot) -> Int {
    min(max(index, 0), max(snapshot.parameterNames.count - 1, 0))
  }

  /// What the shared state looks like to a view drawing `snapshot` with `theme`.
  func renderContext(_ snapshot: Snapshot, theme: Theme) -> RenderContext {
    RenderContext(
      snapshot: snapshot, theme: theme, options: options, message: message,
      selectedParameter: Self.clamp(selectedParameter, snapshot), tour: tour?.chrome,
      screenWidth: screenWidth)
  }
}
