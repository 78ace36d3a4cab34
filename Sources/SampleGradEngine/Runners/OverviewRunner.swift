import SampleGradCore

/// Measures the overview table, section by section (`OverviewSections`: the scenario with every
/// estimator that can run on it, then a built-in scenario for the others): each scenario and
/// its probe objective for the df/dx column, each a headless run (deterministic for a seed),
/// and each method's own forward samples for the "exact distribution" column; then each row
/// whose "unbiased" or "exact distribution" answer is not decisive grows until it is.
package enum OverviewRunner {
  package static func measure(
    _ scenario: Scenario, samples: Int, seed: UInt64, threads: Int, component: Int = 0,
    chunkSize: Int = ChunkPlan.defaultChunkSize, settling: Bool = true
  ) -> Overview {
    let sections = OverviewSections.plans(for: scenario).map { plan in
      // Every estimator in these runs meets its needs, so the runner cannot refuse them.
      let first = try! HeadlessRunner.run(
        plan.scenario, samples: samples, seed: seed, threads: threads, chunkSize: chunkSize)
      let run = settling ? settled(first, threads: threads, chunkSize: chunkSize) : first
      let probeRun = plan.probeScenario.flatMap {
        try? HeadlessRunner.run(
          $0, samples: samples, seed: seed, threads: threads, chunkSize: chunkSize)
      }
      var forward: [EstimatorKind: ForwardTally] = [:]
      for kind in plan.scenario.estimators {
        forward[kind] = HeadlessRunner.settledForward(
          kind, problem: run.problem, passes: samples, seed: seed, threads: threads,
          chunkSize: chunkSize, settling: settling)
      }
      return OverviewMeasurement.SectionRun(
        plan: plan, run: run, probeRun: probeRun, forward: forward)
    }
    return OverviewMeasurement.overview(sections, component: component)
  }

  /// The run with each estimator whose "unbiased" answer is not decisive at the run's count
  /// (`OverviewDecision`) measured again at twice as many samples, and again, until it is or it
  /// reaches `OverviewDecision.maximumSamples`. A longer run of one estimator repeats the
  /// shorter one's numbers and continues them, so a row decided at 4N is the run at 4N.
  package static func settled(
    _ run: RunResult, threads: Int, chunkSize: Int = ChunkPlan.defaultChunkSize
  ) -> RunResult {
    let estimators = run.estimators.map { result -> EstimatorResult in
      var result = result
      var samples = run.samples
      while !OverviewDecision.isDecisive(result), samples < OverviewDecision.maximumSamples {
        samples = min(2 * samples, OverviewDecision.maximumSamples)
        // The same estimator on the same problem as the first run: it cannot be refused.
        let (moments, diagnostics) = try! HeadlessRunner.estimate(
          result.kind, problem: run.problem,
          plan: ChunkPlan(samples: samples, chunkSize: chunkSize), seed: run.seed,
          threads: threads)
        result = EstimatorResult(
          kind: result.kind, moments: moments, diagnostics: diagnostics, problem: run.problem)
      }
      return result
    }
    return RunResult(
      scenario: run.scenario, seed: run.seed, samples: run.samples, problem: run.problem,
      estimators: estimators, histogram: run.histogram, relaxedMean: run.relaxedMean)
  }
}
