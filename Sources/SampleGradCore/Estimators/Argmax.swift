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
  /// The hard outcomes of a block, and its uniforms, where the family has blocks.
  let blocks: ScratchBuffers?
  let noise: BlockNoise?

  init(problem: GradientProblem) {
    relaxation = Family(problem: problem, slots: 1)
    buffers = ScratchBuffers(
      count: relaxation.noiseCount, slots: 1, indexCount: relaxation.variables)
    let samples = relaxation.blockSamples
    blocks =
      samples > 0
      ? ScratchBuffers(count: 1, slots: 1, indexCount: samples * relaxation.variables) : nil
    noise =
      samples > 0 ? relaxation.blockNoise(parts: 1, samples: samples) : nil
  }

  var hasBlockPath: Bool { blocks != nil }

  mutating func rebind(to problem: GradientProblem) { relaxation.rebind(to: problem) }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    relaxation.perturb(using: &rng, into: buffers.slot(0), hard: buffers.indices)
    for j in 0..<relaxation.parameterCount { out[j] = 0 }
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

  /// The same a block at a time: the Gumbel-max samples with the logs vectorised, and no
  /// relaxation (nothing reads it).
  @_specialize(where Family == CategoricalRelaxation)
  @_specialize(where Family == BernoulliRelaxation)
  mutating func run(
    count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments
  ) {
    guard let blocks, let noise else {
      loopOneSample(count: count, using: &rng, into: &moments)
      return
    }
    let dimension = max(moments.dimension, 1)
    let out = UnsafeMutablePointer<Double>.allocate(capacity: dimension)
    out.initialize(repeating: 0, count: dimension)
    defer { out.deallocate() }
    var samples = noise.start(count: count, blockSamples: relaxation.blockSamples, using: rng)
    defer { noise.finish(into: &rng) }
    while samples > 0 {
      relaxation.perturbBlock(
        noise, samples: samples, hard: blocks.indices, relaxed: nil)
      moments.add(UnsafePointer(out), times: samples)
      samples = noise.nextBlock()
    }
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
