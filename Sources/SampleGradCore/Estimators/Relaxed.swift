extension EstimatorKind {
  /// The Concrete relaxation's pathwise gradient (Jang, Gu, Poole 2017; Maddison et al. 2017).
  public static let gumbelSoftmax = EstimatorKind("gumbel-softmax")
  /// Hard sample forward, relaxed Jacobian backward (Bengio et al. 2013; Jang et al. 2017).
  public static let straightThrough = EstimatorKind("straight-through")
}

/// The two estimators that differentiate through the relaxed sample `y = relax(θ + g)` with
/// the noise `g` held fixed: Gumbel-softmax evaluates `df/dx` at `y` (unbiased for the
/// relaxed objective only); straight-through evaluates it at the hard sample. On D variables
/// each is relaxed with its own noise and `f` sees all of them. One type for every family
/// with a relaxation; where the family has a block path, `run` takes it.
struct Relaxed<Family: Relaxation>: GradientEstimator {
  let forward: RelaxedEstimators.Forward
  var objective: Objective
  var relaxation: Family
  /// One sample: z, y, aux, the point df/dx is taken at, df/dx; and the hard outcomes.
  let buffers: ScratchBuffers
  /// Block buffers: y of `blockSamples` samples, and their hard outcomes.
  let blocks: ScratchBuffers?
  /// The blocks' uniforms.
  let noise: BlockNoise?

  init(problem: GradientProblem, forward: RelaxedEstimators.Forward) {
    self.forward = forward
    objective = problem.objective
    relaxation = Family(problem: problem, slots: 1)
    let width = max(relaxation.noiseCount, relaxation.pointCount)
    buffers = ScratchBuffers(count: width, slots: 5, indexCount: relaxation.variables)
    let samples = relaxation.blockSamples
    blocks =
      samples > 0
      ? ScratchBuffers(
        count: samples * width, slots: 1, indexCount: samples * relaxation.variables) : nil
    noise =
      samples > 0 ? relaxation.blockNoise(parts: 1, samples: samples) : nil
  }

  mutating func rebind(to problem: GradientProblem) {
    objective = problem.objective
    relaxation.rebind(to: problem)
  }

  var hasBlockPath: Bool { blocks != nil }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let z = buffers.slot(0)
    let y = buffers.slot(1)
    let aux = buffers.slot(2)
    relaxation.perturb(using: &rng, into: z, hard: buffers.indices)
    relaxation.relax(z, into: y, aux: aux)
    backward(y: y, aux: aux, hard: buffers.indices, into: out)
  }

  /// `df/dx` at `y` or at the hard sample, through the relaxation's Jacobian.
  @inline(__always)
  private func backward(
    y: UnsafePointer<Double>, aux: UnsafePointer<Double>, hard: UnsafePointer<Int>,
    into out: UnsafeMutablePointer<Double>
  ) {
    let n = relaxation.pointCount
    let d = buffers.slot(4)
    switch forward {
    case .relaxed:
      objective.gradient(y, count: n, into: d)
    case .hard:
      let x = buffers.slot(3)
      relaxation.writeHardPoint(hard, into: x)
      objective.gradient(x, count: n, into: d)
    }
    relaxation.backward(y: y, aux: aux, upstream: d, into: out)
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

  /// The same formula a block of samples at a time, with the logs and exps vectorised.
  @_specialize(where Family == CategoricalRelaxation)
  @_specialize(where Family == BernoulliRelaxation)
  mutating func run(
    count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments
  ) {
    guard let blocks, let noise else {
      loopOneSample(count: count, using: &rng, into: &moments)
      return
    }
    let y = blocks.slot(0)
    let hard = blocks.indices
    let width = relaxation.noiseCount
    let variables = relaxation.variables
    let out = UnsafeMutablePointer<Double>.allocate(capacity: relaxation.parameterCount)
    defer { out.deallocate() }
    var samples = noise.start(count: count, blockSamples: relaxation.blockSamples, using: rng)
    defer { noise.finish(into: &rng) }
    while samples > 0 {
      relaxation.perturbBlock(
        noise, samples: samples, hard: hard, relaxed: y)
      for s in 0..<samples {
        // Families with a block path need no `aux` beside `y` (see `perturbBlock`).
        backward(y: y + s * width, aux: y + s * width, hard: hard + s * variables, into: out)
        moments.add(UnsafePointer(out))
      }
      samples = noise.nextBlock()
    }
  }
}

/// The descriptors of the two relaxed estimators and their factory.
enum RelaxedEstimators {
  /// Where `df/dx` is evaluated.
  enum Forward { case relaxed, hard }

  static let gumbelSoftmaxDescriptor = EstimatorDescriptor(
    kind: .gumbelSoftmax, stream: 5, shortName: "Gumbel-softmax",
    summary: "differentiate f at the relaxed sample softmax((logits + g) / tau); biased",
    isUnbiased: false,
    needs: EstimatorNeeds(distribution: .relaxation, objective: [.derivative, .relaxedPoints]),
    make: { make($0, forward: .relaxed) })

  static let straightThroughDescriptor = EstimatorDescriptor(
    kind: .straightThrough, stream: 6, shortName: "ST-Gumbel", longName: "straight-through Gumbel",
    summary: "f' at the hard sample, times the relaxed sample's Jacobian; biased",
    isUnbiased: false, needs: EstimatorNeeds(distribution: .relaxation, objective: .derivative),
    make: { make($0, forward: .hard) })

  static func make(_ problem: GradientProblem, forward: Forward) -> any GradientEstimator {
    func build<F: RelaxableFamily>(_: F) -> any GradientEstimator {
      Relaxed<F.Relaxation>(problem: problem, forward: forward)
    }
    return build(problem.relaxableFamily)
  }
}

extension GradientProblem {
  /// The family as one with a relaxation. Only estimators whose needs include `.relaxation`
  /// ask, and a family offers `.relaxation` exactly when it is a `RelaxableFamily` (a test
  /// pins both sides for every family).
  var relaxableFamily: any RelaxableFamily {
    guard let family = distribution.spec.family as? any RelaxableFamily else {
      preconditionFailure("a \(distribution.kind.rawValue) distribution has no relaxation")
    }
    return family
  }
}
