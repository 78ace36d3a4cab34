extension EstimatorKind {
  /// Backpropagation through the hard Gumbel-max sample.
  public static let argmax = EstimatorKind("argmax")
}

/// `d onehot(argmax(θ + g)) / dθ = 0` almost everywhere, so backpropagating through an exact
/// discrete sample gives 0: the classic table's "Gumbel-max: differentiable: no", measured
/// (bias -100%, variance 0). It still draws its sample, as a real backward pass would.
struct Argmax<Family: Relaxation>: GradientEstimator {
  var relaxation: Family
  /// z and the hard outcomes of one sample.
  let buffers: ScratchBuffers

  init(problem: GradientProblem) {
    relaxation = Family(problem: problem, slots: 1)
    buffers = ScratchBuffers(
      count: relaxation.noiseCount, slots: 1, indexCount: relaxation.variables)
  }

  mutating func rebind(to problem: GradientProblem) { relaxation.rebind(to: problem) }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    relaxation.perturb(using: &rng, into: buffers.slot(0), hard: buffers.indices)
    for j in 0..<relaxation.parameterCount { out[j] = 0 }
  }
}

enum ArgmaxEstimator {
  /// It backpropagates through Gumbel-max, whose noise is the relaxation's.
  static let descriptor = EstimatorDescriptor(
    kind: .argmax, stream: 8, shortName: "argmax", longName: "backprop through argmax",
    summary: "backpropagate through the exact Gumbel-max sample: the argmax is flat, so 0",
    isUnbiased: false,
    needs: EstimatorNeeds(distribution: [.discrete, .relaxation], objective: .derivative),
    make: { problem in
      func build<F: RelaxableFamily>(_: F) -> any GradientEstimator {
        Argmax<F.Relaxation>(problem: problem)
      }
      return build(problem.relaxableFamily)
    })
}
