/// The forward passes of the estimators built on the Concrete relaxation: the Gumbel-max
/// sample `b = argmax(θ + g)` for every one of them but Gumbel-softmax, whose forward pass
/// evaluates `f` at the relaxed vector `y = softmax((θ + g) / τ)` instead.

extension Relaxation {
  /// Fresh noise into `z` and the hard sample into `hard`, as each estimator's `estimate`
  /// starts; records the hard sample.
  func forwardHard(
    using rng: inout Xoshiro256StarStar, z: UnsafeMutablePointer<Double>,
    hard: UnsafeMutablePointer<Int>, into tally: inout ForwardTally
  ) {
    perturb(using: &rng, into: z, hard: hard)
    tally.record(hard: hard)
    tally.countPass()
  }
}

extension Relaxed: ForwardSampling {
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    let z = buffers.slot(0)
    switch forward {
    case .hard:
      relaxation.forwardHard(using: &rng, z: z, hard: buffers.indices, into: &tally)
    case .relaxed:
      let y = buffers.slot(1)
      relaxation.perturb(using: &rng, into: z, hard: buffers.indices)
      relaxation.relax(z, into: y, aux: buffers.slot(2))
      tally.record(point: y)
      tally.countPass()
    }
  }
}

extension Argmax: ForwardSampling {
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    relaxation.forwardHard(using: &rng, z: buffers.slot(0), hard: buffers.indices, into: &tally)
  }
}

extension Rebar: ForwardSampling {
  /// `f(b)` at the hard sample; its control variate's `f(s(z))` and `f(s(z~))` are not the
  /// forward pass.
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    relaxation.forwardHard(using: &rng, z: buffers.slot(0), hard: buffers.indices, into: &tally)
  }
}

extension GumbelRao: ForwardSampling {
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    relaxation.forwardHard(using: &rng, z: buffers.slot(0), hard: buffers.indices, into: &tally)
  }
}

extension ReinMax: ForwardSampling {
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    relaxation.forwardHard(using: &rng, z: buffers.slot(0), hard: buffers.indices, into: &tally)
  }
}

extension Relax: ForwardSampling {
  /// `f(b)` at the hard sample of the estimate's own noise draw.
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    drawNoise(using: &rng)
    tally.record(hard: buffers.indices)
    tally.countPass()
  }
}
