/// The fixed partition of a run's sample stream into chunks, each with its own generator.
///
/// Chunk `c` of estimator `e` always draws from stream `(seed, e, c)` and its moments are
/// merged in chunk order, so a run's numbers depend on the seed and the sample count only,
/// never on how many cores shared the work. The score-function baseline's running mean
/// restarts with each chunk (it stays unbiased: it only uses earlier samples).
public struct ChunkPlan: Sendable, Equatable {
  public static let defaultChunkSize = 1 << 16
  public let samples: Int
  public let chunkSize: Int

  public init(samples: Int, chunkSize: Int = ChunkPlan.defaultChunkSize) {
    self.samples = samples
    self.chunkSize = chunkSize
  }

  /// `ceil(samples / chunkSize)`, without the `samples + chunkSize - 1` that overflows
  /// near `Int.max`.
  public var chunkCount: Int { samples / chunkSize + (samples % chunkSize == 0 ? 0 : 1) }

  public func size(ofChunk c: Int) -> Int { min(chunkSize, samples - c * chunkSize) }
}

/// What one chunk of a run produces; chunks merge into the run's result.
public enum ChunkWork {
  /// Stream index of the outcome sampler (estimators use 1...).
  public static let outcomeStream: UInt64 = 0

  /// Moments of `count` single-sample estimates from chunk `chunk` of the estimator's stream,
  /// and its diagnostics at the chunk's end (rebar-auto's eta adapts within a chunk).
  public static func estimates(
    sampler: GradientSampler, seed: UInt64, chunk: Int, count: Int
  ) -> (moments: RunningMoments, diagnostics: [DiagnosticReading]) {
    var rng = Xoshiro256StarStar(seed: seed, stream: sampler.kind.streamIndex, chunk: UInt64(chunk))
    var moments = RunningMoments(estimatesOf: sampler.problem)
    sampler.resetState()
    sampler.run(count: count, using: &rng, into: &moments)
    return (moments, sampler.diagnostics)
  }

  /// Histogram and relaxed-mean moments of `count` samples from chunk `chunk`.
  public static func outcomes(
    sampler: OutcomeSampler, seed: UInt64, chunk: Int, count: Int
  ) -> (Histogram, RunningMoments) {
    var rng = Xoshiro256StarStar(seed: seed, stream: outcomeStream, chunk: UInt64(chunk))
    var histogram = sampler.makeHistogram()
    var relaxed = RunningMoments(dimension: sampler.relaxedDimension)
    sampler.run(count: count, using: &rng, histogram: &histogram, relaxed: &relaxed)
    return (histogram, relaxed)
  }
}
