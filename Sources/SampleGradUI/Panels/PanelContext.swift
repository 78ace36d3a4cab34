import SampleGradCore
import SampleGradEngine

/// What every panel draws from: the engine's snapshot, the theme and the selection.
struct PanelContext: Sendable {
  let snapshot: Snapshot
  let theme: Theme
  /// The selected parameter, already clamped to the snapshot.
  let selected: Int
  /// `snapshot.parameterNames`, built once per frame.
  let names: [String]

  init(snapshot: Snapshot, theme: Theme, selected: Int) {
    self.snapshot = snapshot
    self.theme = theme
    self.selected = selected
    names = snapshot.parameterNames
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
