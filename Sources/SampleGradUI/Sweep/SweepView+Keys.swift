import SampleGradCore
import SampleGradEngine

/// The sweep view's keys: move the cursor, choose what is drawn and swept, move the live view
/// to the cursor's point (Enter) or go back (Escape or `w`).
extension SweepView {
  /// What the sweep view's keys do, for its footer.
  static let keys: [ViewKey] = [
    ViewKey("←→", ascii: "h/l", "point", priority: 0),
    ViewKey("Enter", "go there", priority: 0),
    ViewKey("Esc", "back", priority: 0),
    ViewKey("m", "MSE/var/bias²", priority: 1),
    ViewKey("↑↓", ascii: "j/k", "component", priority: 2),
    ViewKey("o", "sweep over", priority: 3),
    ViewKey("1-9", "curves", priority: 4),
    ViewKey("space", "pause", priority: 5),
    ViewKey("?", "help", priority: 5),
    ViewKey("x", "export", priority: 7),
    ViewKey("q", "quit", priority: 6),
  ]

  /// `w`: the sweep of the scenario's own `[sweep]` setting, else of the temperature, else of
  /// the selected parameter, with the cursor at the current value.
  static func open(_ request: ViewRequest) -> ViewOpening {
    let scenario = request.scenario
    let component = min(
      max(request.selectedParameter, 0), scenario.distribution.parameterCount - 1)
    var setting: ScenarioSetting = .parameter(component)
    if let own = scenario.sweep?.setting, own.unavailable(in: scenario) == nil {
      setting = own
    } else if ScenarioSetting.temperature.unavailable(in: scenario) == nil {
      setting = .temperature
    }
    switch sweep(over: setting, component: component, scenario: scenario, enabled: request.enabled)
    {
    case .success(let view): return .opened(view, [.job(.sweep(.open(setting)))])
    case .failure(let refusal): return .refused(refusal.message)
    }
  }

  /// The rows switched on in `snapshot`.
  static func enabled(_ snapshot: Snapshot) -> [EstimatorKind] {
    snapshot.estimators.filter(\.isEnabled).map(\.kind)
  }

  /// The plan the engine will make of the live scenario (the same rules, checked here first
  /// so a refusal is a message, not a blank view).
  static func plan(over setting: ScenarioSetting, _ snapshot: Snapshot) throws(InvalidScenario)
    -> SweepPlan
  {
    try plan(over: setting, scenario: snapshot.scenario, enabled: enabled(snapshot))
  }

  static func plan(
    over setting: ScenarioSetting, scenario: Scenario, enabled: [EstimatorKind]
  ) throws(InvalidScenario) -> SweepPlan {
    try SweepPlan.standard(
      for: scenario, spec: SweepSpec(setting: setting),
      estimators: enabled.filter { $0 != .exact })
  }

  /// The view of a sweep over `setting` with the cursor at the current value, or why the
  /// scenario cannot be swept so.
  private static func sweep(
    over setting: ScenarioSetting, component: Int, scenario: Scenario, enabled: [EstimatorKind]
  ) -> Result<SweepView, ViewRefusal> {
    let plan: SweepPlan
    do throws(InvalidScenario) {
      plan = try Self.plan(over: setting, scenario: scenario, enabled: enabled)
    } catch {
      return .failure(
        ViewRefusal("cannot sweep: " + (error.problems.first?.message ?? error.description)))
    }
    let cursor = plan.current.flatMap(plan.grid.nearestPoint) ?? plan.grid.points / 2
    // Many variables open on the all-component measure: per component says little there.
    let measure: Measure =
      Self.sweepsManyVariables(setting, scenario) ? .relativeNoise : .meanSquaredError
    return .success(
      SweepView(setting: setting, component: component, cursor: cursor, measure: measure))
  }

  mutating func handle(_ key: Key, _ context: inout ViewContext) -> [ExplorerEffect] {
    let snapshot = context.snapshot
    let plan = try? Self.plan(over: setting, snapshot)
    let points = plan?.grid.points ?? 1
    let components = snapshot.parameterNames.count
    switch key {
    case .character("m"):
      measure = measure.next(
        allowsTotal: Self.sweepsManyVariables(setting, plan?.scenario ?? snapshot.scenario))
    case .character("o"):
      return sweepNextSetting(&context)
    case .character(let c) where ("1"..."9").contains(c):
      let index = Int(String(c))! - 1
      guard let kinds = plan?.estimators, kinds.indices.contains(index) else {
        context.message = "no curve \(index + 1): this sweep has \(plan?.estimators.count ?? 0)"
        return []
      }
      if hidden.contains(kinds[index]) {
        hidden.remove(kinds[index])
      } else {
        hidden.insert(kinds[index])
      }
    case .character(" "):
      return [.job(.sweep(.togglePause))]
    case .enter:
      guard let plan else { return [] }
      let value = plan.grid.value(cursor)
      context.change = .close
      context.message =
        "\(setting.label(in: snapshot.scenario)) set to \(ScreenFormat.short(value)) from the sweep"
      return [.send(.set(setting, to: value)), .job(.sweep(.close))]
    case .escape, .character("w"):
      context.change = .close
      return [.job(.sweep(.close))]
    default:
      switch KeyMap.navigation(key) {
      case .previous: cursor = max(cursor - 1, 0)
      case .next: cursor = min(cursor + 1, points - 1)
      case .first: cursor = 0
      case .last: cursor = points - 1
      case .up: component = max(component - 1, 0)
      case .down: component = min(component + 1, components - 1)
      case .pageUp, .pageDown, nil: break
      }
    }
    return []
  }

  /// The wheel moves the cursor (up: to higher values).
  mutating func handle(_ event: MouseEvent, _ context: inout ViewContext) -> [ExplorerEffect] {
    guard let wheel = event.wheelKey else { return [] }
    return handle(wheel == .up ? .right : .left, &context)
  }

  var closing: [ExplorerEffect] { [.job(.sweep(.close))] }

  /// `o`: the next setting the scenario has (temperature, eta, each parameter, the
  /// objective's number), skipping any that cannot be swept; what is drawn and hidden stays.
  private mutating func sweepNextSetting(_ context: inout ViewContext) -> [ExplorerEffect] {
    let snapshot = context.snapshot
    let all = ScenarioSetting.available(in: snapshot.scenario)
    let start = all.firstIndex(of: setting) ?? -1
    for step in 1...max(all.count, 1) {
      let next = all[(start + step + all.count) % all.count]
      guard next != setting, (try? Self.plan(over: next, snapshot)) != nil else { continue }
      var nextComponent = component
      if case .parameter(let index) = next { nextComponent = index }
      switch Self.sweep(
        over: next, component: nextComponent, scenario: snapshot.scenario,
        enabled: Self.enabled(snapshot))
      {
      case .success(var view):
        view.measure = measure
        view.hidden = hidden
        self = view
        return [.job(.sweep(.open(next)))]
      case .failure(let refusal):
        context.message = refusal.message
        return []
      }
    }
    context.message = "nothing else to sweep in this scenario"
    return []
  }
}
