import SampleGradCore

/// One estimator on one problem (a point of a live sweep, a row of the live overview), grown a
/// little at a time to any sample count while keeping the numbers `samplegrad run` would print
/// at that count.
///
/// It walks the run's chunk plan: chunk `c` draws from stream `(seed, estimator, c)` with the
/// estimator's running state reset at the chunk's start, finished chunks merge in order, and
/// the chunk in progress merges last. Growing a chunk in several calls draws the same numbers
/// as one call as long as every call is a multiple of 64 estimates (the block paths work in
/// blocks of 64; `RoundRefinement` only asks for such steps), so the moments at `n` estimates
/// equal `HeadlessRunner.estimate` at `n`, bit for bit.
///
/// `@unchecked Sendable`: a cell is advanced by exactly one `concurrentPerform` iteration at a
/// time, and read only after `concurrentPerform` returns, which joins every iteration.
final class EstimateCell: GrowingCell, @unchecked Sendable {
  let sampler: GradientSampler
  private var cursor: ChunkCursor
  private var current: RunningMoments
  private var finished: RunningMoments
  /// Diagnostics at the end of the last finished chunk (rebar-auto's eta adapts within one).
  private var finishedDiagnostics: [DiagnosticReading] = []

  init(problem: GradientProblem, kind: EstimatorKind, seed: UInt64, chunkSize: Int) {
    // The plan checked that every estimator applies at every point.
    sampler = try! GradientSampler(problem: problem, kind: kind)
    cursor = ChunkCursor(seed: seed, stream: kind.streamIndex, chunkSize: chunkSize)
    current = RunningMoments(estimatesOf: problem)
    finished = RunningMoments(estimatesOf: problem)
  }

  var kind: EstimatorKind { sampler.kind }

  /// Estimates drawn so far.
  var count: Int { cursor.count }

  /// Draws `n` more estimates, crossing into the next chunk's stream where the plan does.
  func advance(by n: Int) {
    cursor.advance(by: n) { step, rng in
      sampler.run(count: step, using: &rng, into: &current)
    } chunkDone: {
      finished.merge(current)
      finishedDiagnostics = sampler.diagnostics
      current = current.emptied()
      sampler.resetState()
    }
  }

  /// The statistics of every estimate so far, as a run of `count` samples reports them.
  func result() -> EstimatorResult {
    var total = finished
    total.merge(current)
    return EstimatorResult(
      kind: kind, moments: total,
      diagnostics: cursor.inChunk > 0 ? sampler.diagnostics : finishedDiagnostics,
      problem: sampler.problem)
  }
}
