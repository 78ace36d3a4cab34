import Dispatch
import SampleGradCore

/// Runs a scenario to completion without a screen (`samplegrad run`, tests, handouts), with
/// the chunks of every estimator spread over the available cores.
package enum HeadlessRunner {
  /// `chunkSize` changes the numbers (each chunk has its own streams); tests use small ones.
  package static func run(
    _ scenario: Scenario, samples: Int, seed: UInt64, threads: Int = 1,
    chunkSize: Int = ChunkPlan.defaultChunkSize
  ) throws(EstimatorNotApplicable) -> RunResult {
    let problem = scenario.problem
    let plan = ChunkPlan(samples: samples, chunkSize: chunkSize)
    var results: [EstimatorResult] = []
    for kind in scenario.estimators {
      let (moments, diagnostics) = try estimate(
        kind, problem: problem, plan: plan, seed: seed, threads: threads)
      results.append(
        EstimatorResult(
          kind: kind, moments: moments, diagnostics: diagnostics, problem: problem))
    }
    let (histogram, relaxed) = outcomes(problem: problem, plan: plan, seed: seed, threads: threads)
    return RunResult(
      scenario: scenario, seed: seed, samples: samples, problem: problem, estimators: results,
      histogram: histogram, relaxedMean: relaxed.mean)
  }

  /// One estimator's moments over the whole plan, merged in chunk order, and its
  /// diagnostics at the end of the last chunk.
  package static func estimate(
    _ kind: EstimatorKind, problem: GradientProblem, plan: ChunkPlan, seed: UInt64, threads: Int
  ) throws(EstimatorNotApplicable) -> (moments: RunningMoments, diagnostics: [DiagnosticReading]) {
    // Checked once here; each worker's copy then cannot fail.
    _ = try GradientSampler(problem: problem, kind: kind)
    let empty: (moments: RunningMoments, diagnostics: [DiagnosticReading]) = (
      RunningMoments(dimension: problem.dimension), []
    )
    return ParallelChunks.reduce(plan: plan, threads: threads, into: empty) {
      () -> GradientSampler in
      try! GradientSampler(problem: problem, kind: kind)
    } work: { sampler, chunk, count in
      let part = ChunkWork.estimates(sampler: sampler, seed: seed, chunk: chunk, count: count)
      return EstimatorPart(moments: part.moments, diagnostics: part.diagnostics)
    } fold: { total, part in
      total.moments.merge(part.moments)
      total.diagnostics = part.diagnostics
    }
  }

  static func outcomes(
    problem: GradientProblem, plan: ChunkPlan, seed: UInt64, threads: Int
  ) -> (Histogram, RunningMoments) {
    let empty = (
      OutcomeSampler(problem: problem).makeHistogram(),
      RunningMoments(dimension: problem.probabilities.count)
    )
    return ParallelChunks.reduce(plan: plan, threads: threads, into: empty) {
      OutcomeSampler(problem: problem)
    } work: { sampler, chunk, count in
      // A worker's sampler carries on from its previous chunk: start this one afresh.
      sampler.resetState()
      return ChunkWork.outcomes(sampler: sampler, seed: seed, chunk: chunk, count: count)
    } fold: { total, part in
      total.0.merge(part.0)
      total.1.merge(part.1)
    }
  }
}

/// One chunk's result (a tuple is not `Sendable`-checked across the workers).
struct EstimatorPart: Sendable {
  let moments: RunningMoments
  let diagnostics: [DiagnosticReading]
}
