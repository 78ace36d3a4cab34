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

  public init(problem: GradientProblem) {
    self.problem = problem
    k = max(problem.categories, 1)
    buffers = ScratchBuffers(count: k, slots: 3)
    logits = buffers.slot(0)
    z = buffers.slot(1)
    y = buffers.slot(2)
    if case .categorical(let theta, _) = problem.distribution {
      for i in 0..<theta.count { logits[i] = theta[i] }
    }
  }

  /// An empty histogram of the right shape for this problem.
  public func makeHistogram() -> Histogram {
    if case .gaussian(let mean, let std) = problem.distribution {
      return Histogram(normalMean: mean, std: std)
    }
    return Histogram(probabilities: problem.probabilities)
  }

  /// Values in a relaxed sample (0 for a gaussian, which has none).
  public var relaxedDimension: Int { problem.categories }

  /// The relaxed sample drawn by the latest `draw`.
  public var latestRelaxed: UnsafeBufferPointer<Double> {
    UnsafeBufferPointer(start: y, count: relaxedDimension)
  }

  /// Draws one sample into the histogram; its relaxation is then `latestRelaxed`.
  @inline(__always)
  public func draw(using rng: inout Xoshiro256StarStar, into histogram: inout Histogram) {
    switch problem.distribution {
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
    let hasRelaxation = relaxedDimension > 0
    for _ in 0..<count {
      draw(using: &rng, into: &histogram)
      if hasRelaxation { relaxed.add(UnsafePointer(y)) }
    }
  }
}
