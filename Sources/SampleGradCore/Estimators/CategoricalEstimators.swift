/// Single-sample estimators of `d E[f(x)] / d logits`, `x ~ Categorical(softmax(logits))`.
///
/// The one-sample reference path: `estimate(using:)` and tests use it, and REBAR falls back
/// to it for logits spread over more than 700. `run` takes the block path
/// (`CategoricalBlockEstimators.swift`), which tests pin to this one.
extension GradientSampler {
  func estimateCategorical(using rng: inout Xoshiro256StarStar) {
    let n = k
    let tau = temperature
    let objective = problem.objective
    switch kind {
    case .exact, .reparameterization:
      for j in 0..<n { out[j] = problem.exact.gradient[j] }

    case .scoreFunction, .scoreFunctionBaseline:
      // (f(e_b) - c) (e_b - p)
      let b = GumbelSoftmax.perturb(logits, count: n, rng: &rng, into: z)
      let f = objective.oneHotValues[b]
      let c = kind == .scoreFunctionBaseline ? takeBaseline(recording: f) : 0
      for j in 0..<n { out[j] = (f - c) * ((j == b ? 1 : 0) - probabilities[j]) }

    case .gumbelSoftmax:
      _ = GumbelSoftmax.perturb(logits, count: n, rng: &rng, into: z)
      GumbelSoftmax.relax(z, count: n, temperature: tau, into: y)
      objective.gradient(y, count: n, into: d)
      GumbelSoftmax.backward(y: y, upstream: d, count: n, temperature: tau, into: out)

    case .straightThrough:
      // Forward with the hard sample e_b, backward through the soft one.
      let b = GumbelSoftmax.perturb(logits, count: n, rng: &rng, into: z)
      GumbelSoftmax.relax(z, count: n, temperature: tau, into: y)
      objective.gradientAtOneHot(b, count: n, into: d)
      GumbelSoftmax.backward(y: y, upstream: d, count: n, temperature: tau, into: out)

    case .rebar:
      estimateCategoricalRebar(using: &rng)
    }
  }

  /// `[f(e_b) - eta f(s(ztilde))] (e_b - p) + eta d f(s(z)) - eta d f(s(ztilde))`,
  /// `s(z) = softmax(z / tau)`.
  private func estimateCategoricalRebar(using rng: inout Xoshiro256StarStar) {
    let n = k
    let tau = temperature
    let eta = problem.eta
    let objective = problem.objective
    let b = GumbelSoftmax.perturb(logits, count: n, rng: &rng, into: z)
    let fHard = objective.oneHotValues[b]

    // eta * d f(s(z)) / d logits, with the Gumbel noise held fixed.
    GumbelSoftmax.relax(z, count: n, temperature: tau, into: y)
    objective.gradient(y, count: n, into: d)
    GumbelSoftmax.backward(y: y, upstream: d, count: n, temperature: tau, into: relaxedGradient)

    // The control variate at the conditional sample, differentiated through ztilde(logits).
    ConditionalGumbel.sample(
      logits: logits, logSumExp: logSumExpLogits, count: n, given: b, rng: &rng,
      into: zTilde, r: r, q: q)
    GumbelSoftmax.relax(zTilde, count: n, temperature: tau, into: yTilde)
    let fTilde = objective.value(yTilde, count: n)
    objective.gradient(yTilde, count: n, into: dTilde)
    GumbelSoftmax.backward(y: yTilde, upstream: dTilde, count: n, temperature: tau, into: z)
    ConditionalGumbel.backward(
      upstream: z, probabilities: probabilities, count: n, given: b, r: r, q: q, into: y)

    let weight = fHard - eta * fTilde
    for j in 0..<n {
      let score = (j == b ? 1 : 0) - probabilities[j]
      out[j] = weight * score + eta * (relaxedGradient[j] - y[j])
    }
  }
}
