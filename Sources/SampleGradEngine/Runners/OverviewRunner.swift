import SampleGradCore

/// Measures the overview table: the scenario with every estimator that can run on it, and the
/// probe objective for the df/dx column, each a headless run (deterministic for a seed).
package enum OverviewRunner {
  package static func measure(
    _ scenario: Scenario, samples: Int, seed: UInt64, threads: Int, component: Int = 0,
    chunkSize: Int = ChunkPlan.defaultChunkSize
  ) -> Overview {
    let full = OverviewMeasurement.fullScenario(scenario)
    // Every estimator in these runs meets its needs, so the runner cannot refuse them.
    let run = try! HeadlessRunner.run(
      full, samples: samples, seed: seed, threads: threads, chunkSize: chunkSize)
    let probe = OverviewMeasurement.probe(for: scenario)
    let probeRun = probe.flatMap {
      try? HeadlessRunner.run(
        $0.scenario, samples: samples, seed: seed, threads: threads, chunkSize: chunkSize)
    }
    return OverviewMeasurement.overview(
      scenario: full, run: run, probe: probe, probeRun: probeRun, component: component)
  }
}
