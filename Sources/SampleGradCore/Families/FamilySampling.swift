import CVectorMath

/// The hot-path side of a family: a value type built once per estimator and problem that owns
/// its buffers (nothing is allocated per sample) and precomputes what depends on the
/// parameters. `rebind(to:)` re-points it at new parameters of the same shape (a training
/// step) and keeps its running state; `resetState()` forgets it (a gaussian's spare normal).
///
/// Estimators are written against these protocols once, for every family; each family
/// implements them in its own folder with its own floating-point forms, which the seeded
/// numbers pin.
protocol FamilySampler {
  /// A sampler for `problem` holding up to `slots` samples at once (leave-one-out's k).
  init(problem: GradientProblem, slots: Int)
  mutating func rebind(to problem: GradientProblem)
  mutating func resetState()
}

extension FamilySampler {
  mutating func resetState() {}
}

/// Exact samples, `f` at them, and their scores `grad log p(x)`: all the score-function
/// family of estimators needs.
protocol ExactSampling: FamilySampler {
  /// Draws one exact sample into `slot` (categorical rows by inverting the cumulative
  /// probabilities, bits by a threshold on one uniform each, a gaussian's `eps`).
  mutating func draw(slot: Int, using rng: inout Xoshiro256StarStar)
  /// `f` at the sample in `slot`.
  func value(slot: Int) -> Double
  /// `out = weight * score(x_slot)`, every component written.
  func writeScore(slot: Int, times weight: Double, into out: UnsafeMutablePointer<Double>)
  /// `out = sum_i weights[i] score(x_i) / divisor` over slots `0..<count`, every component
  /// written (leave-one-out's sum, with its `1 / (k - 1)`).
  func writeScoreSum(
    weights: UnsafePointer<Double>, count: Int, dividedBy divisor: Double,
    into out: UnsafeMutablePointer<Double>)
}

/// The Concrete relaxation of a discrete family: perturbed logits `z`, the hard sample they
/// decide, the relaxed point `y = relax(z)` that `f` is evaluated at, and the product of the
/// relaxation's Jacobian (noise held fixed) with `df/dy`.
///
/// Buffers are laid out per sample: `noiseCount` values of `z`, `pointCount` coordinates of a
/// point (simplex rows `D x K`, or `D` relaxed bits), `variables` hard outcomes, and
/// `pointCount` values of `aux` (what `backward` needs beside `y`: a relaxed bit's slope).
protocol Relaxation: FamilySampler {
  var variables: Int { get }
  var noiseCount: Int { get }
  var pointCount: Int { get }
  /// Gradient components (the family's parameters).
  var parameterCount: Int { get }
  var temperature: Double { get }

  /// Fresh noise: `z` and the hard outcome of each variable (an exact sample).
  func perturb(
    using rng: inout Xoshiro256StarStar, into z: UnsafeMutablePointer<Double>,
    hard: UnsafeMutablePointer<Int>)
  /// `y = relax(z)` at the temperature, and `aux` for `backward`.
  func relax(
    _ z: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>,
    aux: UnsafeMutablePointer<Double>)
  /// The hard sample as a point (one-hot rows, or bits).
  func writeHardPoint(_ hard: UnsafePointer<Int>, into x: UnsafeMutablePointer<Double>)
  /// `f` at the hard sample.
  func hardValue(_ hard: UnsafePointer<Int>) -> Double
  /// `out = d f(relax(z)) / dz` (= d/d parameters with the noise held fixed) from `d = df/dy`.
  func backward(
    y: UnsafePointer<Double>, aux: UnsafePointer<Double>, upstream d: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>)

  /// Adds one draw's Jacobian to `accumulator` for an average over draws that share the same
  /// `df/dy` (Gumbel-Rao); `writeAverage` then writes the average's product with it.
  func addJacobian(
    y: UnsafePointer<Double>, aux: UnsafePointer<Double>, upstream d: UnsafePointer<Double>,
    into accumulator: UnsafeMutablePointer<Double>)
  func writeAverage(
    _ accumulator: UnsafePointer<Double>, draws: Int, upstream d: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>)

  /// ReinMax's backward pass at the hard sample (Liu et al. 2023, Algorithm 2): per variable,
  /// `pi0 = p`, `pi1 = (onehot(b) + softmax(θ / τ)) / 2` and
  /// `out = (2 J(pi1) - J(pi0) / 2)^T d` with `J(pi) = diag(pi) - pi pi^T` and `d = df/dx` at
  /// the hard sample (a bit is the two categories `(1 - b, b)` with logits `(0, l)`).
  func reinMaxBackward(
    hard: UnsafePointer<Int>, upstream d: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>)

  /// The probabilities the score `e_b - p` subtracts, one per gradient component.
  var scoreProbabilities: UnsafePointer<Double> { get }
  /// The components the score's `e_b` part hits for this hard sample (at most `variables`);
  /// returns how many.
  func scoreHits(_ hard: UnsafePointer<Int>, into hits: UnsafeMutablePointer<Int>) -> Int

  /// Samples per block of the vectorised path, or 0 where the family has none.
  var blockSamples: Int { get }
  /// The uniforms of a block path of `parts` parts (`noiseCount` each per sample), laid out
  /// as `perturbBlock` and `conditionalBlock` read them.
  func blockNoise(parts: Int, samples: Int) -> BlockNoise
  /// A block's hard outcomes and, when `y` is given, its relaxed points (no `aux`: only
  /// families without one have blocks), from the uniforms of `noise`'s part 0 (`noiseCount`
  /// per sample, drawn sample by sample in `perturb`'s order; overwritten). `y` is row-major.
  func perturbBlock(
    _ noise: BlockNoise, samples: Int, hard: UnsafeMutablePointer<Int>,
    relaxed y: UnsafeMutablePointer<Double>?)
}

/// A relaxation with REBAR's conditional sample `z~ ~ p(z | b)`.
protocol ConditionalRelaxation: Relaxation {
  /// Draws `z~` given the hard outcomes from fresh uniforms. With `r` and `q` (each
  /// `noiseCount` values) it also writes what `conditionalBackward` needs; without them it
  /// draws the noise only (Gumbel-Rao does not differentiate through it).
  func conditional(
    given hard: UnsafePointer<Int>, using rng: inout Xoshiro256StarStar,
    into zTilde: UnsafeMutablePointer<Double>, r: UnsafeMutablePointer<Double>?,
    q: UnsafeMutablePointer<Double>?)
  /// Chains `s = df/dz~` through `z~(parameters)`: `out = (dz~/dθ)^T s`.
  func conditionalBackward(
    upstream s: UnsafePointer<Double>, given hard: UnsafePointer<Int>, r: UnsafePointer<Double>,
    q: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>)
  /// Whether `conditionalBlock` can be used at these parameters.
  var hasConditionalBlock: Bool { get }
  /// A whole REBAR block in the family's kernels (`sg_rebar_rows`), where the family,
  /// `objective`, CPU and block size have them: draws the block's Gumbel noise into `hard`
  /// and `y` (in its columns) and its conditional noise, then with a fixed `eta` writes the
  /// estimates into `out`, or with `eta` nil (rebar-auto) `A` into `out` and `C` into `c`.
  /// False, drawing nothing: the caller takes the block sample by sample.
  func rebarBlock(
    _ noise: BlockNoise, samples: Int, hard: UnsafeMutablePointer<Int>,
    y: UnsafeMutablePointer<Double>, objective: Objective, eta: Double?,
    out: UnsafeMutablePointer<Double>, c: UnsafeMutablePointer<Double>
  ) -> Bool
  /// `conditional` for a block, from fresh uniforms (overwritten), relaxed into `y`; with
  /// `r` and `q`, what `conditionalBackward` needs too.
  func conditionalBlock(
    samples: Int, hard: UnsafePointer<Int>, uniforms v: UnsafeMutablePointer<Double>,
    relaxed y: UnsafeMutablePointer<Double>, r: UnsafeMutablePointer<Double>?,
    q: UnsafeMutablePointer<Double>?)
}

/// The relaxation at a temperature the caller chooses, with its first and second derivatives,
/// and the forward product through the conditional sample. RELAX's surrogate
/// `c(z) = eta f(relax_lambda(z)) + r(z)` learns its own temperature `lambda`, and it trains on
/// the gradient of its estimate's squared norm, which holds `d c(z) / dz`: so it needs the
/// derivative of that gradient along a direction (the Hessian-vector product of
/// `f(relax_lambda(z))`), formed here from the relaxation's pieces, forward over reverse.
protocol TemperedRelaxation: ConditionalRelaxation {
  /// `y = relax(z)` at `temperature`, and in `aux` what the derivatives need beside `y` (a
  /// relaxed bit's complement `1 - y`, computed as its own sigmoid).
  func relax(
    _ z: UnsafePointer<Double>, temperature: Double, into y: UnsafeMutablePointer<Double>,
    aux: UnsafeMutablePointer<Double>)
  /// `out = (dy/dz)^T d`, the vector-Jacobian product at `temperature`.
  func backward(
    y: UnsafePointer<Double>, aux: UnsafePointer<Double>, temperature: Double,
    upstream d: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>)
  /// The derivative along a direction of `backward`'s output, `d/dt [(dy/dz)^T d]`, given the
  /// tangents `yDot = (dy/dz) u` and `dDot` of `y` and of the upstream `d`.
  func backwardTangent(
    y: UnsafePointer<Double>, aux: UnsafePointer<Double>, temperature: Double,
    upstream d: UnsafePointer<Double>, yDot: UnsafePointer<Double>,
    dDot: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>)
  /// `out = (dz~/dθ) w`: the forward product through `z~(θ)`, `conditionalBackward`'s
  /// transpose, with the `r` and `q` that `conditional` wrote.
  func conditionalTangent(
    direction w: UnsafePointer<Double>, given hard: UnsafePointer<Int>, r: UnsafePointer<Double>,
    q: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>)
}

extension TemperedRelaxation {
  /// `out = (dy/dz) u`, the Jacobian-vector product (the tangent of `y` along `u`). Every
  /// family's relaxation is a softmax or sigmoid of `z / temperature`, whose Jacobian
  /// `(1/λ)(diag(y) - y y^T)` (per variable) is symmetric: the forward product is `backward`.
  func tangent(
    y: UnsafePointer<Double>, aux: UnsafePointer<Double>, temperature: Double,
    direction u: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>
  ) {
    backward(y: y, aux: aux, temperature: temperature, upstream: u, into: out)
  }
}

extension Relaxation {
  var blockSamples: Int { 0 }
  func blockNoise(parts: Int, samples: Int) -> BlockNoise {
    preconditionFailure("no block path")
  }
  func perturbBlock(
    _ noise: BlockNoise, samples: Int, hard: UnsafeMutablePointer<Int>,
    relaxed y: UnsafeMutablePointer<Double>?
  ) {
    preconditionFailure("no block path")
  }
}

extension ConditionalRelaxation {
  var hasConditionalBlock: Bool { false }
  func rebarBlock(
    _ noise: BlockNoise, samples: Int, hard: UnsafeMutablePointer<Int>,
    y: UnsafeMutablePointer<Double>, objective: Objective, eta: Double?,
    out: UnsafeMutablePointer<Double>, c: UnsafeMutablePointer<Double>
  ) -> Bool { false }
  func conditionalBlock(
    samples: Int, hard: UnsafePointer<Int>, uniforms v: UnsafeMutablePointer<Double>,
    relaxed y: UnsafeMutablePointer<Double>, r: UnsafeMutablePointer<Double>?,
    q: UnsafeMutablePointer<Double>?
  ) {
    preconditionFailure("no block path")
  }
}

/// D independent discrete variables, sampled exactly, with `f` re-evaluated after setting one
/// variable to another outcome (IndeCateR's enumeration, one variable at a time).
protocol IndependentOutcomes: ExactSampling {
  var variables: Int { get }
  var outcomes: Int { get }
  /// The outcome of variable `d` in the sample in `slot`.
  func outcome(slot: Int, variable d: Int) -> Int
  /// `f` at the sample in `slot` with variable `d` set to outcome `j`, given `state`, the
  /// objective's running sum for that sample (`objectiveState(slot:)`).
  func value(slot: Int, variable d: Int, setTo j: Int, state: Double) -> Double
  /// The objective's running sum over the variables of the sample in `slot`.
  func objectiveState(slot: Int) -> Double
  /// `out = d/dθ sum_{d,j} p_d(j) a[d*K + j]`, the exact gradient of a per-outcome table `a`.
  func writeOutcomeGradient(_ a: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>)
  /// Puts the outcomes `x` (one per variable) in `slot` as if drawn there, for `value` and the
  /// scores to read (a set of distinct outcomes drawn without replacement).
  func place(_ x: UnsafePointer<Int>, slot: Int)
}

/// A continuous family written `x = g(θ, eps)`: the pathwise estimator's sample and `dx/dθ`.
protocol PathwiseSampling: FamilySampler {
  /// Draws the noise; returns `x` and writes `dx/dθ` (one value per parameter).
  mutating func drawPath(
    using rng: inout Xoshiro256StarStar, slope: UnsafeMutablePointer<Double>
  ) -> Double
  /// `df/dx`.
  func derivative(_ x: Double) -> Double
  var parameterCount: Int { get }
}

/// A pathwise sample whose density's score is known too: LAX uses both, the score for its
/// control variate's correction and the path for the control variate's gradient.
protocol ScoredPath: PathwiseSampling {
  /// `f(x)`.
  func value(_ x: Double) -> Double
  /// `out = weight * grad_θ log p(x)` for the sample the latest `drawPath` drew.
  func writeScore(times weight: Double, into out: UnsafeMutablePointer<Double>)
}

/// A continuous family whose samples the pathwise estimator (and LAX) differentiates.
protocol PathwiseFamily: DistributionFamily {
  associatedtype Path: ScoredPath
}

/// Draws samples of the distribution itself for the histogram and the relaxed vectors the
/// screen shows; one per family, built by `OutcomeSampler`.
protocol OutcomeSource: AnyObject {
  var relaxedDimension: Int { get }
  func makeHistogram() -> Histogram
  func resetState()
  func run(
    count: Int, using rng: inout Xoshiro256StarStar, histogram: inout Histogram,
    relaxed: inout RunningMoments)
  var latestRelaxed: [Double] { get }
}
