/// REBAR for a Bernoulli (see `Rebar`), with the binary Concrete relaxation and the
/// conditional logistic sample of `ConditionalLogistic`.
struct BernoulliRebar: GradientEstimator {
  /// The log-odds and what the conditional draw needs of them.
  var conditional = ConditionalLogistic(logOdds: 0)
  var p = 0.5
  var temperature = 1.0
  let objective: Objective
  var etaRule: EtaRule
  /// [p], A, C, relaxedGradient, conditionalGradient (one value each).
  let buffers = ScratchBuffers(count: 1, slots: 5)
  let combine: RebarCombine

  init(problem: GradientProblem, eta: EtaRule) {
    objective = problem.objective
    etaRule = eta
    combine = RebarCombine(a: buffers.slot(1), c: buffers.slot(2))
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    conditional = ConditionalLogistic(logOdds: problem.distribution.logOdds)
    p = problem.probabilities[1]
    temperature = problem.distribution.temperature ?? 1
    buffers.slot(0)[0] = p
  }

  var eta: Double? { etaRule.current }
  mutating func resetState() { etaRule.reset() }

  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    let z = conditional.logOdds + LogSpace.logit(rng.nextOpenUniform())
    let b = z > 0 ? 1 : 0
    let relaxed = RelaxedLogistic(z: z, temperature: temperature)
    let zTilde = conditional.sample(given: b, uniform: rng.nextOpenUniform())
    let relaxedTilde = RelaxedLogistic(z: zTilde.value, temperature: temperature)
    let fTilde = objective.value(relaxedTilde.y)
    buffers.slot(3)[0] = objective.derivative(relaxed.y) * relaxed.slope
    buffers.slot(4)[0] =
      objective.derivative(relaxedTilde.y) * relaxedTilde.slope * zTilde.derivative
    // The score of b w.r.t. l is b - p: the combine's `[j == hit] - p_j` with its one
    // component hit exactly when b = 1.
    combine(
      eta: &etaRule, count: 1, hard: b == 1 ? 0 : -1, fHard: objective.outcomeValues[b],
      fTilde: fTilde, probabilities: buffers.slot(0), relaxedGradient: buffers.slot(3),
      conditionalGradient: buffers.slot(4), into: out)
  }
}
