import CVectorMath

/// The uniforms of a block path, in two sets of buffers: while one block's kernels work on
/// the current set, they draw the next block's uniforms into the other (`sg_ahead`), so the
/// generator's serial chain runs beside their vector calls instead of before them. The
/// uniforms and their order are those of the one-sample code: sample by sample, each
/// sample's `parts` in turn (REBAR: the noise of z, then of z~), `width` each.
///
/// The generator's state lives here from `load` to `store`; nothing else draws from it in
/// between.
final class BlockNoise {
  let partCount: Int
  let width: Int
  private let storage: ScratchBuffers
  /// Both sets' part pointers: set s's part p at `s * partCount + p`.
  private let pointers: UnsafeMutablePointer<UnsafeMutablePointer<Double>?>
  private let state: UnsafeMutablePointer<sg_rng>
  private let record: UnsafeMutablePointer<sg_ahead>
  private var current = 0
  /// The loop's block size, samples left (this block's included) and this block's size.
  private var loopBlockSamples = 0
  private var remaining = 0
  private var samples = 0
  private var aheadTotal = 0

  /// Buffers for blocks of up to `samples` samples of `partCount` parts of `width` values.
  init(partCount: Int, width: Int, samples: Int) {
    self.partCount = partCount
    self.width = width
    storage = ScratchBuffers(count: samples * width, slots: 2 * partCount)
    pointers = .allocate(capacity: 2 * partCount)
    for i in 0..<(2 * partCount) { (pointers + i).initialize(to: storage.slot(i)) }
    state = .allocate(capacity: 1)
    state.initialize(to: sg_rng())
    record = .allocate(capacity: 1)
    record.initialize(to: sg_ahead())
  }

  deinit {
    pointers.deinitialize(count: 2 * partCount)
    pointers.deallocate()
    state.deinitialize(count: 1)
    state.deallocate()
    record.deinitialize(count: 1)
    record.deallocate()
  }

  /// Starts a loop over `count` samples, a block of at most `blockSamples` at a time, and
  /// returns the first block's size (0: nothing to do). The generator is taken over until
  /// `finish`. The loop runs `while samples > 0 { ...; samples = nextBlock() }`: each block
  /// works on the current `part`s and hands its kernels their `ahead` shares, which draw the
  /// next block's uniforms. (A loop, not a method taking a closure: a closure over an
  /// estimator's `self` kept its per-sample calls from being inlined, 2 to 4 times slower.)
  func start(count: Int, blockSamples: Int, using rng: Xoshiro256StarStar) -> Int {
    load(rng)
    loopBlockSamples = blockSamples
    remaining = count
    samples = min(remaining, blockSamples)
    drawCurrent(samples: samples)
    beginNext(samples: min(remaining - samples, blockSamples))
    return samples
  }

  /// The next block's size, its uniforms already drawn (0: the loop is over).
  func nextBlock() -> Int {
    remaining -= samples
    flip()
    samples = min(remaining, loopBlockSamples)
    if samples > 0 { beginNext(samples: min(remaining - samples, loopBlockSamples)) }
    return samples
  }

  /// Hands the generator back, past every uniform drawn.
  func finish(into rng: inout Xoshiro256StarStar) { store(into: &rng) }

  /// Takes over the generator (until `store`).
  private func load(_ rng: Xoshiro256StarStar) {
    state.pointee = sg_rng(s0: rng.s0, s1: rng.s1, s2: rng.s2, s3: rng.s3)
  }

  /// Hands the generator back, past every uniform drawn.
  private func store(into rng: inout Xoshiro256StarStar) {
    rng.s0 = state.pointee.s0
    rng.s1 = state.pointee.s1
    rng.s2 = state.pointee.s2
    rng.s3 = state.pointee.s3
  }

  /// Part `p` of the current block.
  func part(_ p: Int) -> UnsafeMutablePointer<Double> {
    pointers[current * partCount + p]!
  }

  /// Draws the current block's uniforms now (the first block: there is no earlier one to
  /// draw them).
  private func drawCurrent(samples: Int) {
    sg_block_uniforms(state, pointers + current * partCount, partCount, width, samples)
  }

  /// The next block has `samples` samples (0: there is none): the kernels of this block
  /// draw them, each its `ahead(share:of:)`.
  private func beginNext(samples: Int) {
    aheadTotal = samples * partCount * width
    record.pointee = sg_ahead(
      rng: state, parts: pointers + (1 - current) * partCount, partCount: partCount,
      width: width, start: 0, count: 0)
  }

  /// The share `i` of `n` kernels of this block draws (nil when there is nothing to draw).
  func ahead(share i: Int, of n: Int) -> UnsafeMutablePointer<sg_ahead>? {
    let count = aheadTotal * (i + 1) / n - aheadTotal * i / n
    guard count > 0 else { return nil }
    record.pointee.count = count
    return record
  }

  /// The next block becomes the current one.
  private func flip() { current = 1 - current }
}
