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
  /// Block buffers: y~, df/dx and the Jacobians' sums of `blockSamples` samples; and their
  /// hard outcomes.
  let blocks: ScratchBuffers?
  /// The blocks' uniforms: the noise of z, then of each of the k draws, sample by sample.
  let noise: BlockNoise?
  /// Samples per block: the family's, fewer when the k draws' noise would not fit one.
  let blockSamples: Int

  init(problem: GradientProblem) {
    draws = problem.options.whole(GumbelRaoEstimator.draws, for: .gumbelRao)
    objective = problem.objective
    relaxation = Family(problem: problem, slots: 1)
    let width = max(relaxation.noiseCount, relaxation.pointCount, relaxation.parameterCount)
    buffers = ScratchBuffers(count: width, slots: 7, indexCount: relaxation.variables)
    // About 4,096 uniforms per block, as the family's own blocks.
    blockSamples = min(
      relaxation.blockSamples, max(1, 4096 / max((draws + 1) * relaxation.noiseCount, 1)))
    blocks =
      blockSamples > 0
      ? ScratchBuffers(
        count: blockSamples * width, slots: 3, indexCount: blockSamples * relaxation.variables)
      : nil
    noise =
      blockSamples > 0
      ? relaxation.blockNoise(parts: draws + 1, samples: blockSamples)
      : nil
  }

  var hasBlockPath: Bool { blocks != nil && relaxation.hasConditionalBlock }

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

  // Specialised for the families: reached through `any GradientEstimator`, the generic
  // code would call the family through witness tables per sample.
  @_specialize(where Family == CategoricalRelaxation)
  @_specialize(where Family == BernoulliRelaxation)
  mutating func averageEstimate(
    count: Int, using rng: inout Xoshiro256StarStar, scratch one: UnsafeMutablePointer<Double>,
    into mean: UnsafeMutableBufferPointer<Double>
  ) {
    averageOneSample(count: count, using: &rng, scratch: one, into: mean)
  }

  /// The same a block at a time: the hard outcomes of the whole block, then each draw's
  /// conditional sample and relaxation for the whole block (in the one-log form of REBAR's
  /// block path, vectorised), each sample's Jacobians summed in draw order.
  @_specialize(where Family == CategoricalRelaxation)
  @_specialize(where Family == BernoulliRelaxation)
  mutating func run(
    count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments
  ) {
    guard let blocks, let noise, relaxation.hasConditionalBlock else {
      loopOneSample(count: count, using: &rng, into: &moments)
      return
    }
    let width = max(relaxation.noiseCount, relaxation.pointCount, relaxation.parameterCount)
    let points = relaxation.pointCount
    let parameters = relaxation.parameterCount
    let variables = relaxation.variables
    let hard = blocks.indices
    let yTilde = blocks.slot(0)
    let d = blocks.slot(1)
    let sums = blocks.slot(2)
    let x = buffers.slot(1)
    let out = buffers.slot(0)
    var samples = noise.start(count: count, blockSamples: blockSamples, using: rng)
    defer { noise.finish(into: &rng) }
    while samples > 0 {
      relaxation.perturbBlock(
        noise, samples: samples, hard: hard, relaxed: nil)
      for s in 0..<samples {
        relaxation.writeHardPoint(hard + s * variables, into: x)
        objective.gradient(x, count: points, into: d + s * width)
        let sum = sums + s * width
        for j in 0..<parameters { sum[j] = 0 }
      }
      for draw in 1...draws {
        // The noise only: nothing is differentiated through it.
        relaxation.conditionalBlock(
          samples: samples, hard: hard, uniforms: noise.part(draw), relaxed: yTilde, r: nil,
          q: nil)
        for s in 0..<samples {
          let y = yTilde + s * relaxation.noiseCount
          relaxation.addJacobian(y: y, aux: y, upstream: d + s * width, into: sums + s * width)
        }
      }
      for s in 0..<samples {
        relaxation.writeAverage(sums + s * width, draws: draws, upstream: d + s * width, into: out)
        moments.add(UnsafePointer(out))
      }
      samples = noise.nextBlock()
    }
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
