import SampleGradCore
import SampleGradEngine

/// The sweep view's keys: open it (`w`), move the cursor, choose what is drawn and swept,
/// move the live view to the cursor's point (Enter) or go back (Escape).
extension Explorer {
  /// What the sweep view's keys do, for its footer and the help.
  static let sweepKeys: [ViewKey] = [
    ViewKey("←→", ascii: "h/l", "point", priority: 0),
    ViewKey("Enter", "go there", priority: 0),
    ViewKey("Esc", "back", priority: 0),
    ViewKey("m", "MSE/var/bias²", priority: 1),
    ViewKey("↑↓", ascii: "j/k", "component", priority: 2),
    ViewKey("o", "sweep over", priority: 3),
    ViewKey("1-9", "curves", priority: 4),
    ViewKey("space", "pause", priority: 5),
    ViewKey("q", "quit", priority: 6),
  ]

  /// `w`: the sweep of the scenario's own `[sweep]` setting, else of the temperature, else
  /// of the selected parameter, with the cursor at the current value.
  mutating func openSweep(snapshot: Snapshot) -> [ExplorerEffect] {
    openSweep(scenario: snapshot.scenario, enabled: Self.enabled(snapshot))
  }

  /// `w` on `scenario` with `enabled` rows (a tour step opens it before the engine has
  /// loaded the step, so not from the snapshot).
  mutating func openSweep(scenario: Scenario, enabled: [EstimatorKind]) -> [ExplorerEffect] {
    let component = min(max(selectedParameter, 0), scenario.distribution.parameterCount - 1)
    var setting: ScenarioSetting = .parameter(component)
    if let own = scenario.sweep?.setting, own.unavailable(in: scenario) == nil {
      setting = own
    } else if ScenarioSetting.temperature.unavailable(in: scenario) == nil {
      setting = .temperature
    }
    return startSweep(over: setting, component: component, scenario: scenario, enabled: enabled)
  }

  /// The rows switched on in `snapshot`.
  static func enabled(_ snapshot: Snapshot) -> [EstimatorKind] {
    snapshot.estimators.filter(\.isEnabled).map(\.kind)
  }

  /// The plan the engine will make of the live scenario (the same rules, checked here first
  /// so a refusal is a message, not a blank view).
  static func sweepPlan(over setting: ScenarioSetting, _ snapshot: Snapshot) throws(InvalidScenario)
    -> SweepPlan
  {
    try sweepPlan(over: setting, scenario: snapshot.scenario, enabled: enabled(snapshot))
  }

  static func sweepPlan(
    over setting: ScenarioSetting, scenario: Scenario, enabled: [EstimatorKind]
  ) throws(InvalidScenario) -> SweepPlan {
    try SweepPlan.standard(
      for: scenario, spec: SweepSpec(setting: setting),
      estimators: enabled.filter { $0 != .exact })
  }

  private mutating func startSweep(
    over setting: ScenarioSetting, component: Int, scenario: Scenario, enabled: [EstimatorKind]
  ) -> [ExplorerEffect] {
    let plan: SweepPlan
    do throws(InvalidScenario) {
      plan = try Self.sweepPlan(over: setting, scenario: scenario, enabled: enabled)
    } catch {
      message = "cannot sweep: " + (error.problems.first?.message ?? error.description)
      return []
    }
    let cursor = plan.current.flatMap(plan.grid.nearestPoint) ?? plan.grid.points / 2
    var view = SweepView(setting: setting, component: component, cursor: cursor)
    if case .sweep(let old) = overlay {
      view.measure = old.measure
      view.hidden = old.hidden
    }
    overlay = .sweep(view)
    return [.job(.sweep(.open(setting)))]
  }

  mutating func handleSweep(_ key: Key, view: SweepView, snapshot: Snapshot) -> [ExplorerEffect] {
    var view = view
    let plan = try? Self.sweepPlan(over: view.setting, snapshot)
    let points = plan?.grid.points ?? 1
    let components = snapshot.parameterNames.count
    switch key {
    case .character("m"): view.measure = view.measure.next
    case .character("o"):
      return sweepNextSetting(after: view, snapshot)
    case .character(let c) where ("1"..."9").contains(c):
      let index = Int(String(c))! - 1
      guard let kinds = plan?.estimators, kinds.indices.contains(index) else {
        message = "no curve \(index + 1): this sweep has \(plan?.estimators.count ?? 0)"
        return []
      }
      if view.hidden.contains(kinds[index]) {
        view.hidden.remove(kinds[index])
      } else {
        view.hidden.insert(kinds[index])
      }
    case .character(" "):
      overlay = .sweep(view)
      return [.job(.sweep(.togglePause))]
    case .enter:
      guard let plan else { return [] }
      let value = plan.grid.value(view.cursor)
      overlay = .none
      message =
        "\(view.setting.label(in: snapshot.scenario)) set to \(ScreenFormat.short(value)) from the sweep"
      return [.send(.set(view.setting, to: value)), .job(.sweep(.close))]
    case .escape, .character("w"):
      overlay = .none
      return [.job(.sweep(.close))]
    case .character("q"):
      return [.quit]
    default:
      switch KeyMap.navigation(key) {
      case .previous: view.cursor = max(view.cursor - 1, 0)
      case .next: view.cursor = min(view.cursor + 1, points - 1)
      case .first: view.cursor = 0
      case .last: view.cursor = points - 1
      case .up: view.component = max(view.component - 1, 0)
      case .down: view.component = min(view.component + 1, components - 1)
      case .pageUp, .pageDown, nil: break
      }
    }
    overlay = .sweep(view)
    return []
  }

  /// `o`: the next setting the scenario has (temperature, eta, each parameter, the
  /// objective's number), skipping any that cannot be swept.
  private mutating func sweepNextSetting(after view: SweepView, _ snapshot: Snapshot)
    -> [ExplorerEffect]
  {
    let all = ScenarioSetting.available(in: snapshot.scenario)
    let start = all.firstIndex(of: view.setting) ?? -1
    for step in 1...max(all.count, 1) {
      let next = all[(start + step + all.count) % all.count]
      guard next != view.setting, (try? Self.sweepPlan(over: next, snapshot)) != nil else {
        continue
      }
      var component = view.component
      if case .parameter(let index) = next { component = index }
      return startSweep(
        over: next, component: component, scenario: snapshot.scenario,
        enabled: Self.enabled(snapshot))
    }
    message = "nothing else to sweep in this scenario"
    overlay = .sweep(view)
    return []
  }
}
