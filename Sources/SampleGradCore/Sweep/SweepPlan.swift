/// A sweep as a scenario file (`[sweep]`) or the command line asks for it, before it meets a
/// scenario: what to sweep and, optionally, the range and the spacing. What is left out comes
/// from `SweepPlan.standardRange`.
public struct SweepSpec: Sendable, Equatable {
  public var setting: ScenarioSetting
  public var from: Double?
  public var to: Double?
  public var points: Int?
  public var scale: SweepScale?

  public init(
    setting: ScenarioSetting, from: Double? = nil, to: Double? = nil, points: Int? = nil,
    scale: SweepScale? = nil
  ) {
    self.setting = setting
    self.from = from
    self.to = to
    self.points = points
    self.scale = scale
  }
}

/// Everything a sweep computes: the scenario at each value of one setting, and the estimators
/// compared there. Valid by construction: every point is a scenario the rules accept, and
/// every estimator applies at every point.
///
/// Common random numbers: a plan says nothing about randomness because there is nothing to
/// say. Point `i` is run exactly as `samplegrad run` runs the scenario at value `i`, on the
/// streams `(seed, estimator, chunk)`, so every point sees the same noise and two points
/// differ only through the setting: the curves are smooth and a difference between
/// neighbours is real, not luck.
public struct SweepPlan: Sendable, Equatable {
  /// The scenario as it is; the sweep's "now" is `setting.value(in: scenario)`.
  public let scenario: Scenario
  public let setting: ScenarioSetting
  public let grid: SweepGrid
  /// The estimators compared at every point, in registry order as the scenario lists them.
  public let estimators: [EstimatorKind]
  /// The scenario at each grid value.
  public let scenarios: [Scenario]

  /// Checks that `setting` is a number of `scenario`, that every grid value is allowed for
  /// it, and that the estimators apply. Problems are keyed `over`, `from`, `to`, `points`
  /// and `estimators`.
  public init(
    scenario: Scenario, setting: ScenarioSetting, grid: SweepGrid,
    estimators: [EstimatorKind]? = nil
  ) throws(InvalidScenario) {
    if let reason = setting.unavailable(in: scenario) {
      throw InvalidScenario(key: "over", "cannot sweep \(setting.name): \(reason)")
    }
    let kinds = estimators ?? scenario.estimators.filter { $0 != .exact }
    guard !kinds.isEmpty else {
      throw InvalidScenario(
        key: "estimators", "nothing to sweep: turn on an estimator besides exact")
    }
    let base: Scenario
    do throws(InvalidScenario) {
      base = try scenario.with(estimators: kinds)
    } catch {
      throw InvalidScenario(
        error.problems.map { ScenarioProblem(key: "estimators", message: $0.message) })
    }
    // The ends first: a setting's allowed values are an interval, so when a point inside
    // is refused an end is too, and the refusal names the end that is out of range.
    let last = grid.points - 1
    var points = [Scenario?](repeating: nil, count: grid.points)
    for i in [0, last] + Array(1..<last) {
      do throws(InvalidScenario) {
        points[i] = try base.with(setting, value: grid.value(i))
      } catch {
        let key = i == 0 ? "from" : i == last ? "to" : "points"
        let rule = error.problems.first?.message ?? "is not allowed"
        throw InvalidScenario(
          key: key, "\(setting.label(in: scenario)) \(rule) (at point \(i + 1) of \(grid.points))")
      }
    }
    self.scenario = base
    self.setting = setting
    self.grid = grid
    self.estimators = kinds
    self.scenarios = points.map { $0! }
  }

  /// The sweep of `scenario` over `spec.setting` with the blanks filled in: the scenario
  /// file's own `[sweep]` range when it sweeps the same setting, else `standardRange`.
  public static func standard(
    for scenario: Scenario, spec: SweepSpec, estimators: [EstimatorKind]? = nil
  ) throws(InvalidScenario) -> SweepPlan {
    if let reason = spec.setting.unavailable(in: scenario) {
      throw InvalidScenario(key: "over", "cannot sweep \(spec.setting.name): \(reason)")
    }
    var filled = spec
    if let preset = scenario.sweep, preset.setting == spec.setting {
      filled.from = filled.from ?? preset.from
      filled.to = filled.to ?? preset.to
      filled.points = filled.points ?? preset.points
      filled.scale = filled.scale ?? preset.scale
    }
    let standard = standardRange(of: spec.setting, in: scenario)
    let scale = filled.scale ?? standard.scale
    let grid: SweepGrid
    do throws(InvalidScenario) {
      grid = try SweepGrid(
        from: filled.from ?? standard.from, to: filled.to ?? standard.to,
        points: filled.points ?? standardPoints(of: spec.setting), scale: scale)
    } catch {
      throw blamingTheGivenEnd(error, given: filled, standard: standard)
    }
    return try SweepPlan(
      scenario: scenario, setting: spec.setting, grid: grid, estimators: estimators)
  }

  /// A `from` that was given past the standard `to` is the given value's problem, not the
  /// standard end's: `from: must be less than to (100, the standard end), got 200`.
  private static func blamingTheGivenEnd(
    _ error: InvalidScenario, given: SweepSpec,
    standard: (from: Double, to: Double, scale: SweepScale)
  ) -> InvalidScenario {
    guard let from = given.from, given.to == nil else { return error }
    return InvalidScenario(
      error.problems.map { problem in
        guard problem.key == "to", from.isFinite, from >= standard.to else { return problem }
        return ScenarioProblem(
          key: "from",
          message:
            "must be less than to (\(NumberFormat.short(standard.to)), the standard end), got \(NumberFormat.short(from))"
        )
      })
  }

  /// The setting the scenario sweeps when nothing is asked: its file's `[sweep]`, else the
  /// temperature if it has one, else its first parameter.
  public static func defaultSetting(for scenario: Scenario) -> ScenarioSetting {
    if let preset = scenario.sweep { return preset.setting }
    return scenario.distribution.temperature != nil ? .temperature : .parameter(0)
  }

  /// The value swept now (where the live view is), if the scenario has the setting.
  public var current: Double? { setting.value(in: scenario) }

  /// Whether `other` computes exactly the numbers this plan does: the same points, estimators
  /// and setting. Only the current value (the "now" mark) may differ.
  public func computesSameNumbers(as other: SweepPlan) -> Bool {
    setting == other.setting && grid == other.grid && estimators == other.estimators
      && scenarios == other.scenarios
  }
}
