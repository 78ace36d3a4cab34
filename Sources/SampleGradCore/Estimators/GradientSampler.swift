/// Draws single-sample gradient estimates of one estimator on one problem.
///
/// One sampler per worker and estimator: it owns its buffers (nothing is allocated per
/// sample) and the running state some estimators keep (the baseline's mean of `f`).
public final class GradientSampler {
  public let problem: GradientProblem
  public let kind: EstimatorKind

  let k: Int
  let buffers: ScratchBuffers
  let logits: UnsafeMutablePointer<Double>
  let probabilities: UnsafeMutablePointer<Double>
  let z: UnsafeMutablePointer<Double>
  let y: UnsafeMutablePointer<Double>
  let d: UnsafeMutablePointer<Double>
  let zTilde: UnsafeMutablePointer<Double>
  let yTilde: UnsafeMutablePointer<Double>
  let dTilde: UnsafeMutablePointer<Double>
  let r: UnsafeMutablePointer<Double>
  let q: UnsafeMutablePointer<Double>
  let relaxedGradient: UnsafeMutablePointer<Double>
  let out: UnsafeMutablePointer<Double>
  let logSumExpLogits: Double
  let temperature: Double

  /// Sum and count of `f` over this stream's earlier samples (score-function-baseline).
  var baselineSum = 0.0
  var baselineCount = 0
  var normals = NormalPairs()

  public init(problem: GradientProblem, kind: EstimatorKind) throws(EstimatorNotApplicable) {
    guard kind.applies(to: problem.distribution.kind) else {
      throw EstimatorNotApplicable(estimator: kind, distribution: problem.distribution.kind)
    }
    self.problem = problem
    self.kind = kind
    k = max(problem.categories, problem.dimension)
    buffers = ScratchBuffers(count: k, slots: 12)
    logits = buffers.slot(0)
    probabilities = buffers.slot(1)
    z = buffers.slot(2)
    y = buffers.slot(3)
    d = buffers.slot(4)
    zTilde = buffers.slot(5)
    yTilde = buffers.slot(6)
    dTilde = buffers.slot(7)
    r = buffers.slot(8)
    q = buffers.slot(9)
    relaxedGradient = buffers.slot(10)
    out = buffers.slot(11)
    temperature = problem.distribution.temperature ?? 1
    if case .categorical(let theta, _) = problem.distribution {
      for i in 0..<theta.count {
        logits[i] = theta[i]
        probabilities[i] = problem.probabilities[i]
      }
      logSumExpLogits = LogSpace.logSumExp(logits, count: theta.count)
    } else {
      logSumExpLogits = 0
    }
  }

  /// Forgets running state (the baseline), as at the start of a new stream.
  public func resetState() {
    baselineSum = 0
    baselineCount = 0
    normals = NormalPairs()
  }

  /// Draws one estimate. The result is valid until the next call.
  public func estimate(using rng: inout Xoshiro256StarStar) -> UnsafeBufferPointer<Double> {
    estimateInPlace(using: &rng)
    return UnsafeBufferPointer(start: out, count: problem.dimension)
  }

  /// Draws `count` estimates into `moments`.
  public func run(
    count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments
  ) {
    for _ in 0..<count {
      estimateInPlace(using: &rng)
      moments.add(UnsafePointer(out))
    }
  }

  func estimateInPlace(using rng: inout Xoshiro256StarStar) {
    switch problem.distribution {
    case .categorical: estimateCategorical(using: &rng)
    case .bernoulli(let l, _): estimateBernoulli(logOdds: l, using: &rng)
    case .gaussian(let mean, let std): estimateGaussian(mean: mean, std: std, using: &rng)
    }
  }

  /// The baseline for the next sample, then records `f` for the ones after it.
  @inline(__always)
  func takeBaseline(recording f: Double) -> Double {
    let c = baselineCount == 0 ? 0 : baselineSum / Double(baselineCount)
    baselineSum += f
    baselineCount += 1
    return c
  }

}
