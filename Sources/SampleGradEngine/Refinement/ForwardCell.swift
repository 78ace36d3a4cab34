import SampleGradCore

/// One method's forward samples for a live overview (the "exact distribution" column), grown a
/// little at a time while keeping the tally `samplegrad overview --samples N` makes at that
/// count: chunk `c` draws from `(seed, kind.forwardStreamIndex, c)` with the method's running
/// state reset at the chunk's start, as `ChunkWork.forward` does. A forward pass draws one
/// sample at a time, so growing a chunk in slices draws the numbers of one long run.
///
/// `@unchecked Sendable`: as `EstimateCell`, advanced by one `concurrentPerform` iteration at a
/// time and read only after it has joined.
final class ForwardCell: GrowingCell, @unchecked Sendable {
  let sampler: ForwardSampler
  private var cursor: ChunkCursor
  private var tally: ForwardTally

  /// Nil for a method without forward samples.
  init?(problem: GradientProblem, kind: EstimatorKind, seed: UInt64, chunkSize: Int) {
    guard let sampler = ForwardSampler(problem: problem, kind: kind) else { return nil }
    self.sampler = sampler
    cursor = ChunkCursor(seed: seed, stream: kind.forwardStreamIndex, chunkSize: chunkSize)
    tally = sampler.makeTally()
  }

  var kind: EstimatorKind { sampler.kind }

  var count: Int { cursor.count }

  func advance(by n: Int) {
    cursor.advance(by: n) { step, rng in
      sampler.run(count: step, using: &rng, into: &tally)
    } chunkDone: {
      sampler.resetState()
    }
  }

  /// The forward samples so far.
  func result() -> ForwardTally { tally }
}
