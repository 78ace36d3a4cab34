/// Draws samples of the distribution itself, for the histogram and the relaxed vectors:
/// Gumbel-max samples (categorical), logistic-threshold samples (bernoulli) or `mean + std *
/// eps` (gaussian), each with its relaxation at the scenario's temperature.
public final class OutcomeSampler {
  public let problem: GradientProblem
  let k: Int
  let buffers: ScratchBuffers
  let logits: UnsafeMutablePointer<Double>
  let z: UnsafeMutablePointer<Double>
  /// The latest relaxed sample (categorical: K values; bernoulli: `[1 - y, y]`).
  let y: UnsafeMutablePointer<Double>
  var normals = NormalPairs()
  /// Block buffers (rows x K) for the vectorised categorical path.
  let blocks: ScratchBuffers

  public init(problem: GradientProblem) {
    self.problem = problem
    k = max(problem.categories, 1)
    buffers = ScratchBuffers(count: k, slots: 3)
    logits = buffers.slot(0)
    z = buffers.slot(1)
    y = buffers.slot(2)
    blocks = ScratchBuffers(
      count: CategoricalBlock.rows * k, slots: 2, indexCount: CategoricalBlock.rows)
    if case .categorical(let theta, _) = problem.distribution.spec {
      for i in 0..<theta.count { logits[i] = theta[i] }
    }
  }

  /// Forgets the spare normal a gaussian's Box-Muller pair left over, so the next sample is
  /// drawn as by a fresh sampler: each chunk of a run must start so, whichever chunk the
  /// sampler drew before (it would otherwise depend on how chunks fall to threads).
  public func resetState() { normals = NormalPairs() }

  /// An empty histogram of the right shape for this problem.
  public func makeHistogram() -> Histogram {
    if problem.distribution.isDiscrete {
      return Histogram(probabilities: problem.probabilities)
    }
    let p = problem.distribution.parameters
    return Histogram(normalMean: p[0], std: p[1])
  }

  /// Values in a relaxed sample (0 for a gaussian, which has none).
  public var relaxedDimension: Int { problem.categories }

  /// The relaxed sample drawn by the latest `draw` (a copy).
  public var latestRelaxed: [Double] {
    Array(UnsafeBufferPointer(start: y, count: relaxedDimension))
  }

  /// Draws one sample into the histogram; its relaxation is then `latestRelaxed`.
  @inline(__always)
  public func draw(using rng: inout Xoshiro256StarStar, into histogram: inout Histogram) {
    switch problem.distribution.spec {
    case .categorical(_, let tau):
      let b = GumbelSoftmax.perturb(logits, count: k, rng: &rng, into: z)
      GumbelSoftmax.relax(z, count: k, temperature: tau, into: y)
      histogram.record(category: b)
    case .bernoulli(let l, let tau):
      let zValue = l + LogSpace.logit(rng.nextOpenUniform())
      let relaxed = RelaxedLogistic(z: zValue, temperature: tau)
      y[0] = LogSpace.sigmoid(-zValue / tau)
      y[1] = relaxed.y
      histogram.record(category: zValue > 0 ? 1 : 0)
    case .gaussian(let mean, let std):
      histogram.record(value: mean + std * normals.next(using: &rng))
    }
  }

  /// Draws `count` samples into the histogram and their relaxations into `relaxed`.
  public func run(
    count: Int, using rng: inout Xoshiro256StarStar, histogram: inout Histogram,
    relaxed: inout RunningMoments
  ) {
    if case .categorical(_, let tau) = problem.distribution.spec {
      runCategoricalBlocks(
        count: count, temperature: tau, using: &rng, histogram: &histogram, relaxed: &relaxed)
      return
    }
    let hasRelaxation = relaxedDimension > 0
    for _ in 0..<count {
      draw(using: &rng, into: &histogram)
      if hasRelaxation { relaxed.add(UnsafePointer(y)) }
    }
  }

  /// Gumbel-max samples and their relaxations, a block at a time.
  private func runCategoricalBlocks(
    count: Int, temperature: Double, using rng: inout Xoshiro256StarStar,
    histogram: inout Histogram, relaxed: inout RunningMoments
  ) {
    let z = blocks.slot(0)
    let relaxedBlock = blocks.slot(1)
    let best = blocks.indices
    let accumulate = relaxed.dimension == k
    var remaining = count
    var lastRows = 0
    while remaining > 0 {
      let rows = min(remaining, CategoricalBlock.rows)
      lastRows = rows
      CategoricalBlock.perturb(logits: logits, k: k, rows: rows, rng: &rng, into: z, best: best)
      CategoricalBlock.relax(z, k: k, rows: rows, temperature: temperature, into: relaxedBlock)
      for row in 0..<rows {
        histogram.record(category: best[row])
        if accumulate { relaxed.add(UnsafePointer(relaxedBlock + row * k)) }
      }
      remaining -= rows
    }
    if lastRows > 0 { y.update(from: relaxedBlock + (lastRows - 1) * k, count: k) }
  }
}
