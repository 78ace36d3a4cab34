import Foundation

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
  /// Cumulative probabilities, for inverse-CDF sampling (score function).
  let cumulative: UnsafeMutablePointer<Double>
  /// `f(e_j)` per category.
  let oneHotValues: UnsafeMutablePointer<Double>
  /// Block buffers (rows x K): perturbed logits, relaxed samples, conditional noise, ...
  let blocks: ScratchBuffers
  let blockZ: UnsafeMutablePointer<Double>
  let blockY: UnsafeMutablePointer<Double>
  let blockE: UnsafeMutablePointer<Double>
  let blockZTilde: UnsafeMutablePointer<Double>
  let blockYTilde: UnsafeMutablePointer<Double>
  let blockR: UnsafeMutablePointer<Double>
  let blockQ: UnsafeMutablePointer<Double>
  var best: UnsafeMutablePointer<Int> { blocks.indices }
  /// REBAR's vectorised conditional sampler, when the logits' spread allows it.
  let conditional: ConditionalBlock?

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
    buffers = ScratchBuffers(count: k, slots: 15)
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
    cumulative = buffers.slot(12)
    oneHotValues = buffers.slot(13)
    let ratios = buffers.slot(14)
    blocks = ScratchBuffers(
      count: CategoricalBlock.rows * k, slots: 7, indexCount: CategoricalBlock.rows)
    blockZ = blocks.slot(0)
    blockY = blocks.slot(1)
    blockE = blocks.slot(2)
    blockZTilde = blocks.slot(3)
    blockYTilde = blocks.slot(4)
    blockR = blocks.slot(5)
    blockQ = blocks.slot(6)
    temperature = problem.distribution.temperature ?? 1
    if case .categorical(let theta, _) = problem.distribution {
      var total = 0.0
      for i in 0..<theta.count {
        logits[i] = theta[i]
        probabilities[i] = problem.probabilities[i]
        oneHotValues[i] = problem.objective.oneHotValues[i]
        total += problem.probabilities[i]
        cumulative[i] = total
      }
      let lse = LogSpace.logSumExp(logits, count: theta.count)
      logSumExpLogits = lse
      let top = theta.max()!
      if top - theta.min()! < ConditionalBlock.maximumSpread {
        for i in 0..<theta.count { ratios[i] = Foundation.exp(top - theta[i]) }
        conditional = ConditionalBlock(
          ratios: ratios, maxLogit: top, logSumExp: lse, pMax: Foundation.exp(top - lse))
      } else {
        conditional = nil
      }
    } else {
      logSumExpLogits = 0
      conditional = nil
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
    if usesBlocks {
      runCategoricalBlocks(count: count, using: &rng, into: &moments)
      return
    }
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
