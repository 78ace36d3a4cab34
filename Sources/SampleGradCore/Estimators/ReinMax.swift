extension EstimatorKind {
  /// Second-order straight-through (Liu et al. 2023).
  public static let reinMax = EstimatorKind("reinmax")
}

/// ReinMax (Liu, Liu, Gao, Han, Gao, Zhou 2023, "Bridging discrete and backpropagation:
/// straight-through and beyond", Algorithm 2): forward the hard sample `D` of `pi0 = p`,
/// backward through `pi2 = 2 pi1 - pi0 / 2` with `pi1 = (D + softmax(θ / τ)) / 2`, each `pi`
/// differentiated as a softmax at its value:
///
/// `g = (2 J(pi1) - J(pi0) / 2)^T df/dx(D)`, `J(pi) = diag(pi) - pi pi^T`
///
/// (`Relaxation.reinMaxBackward`). It approximates the gradient to second order (Heun's
/// method) where straight-through is first order; still biased. Its authors use `τ >= 1`, the
/// opposite of Gumbel-softmax, since `τ` only shapes `pi1`. One evaluation of `df/dx`; on D
/// variables each row (or bit) has its own `pi0` and `pi1`.
struct ReinMax<Family: Relaxation>: GradientEstimator {
  let objective: Objective
  var relaxation: Family
  /// The perturbed logits (for the exact sample), the hard point and `df/dx` there.
  let buffers: ScratchBuffers

  init(problem: GradientProblem) {
    objective = problem.objective
    relaxation = Family(problem: problem, slots: 1)
    let width = max(relaxation.noiseCount, relaxation.pointCount, relaxation.parameterCount)
    buffers = ScratchBuffers(count: width, slots: 3, indexCount: relaxation.variables)
  }

  mutating func rebind(to problem: GradientProblem) { relaxation.rebind(to: problem) }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let hard = buffers.indices
    let x = buffers.slot(1)
    let d = buffers.slot(2)
    relaxation.perturb(using: &rng, into: buffers.slot(0), hard: hard)
    relaxation.writeHardPoint(hard, into: x)
    objective.gradient(x, count: relaxation.pointCount, into: d)
    relaxation.reinMaxBackward(hard: hard, upstream: d, into: out)
  }
}

/// ReinMax's descriptor.
enum ReinMaxEstimator {
  static let descriptor = EstimatorDescriptor(
    kind: .reinMax, stream: 19, shortName: "ReinMax", longName: "ReinMax (2nd-order ST)",
    summary: "straight-through to second order: back through 2 pi1 - pi0/2; biased",
    isUnbiased: false,
    needs: EstimatorNeeds(distribution: .relaxation, objective: .derivative),
    make: { problem in
      func build<F: RelaxableFamily>(_: F) -> any GradientEstimator {
        ReinMax<F.Relaxation>(problem: problem)
      }
      return build(problem.relaxableFamily)
    })
}
