import SampleGradCore
import SampleGradEngine

/// The live statistics, the explorer's home view: the panels of the running scenario, its keys
/// (`KeyMap`), what is pinned (`m`), whether the lesson is shown (`L`) and what the middle
/// pane shows on a small screen (`c`). The other views open over it and close back to it, so
/// its state is kept while they are on screen.
struct LiveView: ViewController {
  static let name = "live"
  static let launcher: ViewLauncher? = nil

  /// The numbers pinned with `m`, shown beside the live ones until `M`.
  var pin: Pin?
  /// Whether the lesson is on screen (`L`).
  var showsLesson = true
  /// What the middle pane shows where the screen has no room for every pane (`c`).
  var middle: MiddleView = .samples
  /// On D variables, whether the rows also show the selected component's own numbers (`d`).
  var showsComponent = false

  /// The live view is always there; it is never opened.
  static func open(_ request: ViewRequest) -> ViewOpening { .opened(LiveView(), []) }

  mutating func handle(_ key: Key, _ context: inout ViewContext) -> [ExplorerEffect] {
    guard let action = KeyMap.action(for: key) else { return [] }
    return perform(action, &context)
  }

  /// Whether the selected parameter is a scale (a gaussian's std), which the arrows multiply.
  static func selectionScales(_ snapshot: Snapshot, selected: Int) -> Bool {
    snapshot.distribution.isScale(parameter: selected)
  }

  /// The layout of a `width` x `height` screen for `snapshot`.
  func layout(
    _ snapshot: Snapshot, width: Int, height: Int, options: DisplayOptions, tour: TourChrome?
  ) -> ScreenLayout {
    ScreenLayout(
      width: width, height: height, snapshot: snapshot,
      lesson: lessonContent(snapshot, options: options, tour: tour)?.text,
      lessonShown: showsLesson, middle: middle)
  }

  /// The layout of the screen `context` describes.
  func layout(_ context: ViewContext) -> ScreenLayout {
    layout(
      context.snapshot, width: context.screenWidth, height: context.screenHeight,
      options: context.options, tour: context.tour)
  }

  /// What the lesson pane shows: the tour step's caption, else the scenario's lesson.
  func lessonContent(_ snapshot: Snapshot, options: DisplayOptions, tour: TourChrome?)
    -> LessonContent?
  {
    let glyphs = Theme(options: options).glyphs
    if let tour { return tour.lesson(glyphs) }
    return LessonContent.lesson(of: snapshot.scenario, glyphs: glyphs)
  }

  /// The live numbers as `samplegrad run` reports them, and the screen as text.
  func export(_ context: RenderContext, screen: String) -> ViewExport {
    .files([
      ExportFile("txt", screen),
      ExportFile("json", RunReport.json(Self.result(context.snapshot)).render() + "\n"),
    ])
  }

  /// The live numbers as a `RunResult`: every enabled row with estimates, each built as
  /// `samplegrad run` builds it (its evaluations per estimate, its exact gradient) from the
  /// problem the engine published.
  static func result(_ snapshot: Snapshot) -> RunResult {
    let problem = snapshot.problem
    let estimators = snapshot.estimators.filter { $0.isEnabled && $0.samples > 0 }.map {
      EstimatorResult(
        kind: $0.kind,
        moments: $0.moments
          ?? RunningMoments(count: $0.samples, mean: $0.mean, variance: $0.variance),
        diagnostics: $0.diagnostics, problem: problem)
    }
    return RunResult(
      scenario: snapshot.scenario, seed: snapshot.seed, samples: snapshot.samples,
      problem: problem, estimators: estimators, histogram: snapshot.histogram,
      relaxedMean: snapshot.relaxedMean)
  }

  /// The key page (every key of the live screen, from `KeyMap.help`) and the legend of every
  /// symbol (`Legend`), both with the many-variable keys and symbols on D variables.
  func help(_ context: RenderContext) -> [HelpPage] {
    let variables = VariableSelection(context.snapshot.distribution)
    let keys = KeyMap.help(variables: variables).map { HelpPage.Section($0.title, $0.entries) }
    let legend = Legend.entries(
      theme: context.theme, rows: context.snapshot.estimators, variables: variables
    ).map { KeyMap.Entry($0.symbol, $0.text) }
    return [
      HelpPage(title: "keys", tabName: "keys", sections: keys),
      HelpPage.legend("what the screen shows", legend),
    ]
  }
}
