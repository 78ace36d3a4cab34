extension EstimatorKind {
  /// Backpropagation through the hard Gumbel-max sample.
  public static let argmax = EstimatorKind("argmax")
}

/// `d onehot(argmax(θ + g)) / dθ = 0` almost everywhere, so backpropagating through an exact
/// discrete sample gives 0: the classic table's "Gumbel-max: differentiable: no", measured
/// (bias -100%, variance 0). It still draws its sample, as a real backward pass would.
struct Argmax: GradientEstimator {
  static let descriptor = EstimatorDescriptor(
    kind: .argmax, stream: 8, shortName: "argmax", longName: "backprop through argmax",
    summary: "backpropagate through the exact Gumbel-max sample: the argmax is flat, so 0",
    isUnbiased: false,
    needs: EstimatorNeeds(distribution: .discrete, objective: .derivative),
    make: { Argmax(problem: $0) })

  let k: Int
  var logOdds = 0.0
  let buffers: ScratchBuffers

  init(problem: GradientProblem) {
    k = problem.distribution.parameterCount
    buffers = ScratchBuffers(count: k, slots: 2)
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    if k == 1 {
      logOdds = problem.distribution.logOdds
    } else {
      buffers.slot(0).update(from: problem.distribution.logits, count: k)
    }
  }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    if k == 1 {
      _ = logOdds + LogSpace.logit(rng.nextOpenUniform()) > 0  // the Bernoulli sample
    } else {
      _ = GumbelSoftmax.perturb(buffers.slot(0), count: k, rng: &rng, into: buffers.slot(1))
    }
    for j in 0..<k { out[j] = 0 }
  }
}
