import SampleGradCore
import SampleGradEngine

/// What every panel draws from: the engine's snapshot, the theme, the selection and the pin.
struct PanelContext: Sendable {
  let snapshot: Snapshot
  let theme: Theme
  /// The selected parameter, already clamped to the snapshot.
  let selected: Int
  /// `snapshot.parameterNames`, built once per frame.
  let names: [String]
  /// The numbers pinned with `m`, if any.
  let pin: Pin?
  /// The row with the lowest mean squared error on the selected component, among enabled rows
  /// with numbers (a noiseless exact row is the reference and is left out), when there are
  /// two or more to compare.
  let lowestMeanSquaredError: Int?

  init(snapshot: Snapshot, theme: Theme, selected: Int, pin: Pin? = nil) {
    self.snapshot = snapshot
    self.theme = theme
    self.selected = selected
    names = snapshot.parameterNames
    self.pin = pin.flatMap { $0.scenarioName == snapshot.scenario.name ? $0 : nil }
    // A ranking needs two rows to compare; the exact reference row is not one.
    let summaries = Self.ranked(snapshot, component: selected)
    let candidates = summaries.compactMap { $0 }.filter { $0.samples >= 2 }
    lowestMeanSquaredError =
      candidates.count >= 2 ? MeanSquaredErrorRanking.lowest(summaries) : nil
  }

  /// Each row's summary of `component` for a ranking: nil for rows that are off, and for the
  /// exact reference row, which enumerates every outcome rather than competing.
  static func ranked(_ snapshot: Snapshot, component: Int) -> [EstimateSummary?] {
    snapshot.estimators.map { $0.isEnabled && $0.kind != .exact ? $0.summary(component) : nil }
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
    return min(max(selected - visible / 2, 0), count - visible)
  }
}
