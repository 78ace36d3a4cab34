extension EstimatorKind {
  /// The Concrete relaxation's pathwise gradient (Jang, Gu, Poole 2017; Maddison et al. 2017).
  public static let gumbelSoftmax = EstimatorKind("gumbel-softmax")
  /// Hard sample forward, relaxed Jacobian backward (Bengio et al. 2013; Jang et al. 2017).
  public static let straightThrough = EstimatorKind("straight-through")
}

/// The two estimators that differentiate through the relaxed sample `y = softmax((θ + g)/τ)`
/// with the Gumbel noise `g` held fixed. Gumbel-softmax evaluates `df/dx` at `y` (unbiased
/// for the relaxed objective only); straight-through evaluates it at the hard sample `e_b`.
enum Relaxed {
  /// Where `df/dx` is evaluated.
  enum Forward { case relaxed, hard }

  static let gumbelSoftmaxDescriptor = EstimatorDescriptor(
    kind: .gumbelSoftmax, stream: 5, shortName: "Gumbel-softmax",
    summary: "differentiate f at the relaxed sample softmax((logits + g) / tau); biased",
    isUnbiased: false,
    needs: EstimatorNeeds(distribution: .relaxation, objective: [.derivative, .relaxedPoints]),
    make: { make($0, forward: .relaxed) })

  static let straightThroughDescriptor = EstimatorDescriptor(
    kind: .straightThrough, stream: 6, shortName: "ST-Gumbel", longName: "straight-through Gumbel",
    summary: "f' at the hard sample, times the relaxed sample's Jacobian; biased",
    isUnbiased: false, needs: EstimatorNeeds(distribution: .relaxation, objective: .derivative),
    make: { make($0, forward: .hard) })

  static func make(_ problem: GradientProblem, forward: Forward) -> any GradientEstimator {
    if case .bernoulli = problem.distribution.spec {
      return BernoulliRelaxed(problem: problem, forward: forward)
    }
    return CategoricalRelaxed(problem: problem, forward: forward)
  }
}

/// `(1/τ) y_j (d_j - Σ_k y_k d_k)` with `d = df/dx` at `y` or at `e_b`.
struct CategoricalRelaxed: GradientEstimator {
  let k: Int
  let forward: Relaxed.Forward
  var temperature = 1.0
  let objective: Objective
  /// logits, z, y, d.
  let buffers: ScratchBuffers
  /// rows x K perturbed logits and relaxed samples.
  let blocks: ScratchBuffers

  init(problem: GradientProblem, forward: Relaxed.Forward) {
    k = problem.categories
    self.forward = forward
    objective = problem.objective
    buffers = ScratchBuffers(count: k, slots: 4)
    blocks = ScratchBuffers(
      count: CategoricalBlock.rows * k, slots: 2, indexCount: CategoricalBlock.rows)
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    temperature = problem.distribution.temperature ?? 1
    buffers.slot(0).update(from: problem.distribution.logits, count: k)
  }

  var hasBlockPath: Bool { true }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let z = buffers.slot(1)
    let y = buffers.slot(2)
    let b = GumbelSoftmax.perturb(buffers.slot(0), count: k, rng: &rng, into: z)
    GumbelSoftmax.relax(z, count: k, temperature: temperature, into: y)
    backward(y: y, hard: b, into: out)
  }

  @inline(__always)
  private func backward(
    y: UnsafePointer<Double>, hard b: Int, into out: UnsafeMutablePointer<Double>
  ) {
    let d = buffers.slot(3)
    switch forward {
    case .relaxed: objective.gradient(y, count: k, into: d)
    case .hard: objective.gradientAtOneHot(b, count: k, into: d)
    }
    GumbelSoftmax.backward(y: y, upstream: d, count: k, temperature: temperature, into: out)
  }

  /// The same formula a block of 64 samples at a time, with the logs and exps vectorised.
  func run(count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments) {
    let z = blocks.slot(0)
    let y = blocks.slot(1)
    let best = blocks.indices
    let logits = buffers.slot(0)
    let out = UnsafeMutablePointer<Double>.allocate(capacity: k)
    defer { out.deallocate() }
    var remaining = count
    while remaining > 0 {
      let rows = min(remaining, CategoricalBlock.rows)
      CategoricalBlock.perturb(logits: logits, k: k, rows: rows, rng: &rng, into: z, best: best)
      CategoricalBlock.relax(z, k: k, rows: rows, temperature: temperature, into: y)
      for row in 0..<rows {
        backward(y: y + row * k, hard: best[row], into: out)
        moments.add(UnsafePointer(out))
      }
      remaining -= rows
    }
  }
}

/// Binary Concrete: `f'(y) dy/dl` (relaxed) or `f'(b) dy/dl` (hard), with
/// `y = sigmoid((l + logit u) / τ)` and `dy/dl = y (1 - y) / τ`.
struct BernoulliRelaxed: GradientEstimator {
  var logOdds = 0.0
  var temperature = 1.0
  let forward: Relaxed.Forward
  let objective: Objective

  init(problem: GradientProblem, forward: Relaxed.Forward) {
    self.forward = forward
    objective = problem.objective
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    logOdds = problem.distribution.logOdds
    temperature = problem.distribution.temperature ?? 1
  }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let z = logOdds + LogSpace.logit(rng.nextOpenUniform())
    let relaxed = RelaxedLogistic(z: z, temperature: temperature)
    let at = forward == .relaxed ? relaxed.y : (z > 0 ? 1 : 0)
    out[0] = objective.derivative(at) * relaxed.slope
  }
}
