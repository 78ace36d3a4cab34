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
      count: blockSamples * theta.count, slots: 2, indexCount: blockSamples * variables)
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
    let z = blocks.slot(0)
    let relaxedBlock = blocks.slot(1)
    let best = blocks.indices
    let width = k * variables
    let accumulate = relaxed.dimension == width
    var remaining = count
    var lastSamples = 0
    while remaining > 0 {
      let samples = min(remaining, blockSamples)
      lastSamples = samples
      let rows = samples * variables
      for i in 0..<(rows * k) { z[i] = rng.nextOpenUniform() }
      CategoricalBlock.perturb(
        uniforms: z, logits: logits.slot(0), k: k, rows: rows, variables: variables, best: best)
      CategoricalBlock.relax(z, k: k, rows: rows, temperature: temperature, into: relaxedBlock)
      for s in 0..<samples {
        for d in 0..<variables { histogram.record(variable: d, outcome: best[s * variables + d]) }
        if accumulate { relaxed.add(UnsafePointer(relaxedBlock + s * width)) }
      }
      remaining -= samples
    }
    if lastSamples > 0 {
      let last = relaxedBlock + (lastSamples - 1) * width
      for i in 0..<width { y[i] = last[i] }
    }
  }
}
