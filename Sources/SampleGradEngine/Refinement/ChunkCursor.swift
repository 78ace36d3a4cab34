import SampleGradCore

/// Where a growing measurement is in its run's chunk plan: chunk `c` of a stream draws from
/// `(seed, stream, c)` and has `chunkSize` samples. `advance` hands out the next samples a
/// chunk at a time with that chunk's generator, and says when a chunk is complete (the
/// caller merges it and starts the next afresh), so a measurement grown in slices draws
/// exactly the numbers of one long run.
struct ChunkCursor {
  let seed: UInt64
  let stream: UInt64
  let chunkSize: Int
  private var chunk = 0
  /// Samples drawn in the chunk in progress.
  private(set) var inChunk = 0
  /// Samples drawn so far.
  private(set) var count = 0
  private var rng: Xoshiro256StarStar

  init(seed: UInt64, stream: UInt64, chunkSize: Int) {
    self.seed = seed
    self.stream = stream
    self.chunkSize = chunkSize
    rng = Xoshiro256StarStar(seed: seed, stream: stream, chunk: 0)
  }

  /// Draws `n` more samples: `draw(k, &rng)` for each part that lies in one chunk, then
  /// `chunkDone()` at each chunk's end, before the next chunk's generator takes over.
  mutating func advance(
    by n: Int, draw: (Int, inout Xoshiro256StarStar) -> Void, chunkDone: () -> Void
  ) {
    var left = n
    while left > 0 {
      let step = min(left, chunkSize - inChunk)
      draw(step, &rng)
      inChunk += step
      count += step
      left -= step
      if inChunk == chunkSize {
        chunkDone()
        chunk += 1
        inChunk = 0
        rng = Xoshiro256StarStar(seed: seed, stream: stream, chunk: UInt64(chunk))
      }
    }
  }
}
