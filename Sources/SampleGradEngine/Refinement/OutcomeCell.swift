import SampleGradCore

/// The samples of the distribution itself (the histogram and the mean of the relaxed vectors)
/// for a live overview, grown a little at a time while keeping the numbers `samplegrad run`
/// prints at that count: chunk `c` draws from the outcome stream `(seed, 0, c)`, chunks merge
/// in order. Steps of 64 keep the categorical block path's blocks (and a gaussian's pairs of
/// normals) where one long run puts them, so the result at `n` equals
/// `HeadlessRunner.outcomes` at `n`, bit for bit.
///
/// `@unchecked Sendable`: as `EstimateCell`, advanced by one `concurrentPerform` iteration at a
/// time and read only after it has joined.
final class OutcomeCell: GrowingCell, @unchecked Sendable {
  private let sampler: OutcomeSampler
  private var cursor: ChunkCursor
  private var histogram: Histogram
  private var current: RunningMoments
  private var finished: RunningMoments

  init(problem: GradientProblem, seed: UInt64, chunkSize: Int) {
    sampler = OutcomeSampler(problem: problem)
    cursor = ChunkCursor(seed: seed, stream: ChunkWork.outcomeStream, chunkSize: chunkSize)
    histogram = sampler.makeHistogram()
    current = RunningMoments(dimension: sampler.relaxedDimension)
    finished = RunningMoments(dimension: sampler.relaxedDimension)
  }

  var count: Int { cursor.count }

  func advance(by n: Int) {
    cursor.advance(by: n) { step, rng in
      sampler.run(count: step, using: &rng, histogram: &histogram, relaxed: &current)
    } chunkDone: {
      finished.merge(current)
      current = RunningMoments(dimension: current.dimension)
      // Each chunk of a run starts with no spare normal.
      sampler.resetState()
    }
  }

  /// The histogram and the relaxed mean of every sample so far.
  func result() -> (histogram: Histogram, relaxedMean: [Double]) {
    var total = finished
    total.merge(current)
    return (histogram, total.mean)
  }
}
