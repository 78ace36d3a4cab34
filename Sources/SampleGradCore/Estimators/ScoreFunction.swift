extension EstimatorKind {
  /// REINFORCE: `f(x) grad log p(x)` (Williams 1992).
  public static let scoreFunction = EstimatorKind("score-function")
  /// REINFORCE with the running mean of `f` over earlier samples as a baseline.
  public static let scoreFunctionBaseline = EstimatorKind("score-function-baseline")
}

/// The score-function (likelihood-ratio) estimator, `(f(x) - c) grad log p(x)`, with `c = 0`
/// or the running mean of `f` over the earlier samples of the same stream (which keeps it
/// unbiased: `c` never depends on the current sample).
enum ScoreFunction {
  static let descriptor = EstimatorDescriptor(
    kind: .scoreFunction, stream: 2, shortName: "score function",
    summary: "REINFORCE: f(x) times the gradient of log p(x); needs only f at samples",
    isUnbiased: true, make: { make($0, baseline: false) })

  static let baselineDescriptor = EstimatorDescriptor(
    kind: .scoreFunctionBaseline, stream: 3, shortName: "SF + baseline",
    longName: "score function + baseline",
    summary: "REINFORCE with f minus the running mean of f over earlier samples",
    isUnbiased: true, make: { make($0, baseline: true) })

  static func make(_ problem: GradientProblem, baseline: Bool) -> any GradientEstimator {
    switch problem.distribution.spec {
    case .categorical: CategoricalScoreFunction(problem: problem, usesBaseline: baseline)
    case .bernoulli: BernoulliScoreFunction(problem: problem, usesBaseline: baseline)
    case .gaussian: GaussianScoreFunction(problem: problem, usesBaseline: baseline)
    }
  }
}

/// The running mean of `f` over the earlier samples of one stream.
struct RunningBaseline {
  let isEnabled: Bool
  private var sum = 0.0
  private var count = 0

  init(isEnabled: Bool) { self.isEnabled = isEnabled }

  /// The baseline for this sample (0 for the first, or when disabled), then records `f`.
  @inline(__always)
  mutating func take(recording f: Double) -> Double {
    guard isEnabled else { return 0 }
    let c = count == 0 ? 0 : sum / Double(count)
    sum += f
    count += 1
    return c
  }

  mutating func reset() { self = RunningBaseline(isEnabled: isEnabled) }
}

/// `(f(e_b) - c)(e_b - p)`, with b drawn by inverting the cumulative probabilities: one
/// uniform and no logarithm (the score function needs an exact sample, not its noise).
struct CategoricalScoreFunction: GradientEstimator {
  let k: Int
  /// Owns the memory the three pointers below read (p, cumulative p, f at each outcome).
  let buffers: ScratchBuffers
  let probabilities: UnsafeMutablePointer<Double>
  let cumulative: UnsafeMutablePointer<Double>
  let values: UnsafeMutablePointer<Double>
  var baseline: RunningBaseline

  init(problem: GradientProblem, usesBaseline: Bool) {
    k = problem.categories
    buffers = ScratchBuffers(count: k, slots: 3)
    probabilities = buffers.slot(0)
    cumulative = buffers.slot(1)
    values = buffers.slot(2)
    // The objective is fixed for the estimator's life: its outcome values are copied once.
    values.update(from: problem.objective.outcomeValues, count: k)
    baseline = RunningBaseline(isEnabled: usesBaseline)
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    var total = 0.0
    for j in 0..<k {
      probabilities[j] = problem.probabilities[j]
      total += problem.probabilities[j]
      cumulative[j] = total
    }
  }

  /// The baseline starts at `f` of one draw that no estimate uses.
  mutating func warmUp(using rng: inout Xoshiro256StarStar) {
    guard baseline.isEnabled else { return }
    _ = baseline.take(recording: values[draw(using: &rng)])
  }

  /// One outcome, by inverting the cumulative probabilities.
  @inline(__always)
  private func draw(using rng: inout Xoshiro256StarStar) -> Int {
    let u = rng.nextOpenUniform()
    var b = k - 1
    for j in 0..<(k - 1) where u < cumulative[j] {
      b = j
      break
    }
    return b
  }

  @inline(__always)
  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    let b = draw(using: &rng)
    let f = values[b]
    let weight = f - baseline.take(recording: f)
    for j in 0..<k { out[j] = -weight * probabilities[j] }
    out[b] += weight
  }

  mutating func resetState() { baseline.reset() }
}

/// `(f(b) - c)(b - p)`, b decided by one logistic draw (`l + logit(u) > 0` has probability p).
struct BernoulliScoreFunction: GradientEstimator {
  var logOdds = 0.0
  var p = 0.5
  let values: [Double]
  var baseline: RunningBaseline

  init(problem: GradientProblem, usesBaseline: Bool) {
    values = problem.objective.outcomeValues
    baseline = RunningBaseline(isEnabled: usesBaseline)
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    logOdds = problem.distribution.logOdds
    p = problem.probabilities[1]
  }

  /// The baseline starts at `f` of one draw that no estimate uses.
  mutating func warmUp(using rng: inout Xoshiro256StarStar) {
    guard baseline.isEnabled else { return }
    _ = baseline.take(recording: values[draw(using: &rng)])
  }

  @inline(__always)
  private func draw(using rng: inout Xoshiro256StarStar) -> Int {
    logOdds + LogSpace.logit(rng.nextOpenUniform()) > 0 ? 1 : 0
  }

  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    let b = draw(using: &rng)
    let f = values[b]
    out[0] = (f - baseline.take(recording: f)) * (Double(b) - p)
  }

  mutating func resetState() { baseline.reset() }
}

/// `(f(x) - c) (eps / std, (eps^2 - 1) / std)`: the gradients of `log N(x; mean, std)`
/// written through `eps = (x - mean) / std`, so nothing cancels.
struct GaussianScoreFunction: GradientEstimator {
  let objective: Objective
  var noise: GaussianNoise
  var baseline: RunningBaseline

  init(problem: GradientProblem, usesBaseline: Bool) {
    objective = problem.objective
    noise = GaussianNoise(problem: problem)
    baseline = RunningBaseline(isEnabled: usesBaseline)
  }

  mutating func rebind(to problem: GradientProblem) { noise.rebind(to: problem) }

  /// The baseline starts at `f` of one draw that no estimate uses.
  mutating func warmUp(using rng: inout Xoshiro256StarStar) {
    guard baseline.isEnabled else { return }
    let eps = noise.eps(using: &rng)
    _ = baseline.take(recording: objective.value(noise.mean + noise.std * eps))
  }

  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    let eps = noise.eps(using: &rng)
    let std = noise.std
    let f = objective.value(noise.mean + std * eps)
    let weight = f - baseline.take(recording: f)
    out[0] = weight * eps / std
    out[1] = weight * (eps * eps - 1) / std
  }

  mutating func resetState() {
    baseline.reset()
    noise.reset()
  }
}
