extension EstimatorKind {
  /// REBAR with a fixed control-variate scale `eta` (Tucker et al. 2017).
  public static let rebar = EstimatorKind("rebar")
}

/// REBAR: the score function with the relaxation as a control variate, corrected so it stays
/// unbiased. Written as `g = A - eta C` with `A = f(b) score(b)` (plain REINFORCE) and
/// `C = f(s(z~)) score(b) - d f(s(z)) + d f(s(z~))`, `E[C] = 0`, where `z` is the
/// Gumbel-perturbed logits, `z~ ~ p(z | b)` a conditional sample from fresh noise and `s` the
/// relaxation. On D variables (Tucker et al. 2017, multivariate) each `z~_d` is conditioned
/// on its own `b_d` and `f` sees all of them.
///
/// Each sample draws the noise of `z`, then that of `z~`. The block path (where the family
/// has one) draws them in that order too, sample by sample, and vectorises the logs and exps;
/// for one categorical variable and a linear or quadratic `f`, kernels take the whole block,
/// eight samples at a time to the estimates (`rebarBlock`), each to the bit of `finish`.
struct Rebar<Family: ConditionalRelaxation>: GradientEstimator {
  var objective: Objective
  var relaxation: Family
  var etaRule: EtaRule
  /// One sample's buffers (see `slot` below) and its hard outcomes.
  let buffers: ScratchBuffers
  /// Block buffers: y, y~, r, q of `blockSamples` samples, the finish kernel's estimates
  /// (or `A` and `C`), and their hard outcomes.
  let blocks: ScratchBuffers?
  /// The blocks' uniforms: the noise of z, then of z~, sample by sample.
  let noise: BlockNoise?
  let combine: RebarCombine
  /// Whether blocks may go through the family's kernels to the estimates (`rebarBlock`);
  /// off, they finish sample by sample in Swift, the numbers the kernels must equal (tests).
  var finishesInKernel = true

  /// The one-sample buffers, by name.
  private enum Slot: Int {
    case z, y, aux, zTilde, yTilde, auxTilde, r, q, d, relaxedGradient, dTilde, s
    case conditionalGradient, a, c, hits
  }

  init(problem: GradientProblem, eta: EtaRule) {
    objective = problem.objective
    relaxation = Family(problem: problem, slots: 1)
    etaRule = eta
    let width = max(relaxation.noiseCount, relaxation.pointCount, relaxation.parameterCount)
    buffers = ScratchBuffers(count: width, slots: 16, indexCount: 2 * relaxation.variables)
    combine = RebarCombine(a: buffers.slot(Slot.a.rawValue), c: buffers.slot(Slot.c.rawValue))
    let samples = relaxation.blockSamples
    blocks =
      samples > 0
      ? ScratchBuffers(
        count: samples * width, slots: 6, indexCount: samples * relaxation.variables) : nil
    noise =
      samples > 0 ? relaxation.blockNoise(parts: 2, samples: samples) : nil
  }

  private func slot(_ name: Slot) -> UnsafeMutablePointer<Double> { buffers.slot(name.rawValue) }

  mutating func rebind(to problem: GradientProblem) {
    objective = problem.objective
    relaxation.rebind(to: problem)
  }

  var hasBlockPath: Bool { blocks != nil && relaxation.hasConditionalBlock }
  var diagnostics: [Double] { [etaRule.current] }
  mutating func resetState() { etaRule.reset() }

  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    let hard = buffers.indices
    relaxation.perturb(using: &rng, into: slot(.z), hard: hard)
    relaxation.relax(slot(.z), into: slot(.y), aux: slot(.aux))
    relaxation.conditional(
      given: hard, using: &rng, into: slot(.zTilde), r: slot(.r), q: slot(.q))
    relaxation.relax(slot(.zTilde), into: slot(.yTilde), aux: slot(.auxTilde))
    finish(
      hard: hard, y: slot(.y), aux: slot(.aux), yTilde: slot(.yTilde), auxTilde: slot(.auxTilde),
      r: slot(.r), q: slot(.q), eta: &etaRule, into: out)
  }

  /// Everything after the noise: both relaxations' gradients and `A - eta C`. The pointers
  /// are the one-sample buffers or a sample of the block path's.
  @inline(__always)
  private func finish(
    hard: UnsafePointer<Int>, y: UnsafePointer<Double>, aux: UnsafePointer<Double>,
    yTilde: UnsafePointer<Double>, auxTilde: UnsafePointer<Double>, r: UnsafePointer<Double>,
    q: UnsafePointer<Double>, eta: inout EtaRule, into out: UnsafeMutablePointer<Double>
  ) {
    let n = relaxation.pointCount
    // d f(s(z)) / d logits, with the noise held fixed.
    objective.gradient(y, count: n, into: slot(.d))
    relaxation.backward(y: y, aux: aux, upstream: slot(.d), into: slot(.relaxedGradient))
    // The control variate at the conditional sample, through z~(logits).
    let fTilde = objective.value(yTilde, count: n)
    objective.gradient(yTilde, count: n, into: slot(.dTilde))
    relaxation.backward(y: yTilde, aux: auxTilde, upstream: slot(.dTilde), into: slot(.s))
    relaxation.conditionalBackward(
      upstream: slot(.s), given: hard, r: r, q: q, into: slot(.conditionalGradient))
    let hits = buffers.indices + relaxation.variables
    let hitCount = relaxation.scoreHits(hard, into: hits)
    combine(
      eta: &eta, count: relaxation.parameterCount, hits: hits, hitCount: hitCount,
      fHard: relaxation.hardValue(hard), fTilde: fTilde,
      probabilities: relaxation.scoreProbabilities, relaxedGradient: slot(.relaxedGradient),
      conditionalGradient: slot(.conditionalGradient), into: out)
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

  @_specialize(where Family == CategoricalRelaxation)
  @_specialize(where Family == BernoulliRelaxation)
  mutating func run(
    count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments
  ) {
    guard let blocks, let noise, relaxation.hasConditionalBlock else {
      loopOneSample(count: count, using: &rng, into: &moments)
      return
    }
    let y = blocks.slot(0)
    let yTilde = blocks.slot(1)
    let r = blocks.slot(2)
    let q = blocks.slot(3)
    let estimates = blocks.slot(4)
    let controls = blocks.slot(5)
    let hard = blocks.indices
    let width = relaxation.noiseCount
    let variables = relaxation.variables
    var rule = etaRule
    let out = UnsafeMutablePointer<Double>.allocate(capacity: relaxation.parameterCount)
    defer {
      out.deallocate()
      etaRule = rule
    }
    var samples = noise.start(count: count, blockSamples: relaxation.blockSamples, using: rng)
    defer { noise.finish(into: &rng) }
    while samples > 0 {
      let fixedEta: Double? = rule.isAdaptive ? nil : rule.current
      if finishesInKernel,
        relaxation.rebarBlock(
          noise, samples: samples, hard: hard, y: y, objective: objective, eta: fixedEta,
          out: estimates, c: controls)
      {
        addKernelEstimates(
          samples: samples, estimates: estimates, controls: controls, adaptive: fixedEta == nil,
          eta: &rule, scratch: out, into: &moments)
        samples = noise.nextBlock()
        continue
      }
      relaxation.perturbBlock(noise, samples: samples, hard: hard, relaxed: y)
      relaxation.conditionalBlock(
        samples: samples, hard: hard, uniforms: noise.part(1), relaxed: yTilde, r: r, q: q)
      for sample in 0..<samples {
        let offset = sample * width
        // Families with a block path need no `aux` beside `y` (see `perturbBlock`).
        finish(
          hard: hard + sample * variables, y: y + offset, aux: y + offset,
          yTilde: yTilde + offset, auxTilde: yTilde + offset, r: r + offset, q: q + offset,
          eta: &rule, into: out)
        moments.add(UnsafePointer(out))
      }
      samples = noise.nextBlock()
    }
  }

  /// Adds a block's estimates from the kernels (`rebarBlock`): as they are with a fixed eta,
  /// else `A - eta C` sample by sample with the adaptive rule.
  private func addKernelEstimates(
    samples: Int, estimates: UnsafePointer<Double>, controls: UnsafePointer<Double>,
    adaptive: Bool, eta rule: inout EtaRule, scratch out: UnsafeMutablePointer<Double>,
    into moments: inout RunningMoments
  ) {
    let width = relaxation.noiseCount
    let parameters = relaxation.parameterCount
    for sample in 0..<samples {
      let estimate = estimates + sample * width
      if adaptive {
        combine.adaptive(
          eta: &rule, count: parameters, a: estimate, c: controls + sample * width, into: out)
        moments.add(UnsafePointer(out))
      } else {
        moments.add(estimate)
      }
    }
  }
}

/// REBAR's descriptor, its option and diagnostic, and the factory shared with rebar-auto.
enum RebarEstimator {
  /// REBAR's control-variate scale.
  static let eta = EstimatorOption(
    key: "eta", summary: "REBAR's control-variate scale eta", range: NumericDomain.eta,
    defaultValue: 1)
  /// The eta in use (fixed, or rebar-auto's latest).
  static let etaInUse = EstimatorDiagnostic(
    key: "eta", summary: "the control-variate scale in use", symbol: "η", asciiSymbol: "eta")

  static let needs = EstimatorNeeds(
    distribution: [.relaxation, .conditionalRelaxation], objective: [.derivative, .relaxedPoints])

  static let descriptor = EstimatorDescriptor(
    kind: .rebar, stream: 7, shortName: "REBAR",
    summary: "score function with the relaxation as a control variate (scale eta); unbiased",
    isUnbiased: true, needs: needs, options: [eta], diagnostics: [etaInUse],
    evaluations: { _ in 3 }, make: { make($0, eta: .fixed($0.options[eta, for: .rebar])) })

  static func make(_ problem: GradientProblem, eta: EtaRule) -> any GradientEstimator {
    func build<F: RelaxableFamily>(_: F) -> any GradientEstimator {
      Rebar<F.Relaxation>(problem: problem, eta: eta)
    }
    return build(problem.relaxableFamily)
  }
}

/// How REBAR's control-variate scale is chosen for each sample.
enum EtaRule {
  case fixed(Double)
  /// `sum_j S_AC / sum_j S_CC` over the earlier samples of the stream, 1 for the first
  /// `AdaptiveEta.warmup` (a ratio of a few draws has an unbounded tail). It depends on the
  /// past only, so the estimator stays unbiased.
  case adaptive(AdaptiveEta)

  /// The scale for the next sample.
  var current: Double {
    switch self {
    case .fixed(let eta): eta
    case .adaptive(let sums): sums.current
    }
  }

  var isAdaptive: Bool {
    if case .adaptive = self { return true }
    return false
  }

  /// Records this sample's `A` and `C` (adaptive rule only).
  mutating func record(
    a: UnsafePointer<Double>, c: UnsafePointer<Double>, count: Int
  ) {
    guard case .adaptive(var sums) = self else { return }
    sums.record(a: a, c: c, count: count)
    self = .adaptive(sums)
  }

  mutating func reset() {
    if case .adaptive = self { self = .adaptive(AdaptiveEta()) }
  }
}

/// Running sums of `A . C` and `C . C` over one stream's samples.
struct AdaptiveEta {
  static let warmup = 100
  private(set) var sumAC = 0.0
  private(set) var sumCC = 0.0
  private(set) var count = 0

  var current: Double {
    count < Self.warmup || !(sumCC > 0) ? 1 : sumAC / sumCC
  }

  mutating func record(a: UnsafePointer<Double>, c: UnsafePointer<Double>, count n: Int) {
    for j in 0..<n {
      sumAC += a[j] * c[j]
      sumCC += c[j] * c[j]
    }
    count += 1
  }
}

/// The last step of a REBAR sample: `out = A - eta C`, and the adaptive rule's bookkeeping.
///
/// With a fixed eta it is written `eta (d f(s(z)) - d f(s(z~))) - w p`, `out_h += w` for each
/// component `h` the score's `e_b` hits, `w = f(b) - eta f(s(z~))`, which is `A - eta C`
/// expanded once.
struct RebarCombine {
  /// Scratch for `A` and `C` (adaptive rule only).
  let a: UnsafeMutablePointer<Double>
  let c: UnsafeMutablePointer<Double>

  @inline(__always)
  func callAsFunction(
    eta rule: inout EtaRule, count n: Int, hits: UnsafePointer<Int>, hitCount: Int,
    fHard: Double, fTilde: Double, probabilities p: UnsafePointer<Double>,
    relaxedGradient: UnsafePointer<Double>, conditionalGradient: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>
  ) {
    let eta = rule.current
    guard rule.isAdaptive else {
      let weight = fHard - eta * fTilde
      for j in 0..<n {
        out[j] = eta * (relaxedGradient[j] - conditionalGradient[j]) - weight * p[j]
      }
      for h in 0..<hitCount { out[hits[h]] += weight }
      return
    }
    // The score `e_b - p`: `-p` everywhere, `1 - p` where it hits.
    for j in 0..<n { c[j] = 0 }
    for h in 0..<hitCount { c[hits[h]] = 1 }
    for j in 0..<n {
      let score = c[j] - p[j]
      a[j] = fHard * score
      c[j] = fTilde * score - relaxedGradient[j] + conditionalGradient[j]
      out[j] = a[j] - eta * c[j]
    }
    rule.record(a: a, c: c, count: n)
  }

  /// The adaptive rule's step from a sample's `A` and `C` made elsewhere (REBAR's block
  /// kernels): `out = A - eta C` with the eta of the samples before, as above, then `A` and
  /// `C` join its sums.
  @inline(__always)
  func adaptive(
    eta rule: inout EtaRule, count n: Int, a: UnsafePointer<Double>, c: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>
  ) {
    let eta = rule.current
    for j in 0..<n { out[j] = a[j] - eta * c[j] }
    rule.record(a: a, c: c, count: n)
  }
}
