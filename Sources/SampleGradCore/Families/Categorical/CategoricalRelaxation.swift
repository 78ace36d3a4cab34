import CVectorMath
import Foundation

/// The Concrete relaxation of D categoricals (Jang, Gu, Poole 2017; Maddison, Mnih, Teh
/// 2017), row by row: `z_d = θ_d + g_d` with Gumbel noise, `b_d = argmax z_d`,
/// `y_d = softmax(z_d / τ)`; and REBAR's conditional sample `z~_d ~ p(z_d | b_d)`
/// (`ConditionalGumbel`). Blocks of samples vectorise the logs and exps (`CategoricalBlock`,
/// `ConditionalBlock`).
struct CategoricalRelaxation: ConditionalRelaxation {
  let variables: Int
  let k: Int
  var noiseCount: Int { variables * k }
  var pointCount: Int { variables * k }
  var parameterCount: Int { variables * k }
  private(set) var temperature = 1.0
  let objective: Objective
  /// `f` at hard outcomes.
  let table: OutcomeTable
  /// Owns the D x K buffers the pointers below name.
  let buffers: ScratchBuffers
  let logits: UnsafeMutablePointer<Double>
  let probabilities: UnsafeMutablePointer<Double>
  /// `exp(max(θ_d) - θ_dk)`, read by the block conditional sampler.
  let ratios: UnsafeMutablePointer<Double>
  /// One row's Jacobian product (Gumbel-Rao's accumulation).
  let product: UnsafeMutablePointer<Double>
  /// `softmax(θ_d / τ)` per row, ReinMax's tempered probabilities.
  let tempered: UnsafeMutablePointer<Double>
  /// Per variable: log-sum-exp, maximum logit, `exp(max - LSE)`.
  let rowNumbers: ScratchBuffers
  /// Whether every row's logits span less than `ConditionalBlock.maximumSpread`.
  private(set) var hasConditionalBlock = false
  /// The block kernels' scratch (REBAR's finish needs 32 K).
  let blockScratch: ScratchBuffers

  init(problem: GradientProblem, slots: Int) {
    variables = problem.variables
    k = problem.categories
    objective = problem.objective
    table = OutcomeTable(objective: problem.objective)
    buffers = ScratchBuffers(count: variables * k, slots: 5)
    logits = buffers.slot(0)
    probabilities = buffers.slot(1)
    ratios = buffers.slot(2)
    product = buffers.slot(3)
    tempered = buffers.slot(4)
    rowNumbers = ScratchBuffers(count: variables, slots: 3)
    let rows = CategoricalBlock.samples(valuesPerSample: variables * k) * variables
    blockScratch = ScratchBuffers(
      count: max(CategoricalBlock.scratchCount(values: rows * k, rows: rows), 32 * k), slots: 1)
    rebind(to: problem)
  }

  var logSumExp: UnsafeMutablePointer<Double> { rowNumbers.slot(0) }
  var maxLogit: UnsafeMutablePointer<Double> { rowNumbers.slot(1) }
  var pMax: UnsafeMutablePointer<Double> { rowNumbers.slot(2) }

  mutating func rebind(to problem: GradientProblem) {
    let theta = problem.distribution.parameters
    logits.update(from: theta, count: theta.count)
    probabilities.update(from: problem.probabilities, count: theta.count)
    temperature = problem.distribution.temperature ?? 1
    var fits = true
    for d in 0..<variables {
      let row = logits + d * k
      logSumExp[d] = LogSpace.logSumExp(row, count: k)
      LogSpace.softmax(row, count: k, scale: 1 / temperature, into: tempered + d * k)
      var top = -Double.infinity
      var bottom = Double.infinity
      for i in 0..<k {
        top = max(top, row[i])
        bottom = min(bottom, row[i])
      }
      maxLogit[d] = top
      guard top - bottom < ConditionalBlock.maximumSpread else {
        fits = false
        continue
      }
      for i in 0..<k { ratios[d * k + i] = Foundation.exp(top - row[i]) }
      pMax[d] = Foundation.exp(top - logSumExp[d])
    }
    hasConditionalBlock = fits
  }

  @inline(__always)
  func perturb(
    using rng: inout Xoshiro256StarStar, into z: UnsafeMutablePointer<Double>,
    hard: UnsafeMutablePointer<Int>
  ) {
    for d in 0..<variables {
      hard[d] = GumbelSoftmax.perturb(logits + d * k, count: k, rng: &rng, into: z + d * k)
    }
  }

  @inline(__always)
  func relax(
    _ z: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>,
    aux: UnsafeMutablePointer<Double>
  ) {
    for d in 0..<variables {
      GumbelSoftmax.relax(z + d * k, count: k, temperature: temperature, into: y + d * k)
    }
  }

  func writeHardPoint(_ hard: UnsafePointer<Int>, into x: UnsafeMutablePointer<Double>) {
    for i in 0..<(variables * k) { x[i] = 0 }
    for d in 0..<variables { x[d * k + hard[d]] = 1 }
  }

  @inline(__always)
  func hardValue(_ hard: UnsafePointer<Int>) -> Double { table.value(outcomes: hard) }

  @inline(__always)
  func backward(
    y: UnsafePointer<Double>, aux: UnsafePointer<Double>, upstream d: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>
  ) {
    for v in 0..<variables {
      let offset = v * k
      GumbelSoftmax.backward(
        y: y + offset, upstream: d + offset, count: k, temperature: temperature,
        into: out + offset)
    }
  }

  /// Adds this draw's Jacobian product; the average multiplies the sum by `1 / draws`.
  func addJacobian(
    y: UnsafePointer<Double>, aux: UnsafePointer<Double>, upstream d: UnsafePointer<Double>,
    into accumulator: UnsafeMutablePointer<Double>
  ) {
    for v in 0..<variables {
      let offset = v * k
      GumbelSoftmax.backward(
        y: y + offset, upstream: d + offset, count: k, temperature: temperature, into: product)
      for j in 0..<k { accumulator[offset + j] += product[j] }
    }
  }

  func writeAverage(
    _ accumulator: UnsafePointer<Double>, draws: Int, upstream d: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>
  ) {
    let inverse = 1 / Double(draws)
    for j in 0..<(variables * k) { out[j] = accumulator[j] * inverse }
  }

  var scoreProbabilities: UnsafePointer<Double> { UnsafePointer(probabilities) }

  func scoreHits(_ hard: UnsafePointer<Int>, into hits: UnsafeMutablePointer<Int>) -> Int {
    for d in 0..<variables { hits[d] = d * k + hard[d] }
    return variables
  }

  // MARK: conditional

  @inline(__always)
  func conditional(
    given hard: UnsafePointer<Int>, using rng: inout Xoshiro256StarStar,
    into zTilde: UnsafeMutablePointer<Double>, r: UnsafeMutablePointer<Double>?,
    q: UnsafeMutablePointer<Double>?
  ) {
    for d in 0..<variables {
      let offset = d * k
      ConditionalGumbel.sample(
        logits: logits + offset, logSumExp: logSumExp[d], count: k, given: hard[d], rng: &rng,
        into: zTilde + offset, r: r.map { $0 + offset }, q: q.map { $0 + offset })
    }
  }

  @inline(__always)
  func conditionalBackward(
    upstream s: UnsafePointer<Double>, given hard: UnsafePointer<Int>, r: UnsafePointer<Double>,
    q: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>
  ) {
    for d in 0..<variables {
      let offset = d * k
      ConditionalGumbel.backward(
        upstream: s + offset, probabilities: probabilities + offset, count: k, given: hard[d],
        r: r + offset, q: q + offset, into: out + offset)
    }
  }

  // MARK: blocks

  var blockSamples: Int { CategoricalBlock.samples(valuesPerSample: variables * k) }

  /// The Gumbel noise (part 0) in the kernel's columns, sparing it a transpose; REBAR's and
  /// Gumbel-Rao's conditional noise row-major, as their conditional kernel reads it.
  func blockNoise(parts: Int, samples: Int) -> BlockNoise {
    BlockNoise(partCount: parts, width: noiseCount, samples: samples, columnsOf: k)
  }

  func perturbBlock(
    _ noise: BlockNoise, samples: Int, hard: UnsafeMutablePointer<Int>,
    relaxed y: UnsafeMutablePointer<Double>?
  ) {
    CategoricalBlock.perturb(
      uniforms: noise.part(0), logits: logits, k: k, rows: samples * variables,
      variables: variables, temperature: temperature, best: hard, relaxed: y,
      relaxedInColumns: false, scratch: blockScratch.slot(0))
  }

  func conditionalBlock(
    samples: Int, hard: UnsafePointer<Int>, uniforms v: UnsafeMutablePointer<Double>,
    relaxed y: UnsafeMutablePointer<Double>, r: UnsafeMutablePointer<Double>?,
    q: UnsafeMutablePointer<Double>?
  ) {
    let block = ConditionalBlock(
      ratios: ratios, maxLogit: maxLogit, logSumExp: logSumExp, pMax: pMax, variables: variables)
    block.sample(
      k: k, rows: samples * variables, best: hard, uniforms: v, temperature: temperature,
      relaxed: y, r: r, q: q, scratch: blockScratch.slot(0))
  }

  /// Whether `rebarBlock`'s kernels take a block of `samples`: one variable, a linear or
  /// quadratic `f` (whose value at each outcome is the table's entry) and a kernel for the
  /// CPU.
  func rebarKernelsTake(samples: Int, objective: Objective) -> Bool {
    variables == 1 && hasConditionalBlock && !table.isSum && !table.isModel
      && objective.isLinearOrQuadratic && sg_rebar_fits(k, samples) != 0
  }

  func rebarBlock(
    _ noise: BlockNoise, samples: Int, hard: UnsafeMutablePointer<Int>,
    y: UnsafeMutablePointer<Double>, objective: Objective, eta: Double?,
    out: UnsafeMutablePointer<Double>, c: UnsafeMutablePointer<Double>
  ) -> Bool {
    guard rebarKernelsTake(samples: samples, objective: objective) else { return false }
    return objective.withLinearOrQuadratic { quadratic, coefficients in
      // y stays in the kernel's columns: only the finish reads it.
      CategoricalBlock.perturb(
        uniforms: noise.part(0), logits: logits, k: k, rows: samples, variables: 1,
        temperature: temperature, best: hard, relaxed: y, relaxedInColumns: true,
        scratch: blockScratch.slot(0))
      var finish = sg_rebar_finish(
        quadratic: quadratic ? 1 : 0, coefficients: coefficients, temperature: temperature,
        p: probabilities, hardValues: table.entries, adaptive: eta == nil ? 1 : 0,
        eta: eta ?? 0, out: out, c: c)
      sg_rebar_rows(
        noise.part(1), hard, y, ratios, maxLogit[0], logSumExp[0], pMax[0], k, samples,
        1 / temperature, &finish, blockScratch.slot(0))
      return true
    } ?? false
  }
}
