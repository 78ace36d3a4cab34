/// One estimator bound to one problem: it owns its scratch memory (nothing is allocated per
/// sample) and its running state (a baseline's mean of `f`, `rebar-auto`'s sums).
///
/// `estimate(into:using:)` is the one-sample reference. A type may override `run` with a
/// faster block path that draws the same uniforms in the same order; one generic test pins
/// every such override to its own one-sample path.
///
/// Training moves the parameters every step: `rebind(to:)` re-points the estimator in place
/// (its buffers are reused, nothing is allocated) and keeps its running state, so a baseline
/// or rebar-auto's sums carry across steps. One generic test pins every `rebind` to a fresh
/// build on the new problem.
protocol GradientEstimator {
  /// Re-derives everything that depends on the parameters (probabilities, logits,
  /// temperature, mean and std) from `problem`, which has the same family, size, objective
  /// and options as the one it was built for; running state is kept.
  mutating func rebind(to problem: GradientProblem)

  /// Primes running state before the first estimate of a training run, from draws of its
  /// own stream that no later estimate reuses (the baseline starts at `f` of one extra draw,
  /// not at 0). Estimators without running state draw nothing.
  mutating func warmUp(using rng: inout Xoshiro256StarStar)

  /// Writes one single-sample estimate (the problem's dimension of values) into `out`.
  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar)

  /// Draws `count` estimates into `moments`.
  mutating func run(
    count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments)

  /// Writes the mean of `count` one-sample estimates into `mean`, using `one` (the problem's
  /// dimension of values each) for each estimate: one training step's batch.
  mutating func averageEstimate(
    count: Int, using rng: inout Xoshiro256StarStar, scratch one: UnsafeMutablePointer<Double>,
    into mean: UnsafeMutableBufferPointer<Double>)

  /// Whether `run` is a block path of its own (not the loop over `estimate`).
  var hasBlockPath: Bool { get }

  /// Forgets running state, as at the start of a new stream.
  mutating func resetState()

  /// The values of the descriptor's `diagnostics`, in its order (rebar-auto's latest eta).
  var diagnostics: [Double] { get }

  /// Values in a point of the learned control variate's domain (RELAX: the perturbed
  /// logits; LAX: the sample), or 0 for an estimator without one.
  var surrogateInputs: Int { get }

  /// The learned control variate at `point` (`surrogateInputs` values), as it stands now.
  func surrogate(at point: UnsafePointer<Double>) -> SurrogateReading?
}

extension GradientEstimator {
  var hasBlockPath: Bool { false }
  mutating func resetState() {}
  mutating func warmUp(using rng: inout Xoshiro256StarStar) {}
  var diagnostics: [Double] { [] }
  var surrogateInputs: Int { 0 }
  func surrogate(at point: UnsafePointer<Double>) -> SurrogateReading? { nil }

  mutating func run(
    count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments
  ) {
    loopOneSample(count: count, using: &rng, into: &moments)
  }

  /// The default `run`: the one-sample path, `count` times.
  @inline(__always)
  mutating func loopOneSample(
    count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments
  ) {
    // One buffer per call (a chunk or a batch), not per sample; no closure captures `self`,
    // so the loop specialises and inlines `estimate`.
    let dimension = max(moments.dimension, 1)
    let out = UnsafeMutablePointer<Double>.allocate(capacity: dimension)
    out.initialize(repeating: 0, count: dimension)
    defer { out.deallocate() }
    for _ in 0..<count {
      estimate(into: out, using: &rng)
      moments.add(UnsafePointer(out))
    }
  }

  /// The default `averageEstimate`: a requirement, like `run`, so the loop is specialised
  /// for each estimator and `estimate` is not called through an existential per sample.
  mutating func averageEstimate(
    count: Int, using rng: inout Xoshiro256StarStar, scratch one: UnsafeMutablePointer<Double>,
    into mean: UnsafeMutableBufferPointer<Double>
  ) {
    averageOneSample(count: count, using: &rng, scratch: one, into: mean)
  }

  /// The default `averageEstimate`'s loop, for estimators that declare their own to
  /// specialise it.
  @inline(__always)
  mutating func averageOneSample(
    count: Int, using rng: inout Xoshiro256StarStar, scratch one: UnsafeMutablePointer<Double>,
    into mean: UnsafeMutableBufferPointer<Double>
  ) {
    let dimension = mean.count
    for j in 0..<dimension { mean[j] = 0 }
    for _ in 0..<count {
      estimate(into: one, using: &rng)
      for j in 0..<dimension { mean[j] += one[j] }
    }
    guard count > 1 else { return }
    let n = Double(count)
    for j in 0..<dimension { mean[j] /= n }
  }
}
