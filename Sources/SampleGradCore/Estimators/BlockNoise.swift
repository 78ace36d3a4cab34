import CVectorMath

/// The uniforms of a block path, a block at a time, in the order of the one-sample code:
/// sample by sample, each sample's `parts` in turn (REBAR: the noise of z, then of z~),
/// `width` each. A block's uniforms are drawn before its kernels run. (Drawing the next
/// block's between the kernels' vector calls, to overlap the generator with them, measured
/// 2 to 6% slower; issue 22.)
///
/// The generator's state lives here from `start` to `finish`; nothing else draws from it in
/// between.
///
/// Part 0, the Gumbel noise, is stored in columns of rows of `columnsOf` values
/// (`sg_block_uniforms`): the layout the kernels' loops across rows read, sparing them a
/// transpose. The other parts (REBAR's conditional noise) are row-major, as their kernel
/// reads them.
final class BlockNoise {
  let partCount: Int
  let width: Int
  /// Values per row of part 0's columns (K).
  let columnsOf: Int
  private let storage: ScratchBuffers
  /// The parts' pointers, as the C side takes them.
  private let pointers: UnsafeMutablePointer<UnsafeMutablePointer<Double>?>
  private let state: UnsafeMutablePointer<sg_rng>
  /// The loop's block size, samples left (this block's included) and this block's size.
  private var loopBlockSamples = 0
  private var remaining = 0
  private var samples = 0

  /// Buffers for blocks of up to `samples` samples of `partCount` parts of `width` values,
  /// part 0 in columns of rows of `columnsOf` values (a divisor of `width`).
  init(partCount: Int, width: Int, samples: Int, columnsOf k: Int) {
    precondition(k > 0 && width % k == 0, "a sample is whole rows")
    self.partCount = partCount
    self.width = width
    columnsOf = k
    storage = ScratchBuffers(count: samples * width, slots: partCount)
    pointers = .allocate(capacity: partCount)
    for i in 0..<partCount { (pointers + i).initialize(to: storage.slot(i)) }
    state = .allocate(capacity: 1)
    state.initialize(to: sg_rng())
  }

  deinit {
    pointers.deinitialize(count: partCount)
    pointers.deallocate()
    state.deinitialize(count: 1)
    state.deallocate()
  }

  /// Starts a loop over `count` samples, a block of at most `blockSamples` at a time, and
  /// returns the first block's size (0: nothing to do), its uniforms drawn. The generator is
  /// taken over until `finish`. The loop runs `while samples > 0 { ...; samples = nextBlock() }`
  /// and each block works on the `part`s. (A loop, not a method taking a closure: a closure
  /// over an estimator's `self` kept its per-sample calls from being inlined, 2 to 4 times
  /// slower.)
  func start(count: Int, blockSamples: Int, using rng: Xoshiro256StarStar) -> Int {
    state.pointee = sg_rng(s0: rng.s0, s1: rng.s1, s2: rng.s2, s3: rng.s3)
    loopBlockSamples = blockSamples
    remaining = count
    samples = min(remaining, blockSamples)
    draw()
    return samples
  }

  /// The next block's size, its uniforms drawn (0: the loop is over).
  func nextBlock() -> Int {
    remaining -= samples
    samples = min(remaining, loopBlockSamples)
    draw()
    return samples
  }

  /// Hands the generator back, past every uniform drawn.
  func finish(into rng: inout Xoshiro256StarStar) {
    rng.s0 = state.pointee.s0
    rng.s1 = state.pointee.s1
    rng.s2 = state.pointee.s2
    rng.s3 = state.pointee.s3
  }

  /// Part `p` of the current block.
  func part(_ p: Int) -> UnsafeMutablePointer<Double> { pointers[p]! }

  /// Draws the current block's uniforms.
  private func draw() {
    guard samples > 0 else { return }
    sg_block_uniforms(state, pointers, partCount, width, samples, columnsOf)
  }
}
