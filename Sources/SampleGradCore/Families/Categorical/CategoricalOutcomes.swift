/// The histogram and relaxed samples of D categoricals: Gumbel-max samples and their
/// relaxations at the scenario's temperature, a block at a time.
final class CategoricalOutcomes: OutcomeSource {
  let problem: GradientProblem
  let k: Int
  let variables: Int
  let temperature: Double
  let logits: ScratchBuffers
  /// The latest relaxed sample (D x K).
  private var y: [Double]
  /// Block buffers (samples x D x K) and each row's argmax.
  let blocks: ScratchBuffers
  let blockSamples: Int
  /// The blocks' uniforms, and the kernels' scratch.
  let noise: BlockNoise
  let scratch: ScratchBuffers

  init(problem: GradientProblem) {
    self.problem = problem
    k = problem.categories
    variables = problem.variables
    temperature = problem.distribution.temperature ?? 1
    let theta = problem.distribution.parameters
    logits = ScratchBuffers(count: theta.count, slots: 1)
    logits.slot(0).update(from: theta, count: theta.count)
    y = [Double](repeating: 0, count: theta.count)
    blockSamples = CategoricalBlock.samples(valuesPerSample: theta.count)
    blocks = ScratchBuffers(
      count: blockSamples * theta.count, slots: 1, indexCount: blockSamples * variables)
    noise = BlockNoise(partCount: 1, width: theta.count, samples: blockSamples, columnsOf: k)
    scratch = ScratchBuffers(
      count: CategoricalBlock.scratchCount(
        values: blockSamples * theta.count, rows: blockSamples * variables), slots: 1)
  }

  var relaxedDimension: Int { k * variables }
  var latestRelaxed: [Double] { y }

  func makeHistogram() -> Histogram {
    Histogram(probabilities: problem.probabilities, variables: variables)
  }

  func resetState() {}

  func run(
    count: Int, using rng: inout Xoshiro256StarStar, histogram: inout Histogram,
    relaxed: inout RunningMoments
  ) {
    let relaxedBlock = blocks.slot(0)
    let best = blocks.indices
    let width = k * variables
    let accumulate = relaxed.dimension == width
    // Only the last sample is read unless the moments accumulate every one: then the kernel
    // leaves the block in its columns rather than transposing it (the same numbers).
    let inColumns = !accumulate
    var lastSamples = 0
    var samples = noise.start(count: count, blockSamples: blockSamples, using: rng)
    defer { noise.finish(into: &rng) }
    while samples > 0 {
      lastSamples = samples
      CategoricalBlock.perturb(
        uniforms: noise.part(0), logits: logits.slot(0), k: k, rows: samples * variables,
        variables: variables, temperature: temperature, best: best, relaxed: relaxedBlock,
        relaxedInColumns: inColumns, scratch: scratch.slot(0))
      histogram.record(rows: samples * variables, outcomes: best)
      if accumulate {
        for s in 0..<samples { relaxed.add(UnsafePointer(relaxedBlock + s * width)) }
      }
      samples = noise.nextBlock()
    }
    guard lastSamples > 0 else { return }
    let last = lastSamples - 1
    if inColumns {
      // Value j of variable d of the last sample: row last * D + d of the columns.
      let rows = lastSamples * variables
      for d in 0..<variables {
        for j in 0..<k { y[d * k + j] = relaxedBlock[j * rows + last * variables + d] }
      }
    } else {
      for i in 0..<width { y[i] = relaxedBlock[last * width + i] }
    }
  }
}
