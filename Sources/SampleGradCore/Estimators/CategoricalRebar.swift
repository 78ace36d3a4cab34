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
  /// logits, p, f(e_j), z, y, d, relaxedGradient, zTilde, yTilde, dTilde, r, q, s, a, c, ratios
  let buffers: ScratchBuffers
  /// rows x K: z, y, e, zTilde, yTilde, r, q.
  let blocks: ScratchBuffers
  /// The vectorised conditional sampler, when the logits' spread allows it.
  var conditional: ConditionalBlock?
  let combine: RebarCombine

  init(problem: GradientProblem, eta: EtaRule) {
    k = problem.categories
    objective = problem.objective
    etaRule = eta
    buffers = ScratchBuffers(count: k, slots: 16)
    blocks = ScratchBuffers(
      count: CategoricalBlock.rows * k, slots: 7, indexCount: CategoricalBlock.rows)
    buffers.slot(2).update(from: problem.objective.outcomeValues, count: k)
    combine = RebarCombine(a: buffers.slot(13), c: buffers.slot(14))
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    let logits = buffers.slot(0)
    logits.update(from: problem.distribution.parameters, count: k)
    buffers.slot(1).update(from: problem.probabilities, count: k)
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
    let ratios = buffers.slot(15)
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
    let logits = buffers.slot(0)
    let z = buffers.slot(3)
    let y = buffers.slot(4)
    let zTilde = buffers.slot(7)
    let r = buffers.slot(10)
    let q = buffers.slot(11)
    let b = GumbelSoftmax.perturb(logits, count: k, rng: &rng, into: z)
    GumbelSoftmax.relax(z, count: k, temperature: temperature, into: y)
    ConditionalGumbel.sample(
      logits: logits, logSumExp: logSumExp, count: k, given: b, rng: &rng, into: zTilde, r: r,
      q: q)
    GumbelSoftmax.relax(zTilde, count: k, temperature: temperature, into: buffers.slot(8))
    finish(
      hard: b, y: y, yTilde: buffers.slot(8), r: r, q: q, scratch: scratch, eta: &etaRule,
      into: out)
  }

  /// Everything after the noise: both relaxations' gradients and `A - eta C`. The scratch
  /// pointers are resolved once per call, outside the per-sample work.
  @inline(__always)
  private func finish(
    hard b: Int, y: UnsafePointer<Double>, yTilde: UnsafePointer<Double>,
    r: UnsafePointer<Double>, q: UnsafePointer<Double>, scratch: Scratch, eta: inout EtaRule,
    into out: UnsafeMutablePointer<Double>
  ) {
    // eta * d f(s(z)) / d logits, with the Gumbel noise held fixed.
    objective.gradient(y, count: k, into: scratch.d)
    GumbelSoftmax.backward(
      y: y, upstream: scratch.d, count: k, temperature: temperature, into: scratch.relaxed)
    // The control variate at the conditional sample, through ztilde(logits).
    let fTilde = objective.value(yTilde, count: k)
    objective.gradient(yTilde, count: k, into: scratch.dTilde)
    GumbelSoftmax.backward(
      y: yTilde, upstream: scratch.dTilde, count: k, temperature: temperature, into: scratch.s)
    ConditionalGumbel.backward(
      upstream: scratch.s, probabilities: scratch.p, count: k, given: b, r: r, q: q,
      into: scratch.conditional)
    combine(
      eta: &eta, count: k, hard: b, fHard: scratch.f[b], fTilde: fTilde,
      probabilities: scratch.p, relaxedGradient: scratch.relaxed,
      conditionalGradient: scratch.conditional, into: out)
  }

  /// The per-sample scratch, as plain pointers.
  struct Scratch {
    let p: UnsafeMutablePointer<Double>
    let f: UnsafeMutablePointer<Double>
    let d: UnsafeMutablePointer<Double>
    let relaxed: UnsafeMutablePointer<Double>
    let dTilde: UnsafeMutablePointer<Double>
    let s: UnsafeMutablePointer<Double>
    let conditional: UnsafeMutablePointer<Double>
  }

  var scratch: Scratch {
    Scratch(
      p: buffers.slot(1), f: buffers.slot(2), d: buffers.slot(5), relaxed: buffers.slot(6),
      dTilde: buffers.slot(9), s: buffers.slot(12), conditional: buffers.slot(3))
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
    let logits = buffers.slot(0)
    let scratch = self.scratch
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
          q: q + offset, scratch: scratch, eta: &rule, into: out)
        moments.add(UnsafePointer(out))
      }
      remaining -= rows
    }
  }
}
