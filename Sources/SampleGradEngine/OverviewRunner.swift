import SampleGradCore

/// Measures the overview table: the scenario with every estimator that can run on it, and the
/// probe objective for the df/dx column, each a headless run (deterministic for a seed).
public enum OverviewRunner {
  public static func measure(
    _ scenario: Scenario, samples: Int, seed: UInt64, threads: Int, component: Int = 0
  ) -> Overview {
    let full = OverviewMeasurement.fullScenario(scenario)
    // Every estimator in these runs meets its needs, so the runner cannot refuse them.
    let run = try! HeadlessRunner.run(full, samples: samples, seed: seed, threads: threads)
    var probe: RunResult?
    var description = "no probe"
    if let (probeScenario, text) = OverviewMeasurement.probeScenario(scenario) {
      probe = try? HeadlessRunner.run(probeScenario, samples: samples, seed: seed, threads: threads)
      description = text
    }
    return OverviewMeasurement.overview(
      scenario: full, run: run, probe: probe, probeDescription: description, component: component)
  }
}
