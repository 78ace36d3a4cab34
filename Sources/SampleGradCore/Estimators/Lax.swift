extension EstimatorKind {
  /// The score function with a learned, reparameterized control variate (Grathwohl et al.
  /// 2018).
  public static let lax = EstimatorKind("lax")
}

/// LAX (Grathwohl, Choi, Wu, Roeder, Duvenaud 2018), for a sample written `x = x(θ, eps)`:
/// `g = (f(x) - c(x)) grad log p(x) + grad_θ c(x(θ, eps))`, `c = r` a tanh network
/// (`TanhNetwork`) of the sample. The score-function term's mean is `grad E[f] - grad E[c]`
/// and the pathwise term's is `grad E[c]`, so it is unbiased for any `c`, and it needs `f` at
/// the sample only, never `df/dx`: it works on a step, where the pathwise gradient is 0.
///
/// With `s` the score and `dx/dθ` the path's slope, `grad_θ c(x) = c'(x) dx/dθ`, and the
/// exact gradient of the estimate's squared norm with the noise held fixed is
/// `d|g|^2/dψ = 2 [ -(g . s) dc(x)/dψ + (g . dx/dθ) dc'(x)/dψ ]`
/// (`TanhNetwork.accumulateParameterGradient` along the direction `g . dx/dθ`). One optimiser
/// step follows each estimate (`SurrogateTrainer`); `c` starts at 0, where LAX is the score
/// function. In `run` it restarts with each chunk; in a race it learns alongside the
/// parameters. One variable: the path gives one `x`.
struct Lax<Path: ScoredPath>: GradientEstimator {
  var path: Path
  let network: TanhNetwork
  var trainer: SurrogateTrainer
  /// `dx/dθ`, the score, the sample and `f` there, `c'(x)`, and the direction `g . dx/dθ`.
  let buffers: ScratchBuffers

  static var networkSeed: UInt64 { 17 }

  init(problem: GradientProblem) {
    path = Path(problem: problem, slots: 1)
    let options = problem.options
    network = TanhNetwork(inputs: 1, width: options.whole(LaxEstimator.width, for: .lax))
    trainer = SurrogateTrainer(
      count: network.parameterCount, rate: options[LaxEstimator.rate, for: .lax],
      optimizer: SurrogateTrainer.kind(options.whole(LaxEstimator.optimizer, for: .lax)))
    buffers = ScratchBuffers(count: max(path.parameterCount, 2), slots: 5)
    network.initialize(trainer.initial, seed: Self.networkSeed)
    trainer.reset()
  }

  mutating func rebind(to problem: GradientProblem) { path.rebind(to: problem) }

  mutating func resetState() {
    path.resetState()
    trainer.reset()
  }

  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    drawNoise(using: &rng)
    surrogateEstimate(into: out)
    guard trainer.isLearning else { return }
    writeVarianceGradient(estimate: out)
    trainer.step()
  }

  private var slope: UnsafeMutablePointer<Double> { buffers.slot(0) }
  private var score: UnsafeMutablePointer<Double> { buffers.slot(1) }
  /// The sample `x` and `f(x)`.
  private var point: UnsafeMutablePointer<Double> { buffers.slot(2) }
  private var derivative: UnsafeMutablePointer<Double> { buffers.slot(3) }
  private var direction: UnsafeMutablePointer<Double> { buffers.slot(4) }

  /// One sample `x`, its slope `dx/dθ`, `f(x)` and its score.
  mutating func drawNoise(using rng: inout Xoshiro256StarStar) {
    let x = path.drawPath(using: &rng, slope: slope)
    point[0] = x
    point[1] = path.value(x)
    path.writeScore(times: 1, into: score)
  }

  /// Writes `g` at the current `ψ` for the sample `drawNoise` left.
  func surrogateEstimate(into out: UnsafeMutablePointer<Double>) {
    let c = network.evaluate(UnsafePointer(trainer.parameters), at: point, gradient: derivative)
    let weight = point[1] - c
    for j in 0..<path.parameterCount { out[j] = weight * score[j] + derivative[0] * slope[j] }
  }

  /// `trainer.gradient = d|g|^2/dψ` (see the type's comment).
  func writeVarianceGradient(estimate g: UnsafePointer<Double>) {
    var gs = 0.0
    var along = 0.0
    for j in 0..<path.parameterCount {
      gs += g[j] * score[j]
      along += g[j] * slope[j]
    }
    direction[0] = along
    let sum = trainer.gradient
    for j in 0..<trainer.count { sum[j] = 0 }
    network.accumulateParameterGradient(
      UnsafePointer(trainer.parameters), at: point, direction: direction, valueWeight: -gs,
      directionWeight: 1, into: sum)
    for j in 0..<trainer.count { sum[j] *= 2 }
  }

  var surrogateInputs: Int { 1 }

  func surrogate(at point: UnsafePointer<Double>) -> SurrogateReading? {
    let r = network.evaluate(
      UnsafePointer(trainer.parameters), at: point, gradient: buffers.slot(3))
    return SurrogateReading(value: r, relaxed: 0, network: r)
  }
}

/// LAX's descriptor. Its options are RELAX's (`RelaxEstimator`): one declaration per key, so
/// the two can never disagree on a range or default.
enum LaxEstimator {
  static let rate = RelaxEstimator.rate
  static let width = RelaxEstimator.width
  static let optimizer = RelaxEstimator.optimizer

  static let descriptor = EstimatorDescriptor(
    kind: .lax, stream: 17, shortName: "LAX", longName: "LAX (learned surrogate)",
    summary: "score function minus a learned c(x), plus its pathwise gradient; unbiased",
    isUnbiased: true, needs: EstimatorNeeds(distribution: .continuous),
    options: [rate, width, optimizer], surrogateEvaluations: { _ in 1 },
    make: { problem in
      func build<F: PathwiseFamily>(_: F) -> any GradientEstimator {
        Lax<F.Path>(problem: problem)
      }
      guard let family = problem.distribution.spec.family as? any PathwiseFamily else {
        preconditionFailure("a \(problem.distribution.kind.rawValue) has no pathwise sample")
      }
      return build(family)
    })
}
