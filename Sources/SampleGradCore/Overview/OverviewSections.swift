/// Which scenario each of the overview's rows is measured on (issue 20): the scenario on
/// screen for every method that runs there, and for each other method the first built-in
/// scenario of a family it works on, so the table holds every method, each measured, as the
/// classic comparison table does. The built-ins are small and fixed, one per family (a
/// categorical of K = 4 whose gradient is large against the score function's noise on every
/// logit, so each row settles within 65,536 samples; the setups of the `relax-toy` and
/// `measure-valued` lessons), so a row measured on one reads the same whatever is on screen.
public enum OverviewSections {
  /// One scenario of the table and the methods measured on it.
  public struct Plan: Sendable, Equatable {
    /// The scenario, listing exactly the section's methods.
    public let scenario: Scenario
    /// How the table names it: `this scenario` or `built-in gaussian: N(1, 1), f = x²`.
    public let label: String
    /// Whether it is the scenario on screen (its rows come first, and its numbers are for the
    /// chosen parameter; a built-in's are for its first).
    public let isCurrent: Bool
    public let probe: OverviewMeasurement.Probe?

    /// The probe's scenario with the section's methods that run there, or nil if none does
    /// (each then reads "cannot run" or "not for" without a run).
    public var probeScenario: Scenario? {
      guard let probe else { return nil }
      let kinds = probe.scenario.estimators.filter(scenario.estimators.contains)
      return kinds.isEmpty ? nil : try? probe.scenario.with(estimators: kinds)
    }
  }

  /// The built-in scenario of each family, in the registry's order, with its label.
  public static let builtIns: [(scenario: Scenario, label: String)] = [
    (
      try! Scenario(
        name: "built-in categorical",
        distribution: .categorical(logits: [1, 0, -0.5, -0.5], temperature: 0.5),
        objective: .quadratic(target: [1, 0, 0, 0])),
      "built-in categorical: logits [1, 0, -0.5, -0.5], τ 0.5, f = |x - e1|²"
    ),
    (
      try! Scenario(
        name: "built-in bernoulli", distribution: .bernoulli(logOdds: 0, temperature: 0.5),
        objective: .quadratic(target: [0.45])),
      "built-in bernoulli (RELAX toy): p = 0.5, τ 0.5, f = (b - 0.45)²"
    ),
    (
      try! Scenario(
        name: "built-in gaussian", distribution: .gaussian(mean: 1, std: 1),
        objective: .quadratic(target: [0])),
      "built-in gaussian: N(1, 1), f = x²"
    ),
  ]

  /// The sections for the scenario on screen: it first, with every method that runs on it;
  /// then each built-in that some other method runs on, with those methods. A method that
  /// runs nowhere has no section.
  public static func plans(for live: Scenario) -> [Plan] {
    let here = OverviewMeasurement.fullScenario(live)
    var placed = Set(here.estimators)
    var plans = [
      Plan(
        scenario: here, label: "this scenario", isCurrent: true,
        probe: OverviewMeasurement.probe(for: here))
    ]
    for builtIn in builtIns {
      let full = OverviewMeasurement.fullScenario(builtIn.scenario)
      let kinds = full.estimators.filter { !placed.contains($0) }
      guard !kinds.isEmpty, let scenario = try? full.with(estimators: kinds) else { continue }
      placed.formUnion(kinds)
      plans.append(
        Plan(
          scenario: scenario, label: builtIn.label, isCurrent: false,
          probe: OverviewMeasurement.probe(for: scenario)))
    }
    return plans
  }
}
