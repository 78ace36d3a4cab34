import SampleGradCore

/// The sweep view (`w`): one chart of each estimator's error over a range of one setting.
/// Its state is what is swept, which error the chart draws, for which gradient component,
/// which curves are hidden, and the point under the cursor; its keys, drawing, help and export
/// are in the files beside this one.
package struct SweepView: ViewController, Equatable {
  /// What the chart draws per estimator; `m` cycles.
  package enum Measure: Sendable, Equatable, CaseIterable {
    /// `bias^2 + variance`: the error of one estimate, what a choice must weigh.
    case meanSquaredError
    case variance
    /// `bias^2`, over each estimator's noise floor `SE^2`.
    case squaredBias
    /// `sqrt(total variance) / |g|` over all components at once: how noise grows with the
    /// number of variables (offered for sweeps of many variables only).
    case relativeNoise

    /// The next measure `m` shows; the all-component one only where `allowsTotal`.
    func next(allowsTotal: Bool) -> Measure {
      let all = Self.allCases.filter { allowsTotal || $0 != .relativeNoise }
      guard let i = all.firstIndex(of: self) else { return .meanSquaredError }
      return all[(i + 1) % all.count]
    }

    /// Whether it is measured over all components (not the view's one component).
    var isTotal: Bool { self == .relativeNoise }

    /// The chart's title for it.
    var title: String {
      switch self {
      case .meanSquaredError: "MSE = bias² + variance"
      case .variance: "variance"
      case .squaredBias: "bias² over its noise floor SE²"
      case .relativeNoise: "SD/|g| of one estimate, all components"
      }
    }
  }

  package var setting: ScenarioSetting
  package var measure = Measure.meanSquaredError
  /// The gradient component drawn (a logit, the mean or the std), 0-based.
  package var component: Int
  /// The point under the cursor.
  package var cursor: Int
  /// Curves turned off with `1`..`9`.
  package var hidden: Set<EstimatorKind> = []

  package init(
    setting: ScenarioSetting, component: Int, cursor: Int, measure: Measure = .meanSquaredError
  ) {
    self.setting = setting
    self.component = component
    self.cursor = cursor
    self.measure = measure
  }

  /// Whether the all-component measure applies: a sweep over the number of variables, or of
  /// a scenario with many.
  static func sweepsManyVariables(_ setting: ScenarioSetting, _ scenario: Scenario) -> Bool {
    setting == .dimension || scenario.distribution.variables > 1
  }

  static let name = "sweep"
  static let launcher: ViewLauncher? = ViewLauncher(
    key: "w", help: "sweep a setting: bias, variance and MSE curves", footer: "sweep",
    footerPriority: 10)

  func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
    SweepScreen(
      view: self, snapshot: context.snapshot, message: context.message, tour: context.tour
    ).draw(into: &buffer, in: area, theme: context.theme)
  }
}
