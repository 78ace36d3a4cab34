/// Single-sample estimators of `d E[f(b)] / d l`, `b ~ Bernoulli(sigmoid(l))`, with the
/// binary Concrete relaxation `y = sigmoid((l + log u - log(1 - u)) / tau)`.
extension GradientSampler {
  func estimateBernoulli(logOdds l: Double, using rng: inout Xoshiro256StarStar) {
    let tau = temperature
    let objective = problem.objective
    let p = problem.probabilities[1]
    // One logistic draw decides b (z > 0 has probability p) and its relaxation.
    let zValue = l + LogSpace.logit(rng.nextOpenUniform())
    let b = zValue > 0 ? 1 : 0
    let bValue = Double(b)
    switch kind {
    case .exact, .reparameterization:
      out[0] = problem.exact.gradient[0]

    case .scoreFunction, .scoreFunctionBaseline:
      let f = objective.value(bValue)
      let c = kind == .scoreFunctionBaseline ? takeBaseline(recording: f) : 0
      out[0] = (f - c) * (bValue - p)

    case .gumbelSoftmax, .straightThrough:
      let relaxed = RelaxedLogistic(z: zValue, temperature: tau)
      let at = kind == .gumbelSoftmax ? relaxed.y : bValue
      out[0] = objective.derivative(at) * relaxed.slope

    case .rebar:
      let relaxed = RelaxedLogistic(z: zValue, temperature: tau)
      let conditional = ConditionalLogistic.sample(
        logOdds: l, given: b, uniform: rng.nextOpenUniform())
      let relaxedTilde = RelaxedLogistic(z: conditional.value, temperature: tau)
      let fTilde = objective.value(relaxedTilde.y)
      let eta = problem.eta
      let gradient = objective.derivative(relaxed.y) * relaxed.slope
      let gradientTilde =
        objective.derivative(relaxedTilde.y) * relaxedTilde.slope * conditional.derivative
      out[0] =
        (objective.value(bValue) - eta * fTilde) * (bValue - p)
        + eta * (gradient - gradientTilde)
    }
  }
}

/// `y = sigmoid(z / tau)` and its slope `dy/dz = y (1 - y) / tau`, without cancellation.
struct RelaxedLogistic {
  let y: Double
  let slope: Double

  @inline(__always)
  init(z: Double, temperature: Double) {
    let x = z / temperature
    y = LogSpace.sigmoid(x)
    slope = y * LogSpace.sigmoid(-x) / temperature
  }
}
