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
  private let problem: GradientProblem
  private let seed: UInt64
  private let chunkSize: Int
  private var sampler: OutcomeSampler
  private var chunk = 0
  private var rng: Xoshiro256StarStar
  private var inChunk = 0
  private var histogram: Histogram
  private var current: RunningMoments
  private var finished: RunningMoments
  private(set) var count = 0

  init(problem: GradientProblem, seed: UInt64, chunkSize: Int) {
    self.problem = problem
    self.seed = seed
    self.chunkSize = chunkSize
    sampler = OutcomeSampler(problem: problem)
    rng = Xoshiro256StarStar(seed: seed, stream: ChunkWork.outcomeStream, chunk: 0)
    histogram = sampler.makeHistogram()
    current = RunningMoments(dimension: sampler.relaxedDimension)
    finished = RunningMoments(dimension: sampler.relaxedDimension)
  }

  func advance(by n: Int) {
    var left = n
    while left > 0 {
      let step = min(left, chunkSize - inChunk)
      sampler.run(count: step, using: &rng, histogram: &histogram, relaxed: &current)
      inChunk += step
      count += step
      left -= step
      if inChunk == chunkSize {
        finished.merge(current)
        chunk += 1
        inChunk = 0
        current = RunningMoments(dimension: current.dimension)
        rng = Xoshiro256StarStar(
          seed: seed, stream: ChunkWork.outcomeStream, chunk: UInt64(chunk))
        // A fresh sampler per chunk, as each chunk of a run starts with no spare normal.
        sampler = OutcomeSampler(problem: problem)
      }
    }
  }

  /// The histogram and the relaxed mean of every sample so far.
  func result() -> (histogram: Histogram, relaxedMean: [Double]) {
    var total = finished
    total.merge(current)
    return (histogram, total.mean)
  }
}
