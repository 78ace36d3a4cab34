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
    var points: [Scenario] = []
    points.reserveCapacity(grid.points)
    for (i, value) in grid.values.enumerated() {
      do throws(InvalidScenario) {
        points.append(try base.with(setting, value: value))
      } catch {
        let key = i == 0 ? "from" : i == grid.points - 1 ? "to" : "points"
        let rule = error.problems.first?.message ?? "is not allowed"
        throw InvalidScenario(
          key: key, "\(setting.label(in: scenario)) \(rule) (at point \(i + 1) of \(grid.points))")
      }
    }
    self.scenario = base
    self.setting = setting
    self.grid = grid
    self.estimators = kinds
    self.scenarios = points
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
    let grid = try SweepGrid(
      from: filled.from ?? standard.from, to: filled.to ?? standard.to,
      points: filled.points ?? standardPoints(of: spec.setting), scale: scale)
    return try SweepPlan(
      scenario: scenario, setting: spec.setting, grid: grid, estimators: estimators)
  }

  /// The setting the scenario sweeps when nothing is asked: its file's `[sweep]`, else the
  /// temperature if it has one, else its first parameter.
  public static func defaultSetting(for scenario: Scenario) -> ScenarioSetting {
    if let preset = scenario.sweep { return preset.setting }
    return scenario.distribution.temperature != nil ? .temperature : .parameter(0)
  }

  /// The range a sweep covers when none is given: the temperature from 0.01 to 100 (log),
  /// a positive number (a std, a frequency) from a tenth to ten times its value (log),
  /// an option within 1 of its value (eta: 0 to 2 from REBAR's 1), anything else within 3 of
  /// its value.
  public static func standardRange(of setting: ScenarioSetting, in scenario: Scenario)
    -> (from: Double, to: Double, scale: SweepScale)
  {
    let value = setting.value(in: scenario) ?? 0
    switch setting {
    case .temperature:
      return (
        ScenarioRules.temperatureRange.lowerBound, ScenarioRules.temperatureRange.upperBound, .log
      )
    case .dimension:
      return (1, 1024, .log)
    case .option:
      return (value - 1, value + 1, .linear)
    case .frequency where value > 0:
      return (value / 10, value * 10, .log)
    case .parameter where setting.isPositive(in: scenario):
      return (value / 10, value * 10, .log)
    default:
      return (value - 3, value + 3, .linear)
    }
  }

  /// Points a sweep has when none are asked: the powers of 2 from 1 to 1024 for the
  /// dimension (whole numbers of variables), else `SweepGrid.defaultPoints`.
  public static func standardPoints(of setting: ScenarioSetting) -> Int {
    setting == .dimension ? 11 : SweepGrid.defaultPoints
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
