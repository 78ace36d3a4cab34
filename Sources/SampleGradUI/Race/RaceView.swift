import Foundation
import SampleGradCore
import SampleGradEngine

/// The training race (`T`): every enabled estimator trains its own copy of the parameters.
/// The race's state is the engine's (its job), so the view has none of its own: space
/// pauses, `r` restarts, `+` and `-` step the learning rate (and restart), Escape or `T` goes
/// back.
struct RaceView: ViewController, Equatable {
  static let name = "race"
  static let launcher: ViewLauncher? = ViewLauncher(
    key: "T", help: "race: train the parameters with each estimator", footer: "race",
    footerPriority: 11)

  /// What the race view's keys do, for its footer.
  static let keys: [ViewKey] = [
    ViewKey("space", "pause", priority: 0),
    ViewKey("r", "restart", priority: 1),
    ViewKey("+ -", "learning rate", priority: 2),
    ViewKey("Esc", "back", priority: 0),
    ViewKey("?", "help", priority: 3),
    ViewKey("x", "export", priority: 4),
    ViewKey("q", "quit", priority: 3),
  ]

  /// `T`: the race of the scenario as it is on screen, its enabled rows, its `[training]`
  /// defaults (the engine builds it by the same rules, checked here first so a refusal is a
  /// message, not a blank view).
  static func open(_ request: ViewRequest) -> ViewOpening {
    do throws(InvalidScenario) {
      _ = try RaceSetup(live: request.scenario, enabled: request.enabled, seed: request.seed)
    } catch {
      return .refused("cannot race: \(error.description)")
    }
    return .opened(RaceView(), [.job(.race(.open))])
  }

  mutating func handle(_ key: Key, _ context: inout ViewContext) -> [ExplorerEffect] {
    switch key {
    case .character(" "): return [.job(.race(.togglePause))]
    case .character("r"): return [.job(.race(.restart))]
    case .character("+"), .character("="): return stepLearningRate(up: true, &context)
    case .character("-"), .character("_"): return stepLearningRate(up: false, &context)
    case .escape, .character("T"):
      context.change = .close
      return [.job(.race(.close))]
    default:
      context.message =
        "\(context.pauseKey) pauses, r restarts, + and - change the learning rate, Esc returns"
      return []
    }
  }

  var closing: [ExplorerEffect] { [.job(.race(.close))] }

  /// A tour's caption box goes over the chart, so the scoreboard's numbers stay in view.
  func captionArea(_ context: RenderContext, screen: Rect) -> Rect {
    let body = screen.inset(dx: 0, dy: 2)
    let lanes = context.snapshot.race?.lanes.count ?? context.snapshot.estimators.count
    return body.splitBottom(RaceScreen.tableHeight(lanes: lanes, body: body)).rest
  }

  func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
    RaceScreen(snapshot: context.snapshot, message: context.message, tour: context.tour).draw(
      into: &buffer, in: area, theme: context.theme)
  }

  private func stepLearningRate(up: Bool, _ context: inout ViewContext) -> [ExplorerEffect] {
    guard let race = context.snapshot.race else { return [] }
    guard let rate = Self.nextLearningRate(after: race.settings.learningRate, up: up) else {
      context.message =
        "learning rate is already at its \(up ? "maximum" : "minimum") (it must be "
        + NumericDomain.describe(ScenarioRules.learningRateRange) + ")"
      return []
    }
    context.message = "learning rate \(ScreenFormat.short(rate)): the race starts again"
    return [.job(.race(.setLearningRate(rate)))]
  }

  /// The learning rate after `rate` on the ladder `+` and `-` step along (1, 2, 5 in each
  /// decade), or nil past the end of `ScenarioRules.learningRateRange`.
  static func nextLearningRate(after rate: Double, up: Bool) -> Double? {
    let exponent = (rate.magnitude.isFinite && rate > 0) ? floor(log10(rate)) : -2
    let candidates = (-1...1).flatMap { shift in
      [1.0, 2, 5].map { $0 * pow(10, exponent + Double(shift)) }
    }
    // Compare with a relative tolerance: 0.01 is not exactly a power of ten in binary.
    let next =
      up
      ? candidates.first { $0 > rate * (1 + 1e-9) } ?? rate * 2
      : candidates.last { $0 < rate * (1 - 1e-9) } ?? rate / 2
    // The ends themselves are on the ladder: 1e6 and 1e-9 up to rounding.
    let range = ScenarioRules.learningRateRange
    if next > range.upperBound * (1 + 1e-9) || next < range.lowerBound * (1 - 1e-9) { return nil }
    return min(max(next, range.lowerBound), range.upperBound)
  }
}
