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
  /// Owns the K-value buffers the pointers below name.
  let buffers: ScratchBuffers
  let logits: UnsafeMutablePointer<Double>
  /// The perturbed logits that drew b, df/dx at `e_b`, one conditional noise vector, its
  /// relaxation and one Jacobian product.
  let z: UnsafeMutablePointer<Double>
  let d: UnsafeMutablePointer<Double>
  let zTilde: UnsafeMutablePointer<Double>
  let y: UnsafeMutablePointer<Double>
  let product: UnsafeMutablePointer<Double>

  init(problem: GradientProblem) {
    k = problem.categories
    draws = problem.options.draws
    objective = problem.objective
    buffers = ScratchBuffers(count: k, slots: 6)
    logits = buffers.slot(0)
    z = buffers.slot(1)
    d = buffers.slot(2)
    zTilde = buffers.slot(3)
    y = buffers.slot(4)
    product = buffers.slot(5)
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    temperature = problem.distribution.temperature ?? 1
    logits.update(from: problem.distribution.logits, count: k)
    logSumExp = LogSpace.logSumExp(logits, count: k)
  }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let b = GumbelSoftmax.perturb(logits, count: k, rng: &rng, into: z)
    objective.gradientAtOneHot(b, count: k, into: d)
    for j in 0..<k { out[j] = 0 }
    for _ in 0..<draws {
      // The noise only: nothing is differentiated through it, so no r and q.
      ConditionalGumbel.sample(
        logits: logits, logSumExp: logSumExp, count: k, given: b, rng: &rng, into: zTilde)
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
  /// The log-odds and what the conditional draws need of them.
  var conditional: ConditionalLogistic
  let draws: Int
  var temperature = 1.0
  let objective: Objective

  init(problem: GradientProblem) {
    draws = problem.options.draws
    objective = problem.objective
    conditional = ConditionalLogistic(logOdds: problem.distribution.logOdds)
    temperature = problem.distribution.temperature ?? 1
  }

  mutating func rebind(to problem: GradientProblem) {
    conditional = ConditionalLogistic(logOdds: problem.distribution.logOdds)
    temperature = problem.distribution.temperature ?? 1
  }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let b = conditional.logOdds + LogSpace.logit(rng.nextOpenUniform()) > 0 ? 1 : 0
    var slope = 0.0
    for _ in 0..<draws {
      let z = conditional.sample(given: b, uniform: rng.nextOpenUniform())
      slope += RelaxedLogistic(z: z.value, temperature: temperature).slope
    }
    out[0] = objective.derivative(Double(b)) * slope / Double(draws)
  }
}
