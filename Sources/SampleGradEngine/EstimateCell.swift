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
  let seed: UInt64
  private let chunkSize: Int
  private var chunk = 0
  private var rng: Xoshiro256StarStar
  private var inChunk = 0
  private var current: RunningMoments
  private var finished: RunningMoments
  /// `eta` at the end of the last finished chunk (rebar-auto's adapts within a chunk).
  private var finishedEta: Double?
  /// Estimates drawn so far.
  private(set) var count = 0

  init(problem: GradientProblem, kind: EstimatorKind, seed: UInt64, chunkSize: Int) {
    // The plan checked that every estimator applies at every point.
    sampler = try! GradientSampler(problem: problem, kind: kind)
    self.seed = seed
    self.chunkSize = chunkSize
    rng = Xoshiro256StarStar(seed: seed, stream: kind.streamIndex, chunk: 0)
    current = RunningMoments(dimension: problem.dimension)
    finished = RunningMoments(dimension: problem.dimension)
  }

  var kind: EstimatorKind { sampler.kind }

  /// Draws `n` more estimates, crossing into the next chunk's stream where the plan does.
  func advance(by n: Int) {
    var left = n
    while left > 0 {
      let step = min(left, chunkSize - inChunk)
      sampler.run(count: step, using: &rng, into: &current)
      inChunk += step
      count += step
      left -= step
      if inChunk == chunkSize {
        finished.merge(current)
        finishedEta = sampler.eta
        chunk += 1
        inChunk = 0
        current = RunningMoments(dimension: current.dimension)
        rng = Xoshiro256StarStar(seed: seed, stream: kind.streamIndex, chunk: UInt64(chunk))
        sampler.resetState()
      }
    }
  }

  /// The statistics of every estimate so far, as a run of `count` samples reports them.
  func result(exact: [Double]) -> EstimatorResult {
    var total = finished
    total.merge(current)
    return EstimatorResult(
      kind: kind, moments: total, exact: exact,
      evaluations: kind.descriptor.evaluations(sampler.problem.options),
      eta: inChunk > 0 ? sampler.eta : finishedEta)
  }
}
