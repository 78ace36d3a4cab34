import SampleGradCore
import SampleGradEngine

/// What the live screen's panels show this frame: the engine's snapshot, the selection and
/// the pin, with what several panels derive from them worked out once. A panel holds it and
/// draws it in the theme it is given (`PanelContext`).
struct PanelFrame: Sendable {
  let snapshot: Snapshot
  /// The selected parameter, already clamped to the snapshot.
  let selected: Int
  /// `snapshot.parameterNames`, built once per frame.
  let names: [String]
  /// The numbers pinned with `m`, if they are of this scenario.
  let pin: Pin?
  /// The row with the lowest mean squared error on the selected component
  /// (`PanelContext.lowestMeanSquaredError(component:)`).
  let lowestMeanSquaredError: Int?

  init(snapshot: Snapshot, selected: Int, pin: Pin? = nil) {
    self.snapshot = snapshot
    self.selected = selected
    names = snapshot.parameterNames
    self.pin = pin.flatMap { $0.scenarioName == snapshot.scenario.name ? $0 : nil }
    lowestMeanSquaredError = PanelContext.lowestMeanSquaredError(snapshot, component: selected)
  }
}

/// What every panel draws from: the frame and the theme.
struct PanelContext: Sendable {
  let frame: PanelFrame
  let theme: Theme

  init(frame: PanelFrame, theme: Theme) {
    self.frame = frame
    self.theme = theme
  }

  init(snapshot: Snapshot, theme: Theme, selected: Int, pin: Pin? = nil) {
    self.init(frame: PanelFrame(snapshot: snapshot, selected: selected, pin: pin), theme: theme)
  }

  var snapshot: Snapshot { frame.snapshot }
  var selected: Int { frame.selected }
  var names: [String] { frame.names }
  var pin: Pin? { frame.pin }
  var lowestMeanSquaredError: Int? { frame.lowestMeanSquaredError }

  /// The row with the lowest mean squared error on `component` among enabled rows, by Core's
  /// one rule (`MeanSquaredErrorRanking`), so the rows, the summary and the table agree.
  func lowestMeanSquaredError(component: Int) -> Int? {
    component == selected
      ? lowestMeanSquaredError : Self.lowestMeanSquaredError(snapshot, component: component)
  }

  fileprivate static func lowestMeanSquaredError(_ snapshot: Snapshot, component: Int) -> Int? {
    MeanSquaredErrorRanking.lowest(
      kinds: snapshot.estimators.map(\.kind),
      summaries: snapshot.estimators.map { $0.isEnabled ? $0.summary(component) : nil })
  }

  var glyphs: Glyphs { theme.glyphs }
  func style(_ role: Role) -> Style { theme.style(role) }

  /// The name of the selected parameter ("logit 2", "log-odds", "mean").
  var selectedName: String {
    names.indices.contains(selected) ? names[selected] : ""
  }

  /// Rows of the discrete panels: K categories, or the two outcomes of a Bernoulli.
  var outcomeCount: Int { snapshot.histogram.edges.isEmpty ? snapshot.probabilities.count : 0 }

  /// The label of outcome `i` in the samples and relaxed panels.
  func outcomeLabel(_ i: Int) -> String {
    snapshot.distribution.kind == .bernoulli ? "b=\(i)" : "\(i + 1)"
  }

  /// The first outcome shown when only `visible` of them fit: a window that keeps the
  /// selected logit in view (categorical) or starts at the top.
  func windowStart(visible: Int) -> Int {
    let count = outcomeCount
    guard visible < count, snapshot.distribution.kind == .categorical else { return 0 }
    return ScrollWindow.start(keeping: selected, visible: visible, count: count)
  }
}
