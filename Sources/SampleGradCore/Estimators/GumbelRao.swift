extension EstimatorKind {
  /// Straight-through, Rao-Blackwellised over the noise (Paulus, Maddison, Krause 2021).
  public static let gumbelRao = EstimatorKind("gumbel-rao")
}

/// Gumbel-Rao: draw b by Gumbel-max, then k noise vectors `G_m` conditioned on
/// `argmax(θ + G) = b`, and average the relaxed Jacobians `d relax(θ + G_m) / dθ` (noise held
/// fixed, not differentiated) times `df/dx` at the hard sample. Straight-through is the k = 1
/// case with the noise that drew b, so both have the same mean; averaging never adds
/// variance. On D variables each draw conditions every variable on its own hard value.
struct GumbelRao<Family: ConditionalRelaxation>: GradientEstimator {
  let draws: Int
  var objective: Objective
  var relaxation: Family
  /// z, the hard point, df/dx there, one conditional noise draw, its relaxation and aux, the
  /// Jacobians' running sum; and the hard outcomes.
  let buffers: ScratchBuffers

  init(problem: GradientProblem) {
    draws = problem.options.whole(GumbelRaoEstimator.draws, for: .gumbelRao)
    objective = problem.objective
    relaxation = Family(problem: problem, slots: 1)
    let width = max(relaxation.noiseCount, relaxation.pointCount, relaxation.parameterCount)
    buffers = ScratchBuffers(count: width, slots: 7, indexCount: relaxation.variables)
  }

  mutating func rebind(to problem: GradientProblem) {
    objective = problem.objective
    relaxation.rebind(to: problem)
  }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let hard = buffers.indices
    let x = buffers.slot(1)
    let d = buffers.slot(2)
    let zTilde = buffers.slot(3)
    let y = buffers.slot(4)
    let aux = buffers.slot(5)
    let sum = buffers.slot(6)
    relaxation.perturb(using: &rng, into: buffers.slot(0), hard: hard)
    relaxation.writeHardPoint(hard, into: x)
    objective.gradient(x, count: relaxation.pointCount, into: d)
    for j in 0..<relaxation.parameterCount { sum[j] = 0 }
    for _ in 0..<draws {
      // The noise only: nothing is differentiated through it.
      relaxation.conditional(given: hard, using: &rng, into: zTilde, r: nil, q: nil)
      relaxation.relax(zTilde, into: y, aux: aux)
      relaxation.addJacobian(y: y, aux: aux, upstream: d, into: sum)
    }
    relaxation.writeAverage(sum, draws: draws, upstream: d, into: out)
  }
}

/// Gumbel-Rao's descriptor, its option and its factory.
enum GumbelRaoEstimator {
  /// Conditional noise draws per estimate, k.
  static let draws = EstimatorOption(
    key: "draws", summary: "draws per estimate, k", range: 2...1024, defaultValue: 4,
    isWholeNumber: true)

  static let descriptor = EstimatorDescriptor(
    kind: .gumbelRao, stream: 12, shortName: "Gumbel-Rao", longName: "Gumbel-Rao (ST, k draws)",
    summary: "straight-through with its Jacobian averaged over k conditional noise draws; biased",
    isUnbiased: false,
    needs: EstimatorNeeds(
      distribution: [.relaxation, .conditionalRelaxation], objective: .derivative),
    options: [draws],
    make: { problem in
      func build<F: RelaxableFamily>(_: F) -> any GradientEstimator {
        GumbelRao<F.Relaxation>(problem: problem)
      }
      return build(problem.relaxableFamily)
    })
}
