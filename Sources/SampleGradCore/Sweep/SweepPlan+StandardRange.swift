extension SweepPlan {
  /// The range a sweep covers when none is given: the temperature from 0.01 to 100 (log),
  /// a positive number (a std, a frequency) from a tenth to ten times its value (log),
  /// an option within 1 of its value (eta: 0 to 2 from REBAR's 1), the number of variables
  /// from 1 to 1,024 (log), anything else within 3 of its value.
  ///
  /// Two adjustments keep that range valid wherever the scenario itself is (issue 21: a
  /// gaussian at mean 4e16 or more had no sweep at all):
  /// - A linear range is never narrower than `minimumSpacings` spacings of doubles at the
  ///   value: at 1e17 doubles are 16 apart, so `1e17 +- 3` is one number and every point
  ///   would be the same. Wide enough for 200 distinct points, and still a relative width
  ///   of about 1e-14.
  /// - A range that leaves the setting's allowed values on one side (a mean at 1e50, a std
  ///   at 1e-30) is moved to end at the value instead, on the side that is allowed. The
  ///   scenario's own rules decide what is allowed, as they do for every point.
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
      return linearRange(around: value, halfWidth: 1, of: setting, in: scenario)
    case .frequency where value > 0:
      return logRange(around: value, of: setting, in: scenario)
    case .parameter where setting.isPositive(in: scenario):
      return logRange(around: value, of: setting, in: scenario)
    default:
      return linearRange(around: value, halfWidth: 3, of: setting, in: scenario)
    }
  }

  /// Points a sweep has when none are asked: the powers of 2 from 1 to 1024 for the
  /// dimension (whole numbers of variables), else `SweepGrid.defaultPoints`.
  public static func standardPoints(of setting: ScenarioSetting) -> Int {
    setting == .dimension ? 11 : SweepGrid.defaultPoints
  }

  /// Spacings of doubles a linear standard range spans at least: half the most points a
  /// sweep may have on each side, so every point of the largest grid is a different double.
  static let minimumSpacings = Double(SweepGrid.pointRange.upperBound / 2)

  private static func linearRange(
    around value: Double, halfWidth: Double, of setting: ScenarioSetting, in scenario: Scenario
  ) -> (from: Double, to: Double, scale: SweepScale) {
    let half = max(halfWidth, minimumSpacings * value.magnitude.ulp)
    let (from, to) = fitted(
      (value - half, value + half), below: (value - 2 * half, value),
      above: (value, value + 2 * half), of: setting, in: scenario)
    return (from, to, .linear)
  }

  private static func logRange(
    around value: Double, of setting: ScenarioSetting, in scenario: Scenario
  ) -> (from: Double, to: Double, scale: SweepScale) {
    let (from, to) = fitted(
      (value / 10, value * 10), below: (value / 100, value), above: (value, value * 100),
      of: setting, in: scenario)
    return (from, to, .log)
  }

  /// `centred` if both its ends are allowed values of `setting`; else the one-sided range on
  /// the side whose end is allowed (`below` when the upper end is not, `above` when the
  /// lower end is not).
  private static func fitted(
    _ centred: (Double, Double), below: (Double, Double), above: (Double, Double),
    of setting: ScenarioSetting, in scenario: Scenario
  ) -> (Double, Double) {
    func allowed(_ x: Double) -> Bool { (try? scenario.with(setting, value: x)) != nil }
    if !allowed(centred.1) { return below }
    if !allowed(centred.0) { return above }
    return centred
  }
}
