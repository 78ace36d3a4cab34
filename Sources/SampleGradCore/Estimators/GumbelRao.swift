extension EstimatorKind {
  /// Straight-through, Rao-Blackwellised over the noise (Paulus, Maddison, Krause 2021).
  public static let gumbelRao = EstimatorKind("gumbel-rao")
}

/// Gumbel-Rao: draw b by Gumbel-max, then k noise vectors `G_m` conditioned on
/// `argmax(θ + G) = b`, and average the relaxed Jacobians `d softmax((θ + G_m)/τ)/dθ` (noise
/// held fixed, not differentiated) times `df/dx` at `e_b`. Straight-through is the k = 1 case
/// with the noise that drew b, so both have the same mean; averaging never adds variance.
enum GumbelRao {
  static let descriptor = EstimatorDescriptor(
    kind: .gumbelRao, stream: 12, shortName: "Gumbel-Rao", longName: "Gumbel-Rao (ST, k draws)",
    summary: "straight-through with its Jacobian averaged over k conditional noise draws; biased",
    isUnbiased: false,
    needs: EstimatorNeeds(
      distribution: [.relaxation, .conditionalRelaxation], objective: .derivative),
    make: { problem in
      if case .bernoulli = problem.distribution.spec {
        return BernoulliGumbelRao(problem: problem)
      }
      return CategoricalGumbelRao(problem: problem)
    })
}

struct CategoricalGumbelRao: GradientEstimator {
  let k: Int
  let draws: Int
  var temperature = 1.0
  let objective: Objective
  var logSumExp = 0.0
  /// logits, z, d, zTilde, y, r, q, one Jacobian product.
  let buffers: ScratchBuffers

  init(problem: GradientProblem) {
    k = problem.categories
    draws = problem.options.draws
    objective = problem.objective
    buffers = ScratchBuffers(count: k, slots: 8)
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    temperature = problem.distribution.temperature ?? 1
    buffers.slot(0).update(from: problem.distribution.parameters, count: k)
    logSumExp = LogSpace.logSumExp(buffers.slot(0), count: k)
  }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let logits = buffers.slot(0)
    let d = buffers.slot(2)
    let zTilde = buffers.slot(3)
    let y = buffers.slot(4)
    let product = buffers.slot(7)
    let b = GumbelSoftmax.perturb(logits, count: k, rng: &rng, into: buffers.slot(1))
    objective.gradientAtOneHot(b, count: k, into: d)
    for j in 0..<k { out[j] = 0 }
    for _ in 0..<draws {
      ConditionalGumbel.sample(
        logits: logits, logSumExp: logSumExp, count: k, given: b, rng: &rng, into: zTilde,
        r: buffers.slot(5), q: buffers.slot(6))
      GumbelSoftmax.relax(zTilde, count: k, temperature: temperature, into: y)
      GumbelSoftmax.backward(y: y, upstream: d, count: k, temperature: temperature, into: product)
      for j in 0..<k { out[j] += product[j] }
    }
    let inverse = 1 / Double(draws)
    for j in 0..<k { out[j] *= inverse }
  }
}

/// Binary Concrete: `f'(b)` times the mean of `y (1 - y) / τ` over k conditional logistic
/// samples `z~ ~ p(z | b)`.
struct BernoulliGumbelRao: GradientEstimator {
  var logOdds = 0.0
  let draws: Int
  var temperature = 1.0
  let objective: Objective

  init(problem: GradientProblem) {
    draws = problem.options.draws
    objective = problem.objective
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    logOdds = problem.distribution.parameters[0]
    temperature = problem.distribution.temperature ?? 1
  }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let b = logOdds + LogSpace.logit(rng.nextOpenUniform()) > 0 ? 1 : 0
    var slope = 0.0
    for _ in 0..<draws {
      let z = ConditionalLogistic.sample(logOdds: logOdds, given: b, uniform: rng.nextOpenUniform())
      slope += RelaxedLogistic(z: z.value, temperature: temperature).slope
    }
    out[0] = objective.derivative(Double(b)) * slope / Double(draws)
  }
}
