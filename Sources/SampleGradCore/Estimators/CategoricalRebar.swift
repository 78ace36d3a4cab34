import Foundation

/// REBAR for a categorical (see `Rebar`): one Gumbel-max sample, its relaxation's gradient,
/// and the relaxation at a conditional sample `z~ ~ p(z | b)` differentiated through
/// `z~(θ, v, b)` with the fresh noise `v` held fixed.
///
/// Each sample draws K uniforms for the Gumbel noise, then K for the conditional noise. The
/// block path draws them in that order too, row by row, and vectorises the logs and exps.
struct CategoricalRebar: GradientEstimator {
  let k: Int
  var temperature = 1.0
  let objective: Objective
  var logSumExp = 0.0
  var etaRule: EtaRule
  /// Owns the K-value buffers the pointers below name (plus the combine's A and C).
  let buffers: ScratchBuffers
  let logits: UnsafeMutablePointer<Double>
  let probabilities: UnsafeMutablePointer<Double>
  /// f at each outcome `e_j`.
  let values: UnsafeMutablePointer<Double>
  /// The Gumbel-perturbed logits and their relaxation (one-sample path).
  let z: UnsafeMutablePointer<Double>
  let y: UnsafeMutablePointer<Double>
  /// df/dx at y, and `d f(s(z)) / d logits` through it.
  let d: UnsafeMutablePointer<Double>
  let relaxedGradient: UnsafeMutablePointer<Double>
  /// The conditional sample and its relaxation (one-sample path); `r`, `q` its derivative.
  let zTilde: UnsafeMutablePointer<Double>
  let yTilde: UnsafeMutablePointer<Double>
  let r: UnsafeMutablePointer<Double>
  let q: UnsafeMutablePointer<Double>
  /// df/dx at yTilde, `d f(s(z~)) / d z~` through it, and `d f(s(z~)) / d logits`.
  let dTilde: UnsafeMutablePointer<Double>
  let s: UnsafeMutablePointer<Double>
  let conditionalGradient: UnsafeMutablePointer<Double>
  /// `exp(max(logits) - logits_i)`, read by `conditional`.
  let ratios: UnsafeMutablePointer<Double>
  /// rows x K: z, y, e, zTilde, yTilde, r, q.
  let blocks: ScratchBuffers
  /// The vectorised conditional sampler, when the logits' spread allows it.
  var conditional: ConditionalBlock?
  let combine: RebarCombine

  init(problem: GradientProblem, eta: EtaRule) {
    k = problem.categories
    objective = problem.objective
    etaRule = eta
    buffers = ScratchBuffers(count: k, slots: 17)
    logits = buffers.slot(0)
    probabilities = buffers.slot(1)
    values = buffers.slot(2)
    z = buffers.slot(3)
    y = buffers.slot(4)
    d = buffers.slot(5)
    relaxedGradient = buffers.slot(6)
    zTilde = buffers.slot(7)
    yTilde = buffers.slot(8)
    dTilde = buffers.slot(9)
    r = buffers.slot(10)
    q = buffers.slot(11)
    s = buffers.slot(12)
    combine = RebarCombine(a: buffers.slot(13), c: buffers.slot(14))
    ratios = buffers.slot(15)
    conditionalGradient = buffers.slot(16)
    blocks = ScratchBuffers(
      count: CategoricalBlock.rows * k, slots: 7, indexCount: CategoricalBlock.rows)
    values.update(from: problem.objective.outcomeValues, count: k)
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    logits.update(from: problem.distribution.logits, count: k)
    probabilities.update(from: problem.probabilities, count: k)
    temperature = problem.distribution.temperature ?? 1
    logSumExp = LogSpace.logSumExp(logits, count: k)
    var top = -Double.infinity
    var bottom = Double.infinity
    for i in 0..<k {
      top = max(top, logits[i])
      bottom = min(bottom, logits[i])
    }
    guard top - bottom < ConditionalBlock.maximumSpread else {
      conditional = nil
      return
    }
    for i in 0..<k { ratios[i] = Foundation.exp(top - logits[i]) }
    conditional = ConditionalBlock(
      ratios: ratios, maxLogit: top, logSumExp: logSumExp, pMax: Foundation.exp(top - logSumExp))
  }

  var hasBlockPath: Bool { conditional != nil }
  var eta: Double? { etaRule.current }
  mutating func resetState() { etaRule.reset() }

  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    let b = GumbelSoftmax.perturb(logits, count: k, rng: &rng, into: z)
    GumbelSoftmax.relax(z, count: k, temperature: temperature, into: y)
    ConditionalGumbel.sample(
      logits: logits, logSumExp: logSumExp, count: k, given: b, rng: &rng, into: zTilde, r: r,
      q: q)
    GumbelSoftmax.relax(zTilde, count: k, temperature: temperature, into: yTilde)
    finish(hard: b, y: y, yTilde: yTilde, r: r, q: q, eta: &etaRule, into: out)
  }

  /// Everything after the noise: both relaxations' gradients and `A - eta C`. `y`, `yTilde`,
  /// `r` and `q` are the one-sample buffers or a row of the block path's.
  @inline(__always)
  private func finish(
    hard b: Int, y: UnsafePointer<Double>, yTilde: UnsafePointer<Double>,
    r: UnsafePointer<Double>, q: UnsafePointer<Double>, eta: inout EtaRule,
    into out: UnsafeMutablePointer<Double>
  ) {
    // eta * d f(s(z)) / d logits, with the Gumbel noise held fixed.
    objective.gradient(y, count: k, into: d)
    GumbelSoftmax.backward(
      y: y, upstream: d, count: k, temperature: temperature, into: relaxedGradient)
    // The control variate at the conditional sample, through ztilde(logits).
    let fTilde = objective.value(yTilde, count: k)
    objective.gradient(yTilde, count: k, into: dTilde)
    GumbelSoftmax.backward(
      y: yTilde, upstream: dTilde, count: k, temperature: temperature, into: s)
    ConditionalGumbel.backward(
      upstream: s, probabilities: probabilities, count: k, given: b, r: r, q: q,
      into: conditionalGradient)
    combine(
      eta: &eta, count: k, hard: b, fHard: values[b], fTilde: fTilde,
      probabilities: probabilities, relaxedGradient: relaxedGradient,
      conditionalGradient: conditionalGradient, into: out)
  }

  mutating func run(
    count: Int, using rng: inout Xoshiro256StarStar, into moments: inout RunningMoments
  ) {
    guard let conditional else {
      loopOneSample(count: count, using: &rng, into: &moments)
      return
    }
    let z = blocks.slot(0)
    let y = blocks.slot(1)
    let e = blocks.slot(2)
    let zTilde = blocks.slot(3)
    let yTilde = blocks.slot(4)
    let r = blocks.slot(5)
    let q = blocks.slot(6)
    let best = blocks.indices
    var rule = etaRule
    let out = UnsafeMutablePointer<Double>.allocate(capacity: k)
    defer {
      out.deallocate()
      etaRule = rule
    }
    var remaining = count
    while remaining > 0 {
      let rows = min(remaining, CategoricalBlock.rows)
      // The one-sample order: K Gumbel uniforms, then K conditional uniforms, per row.
      var generator = rng
      for row in 0..<rows {
        let zRow = z + row * k
        let eRow = e + row * k
        for j in 0..<k { zRow[j] = generator.nextOpenUniform() }
        for j in 0..<k { eRow[j] = generator.nextOpenUniform() }
      }
      rng = generator
      CategoricalBlock.perturb(uniforms: z, logits: logits, k: k, rows: rows, best: best)
      CategoricalBlock.relax(z, k: k, rows: rows, temperature: temperature, into: y)
      conditional.sample(k: k, rows: rows, best: best, uniforms: e, into: zTilde, r: r, q: q)
      CategoricalBlock.relax(zTilde, k: k, rows: rows, temperature: temperature, into: yTilde)
      for row in 0..<rows {
        let offset = row * k
        finish(
          hard: best[row], y: y + offset, yTilde: yTilde + offset, r: r + offset,
          q: q + offset, eta: &rule, into: out)
        moments.add(UnsafePointer(out))
      }
      remaining -= rows
    }
  }
}
