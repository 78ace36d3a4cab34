import SampleGradCore

extension HeadlessRunner {
  /// The forward samples of `passes` forward passes of `kind` on `problem` (the overview's
  /// "exact distribution" column), chunked like its estimates: chunk `c` draws from
  /// `(seed, kind.forwardStreamIndex, c)`, so the tally depends on the seed and the count
  /// only. Nil for a method without forward samples.
  package static func forward(
    _ kind: EstimatorKind, problem: GradientProblem, plan: ChunkPlan, seed: UInt64, threads: Int
  ) -> ForwardTally? {
    guard let first = ForwardSampler(problem: problem, kind: kind) else { return nil }
    return ParallelChunks.reduce(plan: plan, threads: threads, into: first.makeTally()) {
      () -> ForwardSampler in
      // Built once above, so it builds here too.
      ForwardSampler(problem: problem, kind: kind)!
    } work: { sampler, chunk, count in
      ChunkWork.forward(sampler: sampler, seed: seed, chunk: chunk, count: count)
    } fold: { total, part in
      total.merge(part)
    }
  }

  /// `forward` at `passes`, then at twice as many, and again, until its answer is decisive
  /// (`OverviewFit`) or it reaches `OverviewFit.maximumSamples`.
  package static func settledForward(
    _ kind: EstimatorKind, problem: GradientProblem, passes: Int, seed: UInt64, threads: Int,
    chunkSize: Int = ChunkPlan.defaultChunkSize, settling: Bool = true
  ) -> ForwardTally? {
    var n = passes
    var tally = forward(
      kind, problem: problem, plan: ChunkPlan(samples: n, chunkSize: chunkSize), seed: seed,
      threads: threads)
    while settling, let current = tally, !OverviewFit.isDecisive(current),
      n < OverviewFit.maximumSamples
    {
      n = min(2 * n, OverviewFit.maximumSamples)
      tally = forward(
        kind, problem: problem, plan: ChunkPlan(samples: n, chunkSize: chunkSize), seed: seed,
        threads: threads)
    }
    return tally
  }
}
