/// One estimator bound to one problem: it owns its scratch memory (nothing is allocated per
/// sample) and its running state (a baseline's mean of `f`, `rebar-auto`'s sums).
///
/// `estimate(into:using:)` is the one-sample reference. A type may override `run` with a
/// faster block path that draws the same uniforms in the same order; one generic test pins
/// every such override to its own one-sample path.
protocol GradientEstimator {
  /// Writes one single-sample estimate (the problem's dimension of values) into `out`.
  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar)

  /// Draws `count` estimates into `moments`.
  mutating func run(
    count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments)

  /// Whether `run` is a block path of its own (not the loop over `estimate`).
  var hasBlockPath: Bool { get }

  /// Forgets running state, as at the start of a new stream.
  mutating func resetState()

  /// The control-variate scale in use, for estimators that have one.
  var eta: Double? { get }
}

extension GradientEstimator {
  var hasBlockPath: Bool { false }
  mutating func resetState() {}
  var eta: Double? { nil }

  mutating func run(
    count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments
  ) {
    loopOneSample(count: count, using: &rng, into: &moments)
  }

  /// The default `run`: the one-sample path, `count` times.
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
}
