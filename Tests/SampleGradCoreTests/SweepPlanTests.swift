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

  /// Issue 21, fault 4: `1e17 +- 3` is one double (they are 16 apart there), so a gaussian
  /// at mean 4e16 or more had no standard sweep; `1e50 + 3` left the mean's range once the
  /// range was widened. Every value a file may hold now has a standard range of distinct
  /// points inside the allowed values.
  @Test(
    "every value inside the domain has a standard range of 200 distinct valid points",
    arguments: [
      ("mean = 1.0", "mean = 4e16", ScenarioSetting.parameter(0)),
      ("mean = 1.0", "mean = 1e17", .parameter(0)),
      ("mean = 1.0", "mean = 1e50", .parameter(0)),
      ("mean = 1.0", "mean = -1e50", .parameter(0)),
      ("std = 1.0", "std = 1e50", .parameter(1)),
      ("std = 1.0", "std = 1e-30", .parameter(1)),
      ("target = 0", "target = 1e50", .target),
      ("target = 0", "target = -3e20", .target),
    ])
  func hugeValues(old: String, new: String, setting: ScenarioSetting) throws {
    let text = Self.gaussianFile(sweep: "over = \"target\"")
      .replacingOccurrences(of: "[sweep]\nover = \"target\"", with: "")
      .replacingOccurrences(of: old, with: new)
    let scenario = try ScenarioDecoder.decode(text, source: "k.toml")
    let plan = try SweepPlan.standard(
      for: scenario, spec: SweepSpec(setting: setting, points: SweepGrid.pointRange.upperBound))
    let values = plan.grid.values
    #expect(Set(values).count == values.count, "\(plan.grid.from) to \(plan.grid.to)")
    let now = try #require(plan.current)
    #expect(plan.grid.from <= now && now <= plan.grid.to)
  }

  @Test("eta at 1e30 and a logit at 1e6 sweep on the side that is allowed")
  func edgeOfTheDomain() throws {
    let eta = try Settings.categorical.with(.option("eta"), value: 1e30)
    let etaPlan = try SweepPlan.standard(for: eta, spec: SweepSpec(setting: .option("eta")))
    #expect(etaPlan.grid.to == 1e30 && etaPlan.grid.from < 1e30)
    let logit = try Settings.categorical.with(.parameter(0), value: -1e6)
    let logitPlan = try SweepPlan.standard(for: logit, spec: SweepSpec(setting: .parameter(0)))
    #expect(logitPlan.grid.from == -1e6 && logitPlan.grid.to == -1e6 + 6)
  }

  @Test("a given from beyond the standard end is the from's problem")
  func givenFromPastStandardEnd() {
    do {
      _ = try SweepPlan.standard(
        for: Settings.categorical, spec: SweepSpec(setting: .temperature, from: 200))
      Issue.record("accepted")
    } catch {
      #expect(
        error.problems == [
          ScenarioProblem(
            key: "from", message: "must be less than to (100, the standard end), got 200")
        ])
    }
  }
}
