import Testing

@testable import SampleGradCore

/// What a sweep covers when not told, what a scenario file's `[sweep]` changes, and which
/// plans compute the same numbers.
@Suite("Sweep plans")
struct SweepPlanTests {
  typealias Settings = ScenarioSettingTests

  /// N(1, 1) with f = (x - 0)^2 and the given `[sweep]` lines.
  static func gaussianFile(sweep: String) -> String {
    """
    name = "k"
    [distribution]
    kind = "gaussian"
    mean = 1.0
    std = 1.0
    [objective]
    kind = "quadratic"
    target = 0
    [sweep]
    \(sweep)
    """
  }

  @Test("standard ranges: the temperature 0.01-100 log, a std x/10-10x log, a logit +-3")
  func standardRanges() throws {
    let temperature = try SweepPlan.standard(
      for: Settings.categorical, spec: SweepSpec(setting: .temperature))
    #expect(
      temperature.grid == (try SweepGrid(from: 0.01, to: 100, points: 25, scale: .log)))
    #expect(temperature.current == 0.5)
    #expect(temperature.estimators == [.scoreFunction, .gumbelSoftmax, .rebar])
    #expect(temperature.scenarios.map { $0.distribution.temperature } == temperature.grid.values)

    let std = try SweepPlan.standard(
      for: Settings.gaussian, spec: SweepSpec(setting: .parameter(1)))
    #expect(std.grid.from == 0.1 && std.grid.to == 10 && std.grid.scale == .log)
    let logit = try SweepPlan.standard(
      for: Settings.categorical, spec: SweepSpec(setting: .parameter(1), points: 7))
    #expect(logit.grid.values == [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5])
    let eta = try SweepPlan.standard(
      for: Settings.categorical, spec: SweepSpec(setting: .option("eta")))
    #expect(eta.grid.from == 0 && eta.grid.to == 2 && eta.grid.scale == .linear)
    #expect(eta.scenarios[12].options.value("eta") == 1)
  }

  @Test("what to sweep by default: the file's [sweep], else the temperature, else parameter 1")
  func defaultSetting() throws {
    #expect(SweepPlan.defaultSetting(for: Settings.categorical) == .temperature)
    #expect(SweepPlan.defaultSetting(for: Settings.gaussian) == .parameter(0))
    let scenario = try ScenarioDecoder.decode(
      Self.gaussianFile(sweep: "over = \"target\"\nfrom = -3\nto = 3"), source: "k.toml")
    #expect(scenario.sweep == SweepSpec(setting: .target, from: -3, to: 3))
    #expect(SweepPlan.defaultSetting(for: scenario) == .target)
    let plan = try SweepPlan.standard(for: scenario, spec: SweepSpec(setting: .target))
    #expect(plan.grid.from == -3 && plan.grid.to == 3 && plan.grid.scale == .linear)
    // The command line wins over the file.
    let narrower = try SweepPlan.standard(
      for: scenario, spec: SweepSpec(setting: .target, from: -1, points: 5))
    #expect(narrower.grid.values == [-1, 0, 1, 2, 3])
  }

  @Test(
    "a scenario file's [sweep] is checked against the scenario",
    arguments: [
      (
        "over = \"temperature\"",
        "k.toml: sweep.over: cannot sweep temperature: a gaussian has no temperature"
      ),
      (
        "over = \"heat\"",
        "k.toml: sweep.over: unknown setting 'heat' (known: temperature, eta, parameter:N, target, frequency, threshold, dimension)"
      ),
      (
        "over = \"parameter:2\"\nfrom = -1\nto = 1\nscale = \"linear\"",
        "k.toml: sweep.from: std must be between 1e-30 and 1e50, got -1 (at point 1 of 25)"
      ),
      (
        "over = \"target\"\nscale = \"cubic\"",
        "k.toml: sweep.scale: must be 'log' or 'linear', got 'cubic'"
      ),
      ("from = 1", "k.toml: sweep.over: is missing"),
      ("over = \"target\"\npoint = 3", "k.toml: sweep.point: unknown key (did you mean 'points'?)"),
    ])
  func fileProblems(sweep: String, expected: String) {
    do {
      _ = try ScenarioDecoder.decode(Self.gaussianFile(sweep: sweep), source: "k.toml")
      Issue.record("accepted: \(sweep)")
    } catch {
      #expect(error.lines.contains(expected), "\(error.lines)")
    }
  }

  @Test("estimators: exact is left out unless asked for; nothing left is refused")
  func estimators() throws {
    let onlyExact = try Settings.categorical.with(estimators: [.exact])
    #expect(throws: InvalidScenario.self) {
      try SweepPlan.standard(for: onlyExact, spec: SweepSpec(setting: .temperature))
    }
    let asked = try SweepPlan.standard(
      for: Settings.categorical, spec: SweepSpec(setting: .temperature),
      estimators: [.exact, .straightThrough])
    #expect(asked.estimators == [.exact, .straightThrough])
    do {
      _ = try SweepPlan.standard(
        for: Settings.categorical, spec: SweepSpec(setting: .temperature),
        estimators: [.reparameterization])
    } catch {
      #expect(error.problems.first?.key == "estimators")
    }
  }

  @Test("plans that differ only in the current value compute the same numbers")
  func sameNumbers() throws {
    let a = try SweepPlan.standard(
      for: Settings.categorical, spec: SweepSpec(setting: .temperature))
    let moved = try Settings.categorical.with(.temperature, value: 3)
    let b = try SweepPlan.standard(for: moved, spec: SweepSpec(setting: .temperature))
    #expect(a != b)
    #expect(a.computesSameNumbers(as: b))
    #expect(b.current == 3)
    let nudged = try Settings.categorical.with(.parameter(0), value: 1.1)
    let c = try SweepPlan.standard(for: nudged, spec: SweepSpec(setting: .temperature))
    #expect(!a.computesSameNumbers(as: c))
  }
}
