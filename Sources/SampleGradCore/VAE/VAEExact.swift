import Foundation

/// The exact loss, gradient and test metrics of the discrete VAE at one set of parameters, by
/// enumerating the `S = 2^D` latent states (D <= 16), vectorised over the states.
///
/// For a binary image x with encoder logits `l = U x + e` (`p_d = σ(l_d)`):
/// - `log q(z_s|x) = sum_d z_sd log σ(l_d) + (1 - z_sd) log σ(-l_d)`,
/// - `log p(x, z_s) = log p(z_s) + x . c + z_s . (W^T x) - softplus_s` (`VAEStateTables`),
/// - `f_s = log q(z_s|x) - log p(x, z_s)`, `q_s = exp(log q(z_s|x))`.
///
/// Then the negative ELBO is `sum_s q_s f_s`, `-log p(x) = -logsumexp_s log p(x, z_s)`, and the
/// gradient of the negative ELBO (every term exact, `E_q[df/dl] = 0` dropped exactly):
/// - encoder logits: `dL/dl_d = sum_s q_s f_s (z_sd - p_d)`, chained to `U` (times `x`) and `e`;
/// - decoder: `dL/dW_id = -sum_s q_s (x_i - σ(A_si)) z_sd`, `dL/dc_i = -sum_s q_s (x_i - σ(A_si))`;
/// - prior: `dL/da_d = -sum_s q_s (z_sd - σ(a_d))`.
/// A batch's loss and gradient are the means over its images. Per image the work is O(S)
/// (subset sums, one vectorised exp); per batch, two passes over the states' logits.
///
/// Its buffers are allocated once for D; `load(_:)` points it at new parameters (a lane's
/// next step) without allocating.
public final class VAEExact {
  public var parameters: VAEParameters { tables.parameters }
  let tables: VAEStateTables
  private let latents: Int
  private let states: Int
  /// Per state: `log q`, `log p(x, z)`, `q`, `q f`, the batch's summed `q`, scratch.
  private let logQ, joint, q, qf, weights, shifted: UnsafeMutablePointer<Double>
  /// Per bit: the image's logits, subset-sum steps, `sum q z_d`, `sum q f z_d`.
  private let logits, steps, m, scoreF: UnsafeMutablePointer<Double>
  /// `sum_s w_s σ(A_s) z_sd` (D x 64) and `sum_s w_s σ(A_s)` (64).
  private let column, biasSum: UnsafeMutablePointer<Double>

  static let pixels = DigitImages.pixels

  public init(_ parameters: VAEParameters) {
    tables = VAEStateTables(parameters)
    latents = parameters.latents
    states = 1 << parameters.latents
    let s = states
    let d = latents
    (logQ, joint, q, qf, weights, shifted) = (
      .allocate(capacity: s), .allocate(capacity: s), .allocate(capacity: s),
      .allocate(capacity: s), .allocate(capacity: s), .allocate(capacity: s)
    )
    (logits, steps, m, scoreF) = (
      .allocate(capacity: d), .allocate(capacity: d), .allocate(capacity: d),
      .allocate(capacity: d)
    )
    column = .allocate(capacity: d * Self.pixels)
    biasSum = .allocate(capacity: Self.pixels)
  }

  deinit {
    for b in [logQ, joint, q, qf, weights, shifted, logits, steps, m, scoreF, column, biasSum] {
      b.deallocate()
    }
  }

  /// Points the evaluator at new parameters of the same D.
  public func load(_ parameters: VAEParameters) { tables.load(parameters) }

  /// One image's negative ELBO and `-log p(x)`, leaving `q_s`, `q_s f_s` and the logits in
  /// the scratch.
  @discardableResult
  private func evaluate(_ x: UnsafePointer<Double>, nll wantsNll: Bool) -> (
    loss: Double, nll: Double
  ) {
    let d = latents
    let p = Self.pixels
    let par = tables.parameters
    par.encoderLogits(x, into: logits)
    var offSum = 0.0
    for k in 0..<d {
      let on = LogSpace.logSigmoid(logits[k])
      let off = LogSpace.logSigmoid(-logits[k])
      offSum += off
      steps[k] = on - off
    }
    VAEStateTables.subsetSums(base: offSum, steps: steps, count: states, into: logQ)
    // x . c and W^T x.
    var xc = 0.0
    par.values.withUnsafeBufferPointer { v in
      let w = v.baseAddress! + par.decoderWeightsOffset
      let c = v.baseAddress! + par.decoderBiasOffset
      for k in 0..<d { steps[k] = 0 }
      for i in 0..<p where x[i] != 0 {
        xc += c[i] * x[i]
        let row = w + i * d
        for k in 0..<d { steps[k] += row[k] * x[i] }
      }
    }
    VAEStateTables.subsetSums(base: xc, steps: steps, count: states, into: joint)
    let sp = tables.softplus
    let prior = tables.logPrior
    var top = -Double.infinity
    for s in 0..<states {
      joint[s] += prior[s] - sp[s]
      top = max(top, joint[s])
    }
    q.update(from: logQ, count: states)
    VectorMath.exp(q, count: states)
    var loss = 0.0
    for s in 0..<states {
      qf[s] = q[s] * (logQ[s] - joint[s])
      loss += qf[s]
    }
    guard wantsNll else { return (loss, .nan) }
    // -log p(x) = -(top + log sum_s exp(joint_s - top)).
    for s in 0..<states { shifted[s] = joint[s] - top }
    VectorMath.exp(shifted, count: states)
    var sum = 0.0
    for s in 0..<states { sum += shifted[s] }
    return (loss, -(top + log(sum)))
  }

  /// `m_d = sum_{s: z_sd = 1} q_s` and `scoreF_d = sum_{s: z_sd = 1} q_s f_s` of the image
  /// just evaluated; returns `sum_s q_s`, and adds each `q_s` to `weights` if asked.
  private func bitSums(addingTo weights: UnsafeMutablePointer<Double>?) -> Double {
    var total = 0.0
    for s in 0..<states { total += q[s] }
    // The states with bit k set are runs of 2^k consecutive states, every 2^(k+1).
    for k in 0..<latents {
      let run = 1 << k
      var sumQ = 0.0
      var sumQF = 0.0
      for start in stride(from: run, to: states, by: 2 * run) {
        for s in start..<(start + run) {
          sumQ += q[s]
          sumQF += qf[s]
        }
      }
      m[k] = sumQ
      scoreF[k] = sumQF
    }
    if let weights { for s in 0..<states { weights[s] += q[s] } }
    return total
  }

  /// One image's negative ELBO and its exact gradient w.r.t. the encoder logits `l`
  /// (`sum_s q_s f_s (z_sd - p_d)`): the truth an estimator on that image is measured against.
  public func imageExact(_ x: UnsafePointer<Double>) -> ExactSolution {
    let loss = evaluate(x, nll: false).loss
    _ = bitSums(addingTo: nil)
    let g = (0..<latents).map { scoreF[$0] - LogSpace.sigmoid(logits[$0]) * loss }
    return ExactSolution(loss: loss, gradient: g)
  }

  /// The mean negative ELBO and mean `-log p(x)` over `images`.
  public func metrics(_ images: DigitImages) -> (negativeElbo: Double, nll: Double) {
    var elbo = 0.0
    var nll = 0.0
    images.pixels.withUnsafeBufferPointer { px in
      for n in 0..<images.count {
        let r = evaluate(px.baseAddress! + n * Self.pixels, nll: true)
        elbo += r.loss
        nll += r.nll
      }
    }
    let count = Double(images.count)
    return (elbo / count, nll / count)
  }

  /// The mean negative ELBO over `rows` of `images` and its exact gradient in the flat layout
  /// (`VAEParameters`).
  public func batch(_ images: DigitImages, rows: [Int]) -> ExactSolution {
    var g = [Double](repeating: 0, count: tables.parameters.values.count)
    let loss = g.withUnsafeMutableBufferPointer { batch(images, rows: rows, into: $0.baseAddress!) }
    return ExactSolution(loss: loss, gradient: g)
  }

  /// `batch`, writing the gradient into `g` (the flat layout's count of values); returns the
  /// loss.
  public func batch(_ images: DigitImages, rows: [Int], into g: UnsafeMutablePointer<Double>)
    -> Double
  {
    let d = latents
    let p = Self.pixels
    let par = tables.parameters
    let count = par.values.count
    for j in 0..<count { g[j] = 0 }
    for s in 0..<states { weights[s] = 0 }
    var loss = 0.0
    par.values.withUnsafeBufferPointer { v in
      let a = v.baseAddress! + par.priorOffset
      images.pixels.withUnsafeBufferPointer { px in
        for n in rows {
          let x = px.baseAddress! + n * p
          let imageLoss = evaluate(x, nll: false).loss
          loss += imageLoss
          let total = bitSums(addingTo: weights)
          for k in 0..<d {
            let gl = scoreF[k] - LogSpace.sigmoid(logits[k]) * imageLoss
            let u = g + par.encoderWeightsOffset + k * p
            for i in 0..<p where x[i] != 0 { u[i] += gl * x[i] }
            g[par.encoderBiasOffset + k] += gl
            g[par.priorOffset + k] -= m[k] - LogSpace.sigmoid(a[k]) * total
          }
          for i in 0..<p where x[i] != 0 {
            g[par.decoderBiasOffset + i] -= x[i] * total
            let w = g + par.decoderWeightsOffset + i * d
            for k in 0..<d { w[k] -= x[i] * m[k] }
          }
        }
      }
    }
    // + sum_s w_s σ(A_s) z_s^T and + sum_s w_s σ(A_s), with w_s = sum over images of q_s.
    for j in 0..<(d * p) { column[j] = 0 }
    for i in 0..<p { biasSum[i] = 0 }
    let sigma = tables.blockWork
    tables.forEachBlock { first, n, blockLogits in
      VAEStateTables.sigmoids(blockLogits, count: n * p, into: sigma)
      // Each state's σ(A_s) scaled by its weight, then summed into the bias and, run by
      // run of the states with bit k set, into column k.
      for j in 0..<n {
        let w = weights[first + j]
        let row = sigma + j * p
        for i in 0..<p {
          row[i] *= w
          biasSum[i] += row[i]
        }
      }
      for k in 0..<d {
        let col = column + k * p
        let run = 1 << k
        if k >= tables.lowBits {
          // Bit k is a high bit: set for the whole block or for none of it.
          guard (first >> k) & 1 == 1 else { continue }
          for j in 0..<n {
            let row = sigma + j * p
            for i in 0..<p { col[i] += row[i] }
          }
          continue
        }
        for start in stride(from: run, to: n, by: 2 * run) {
          for j in start..<(start + run) {
            let row = sigma + j * p
            for i in 0..<p { col[i] += row[i] }
          }
        }
      }
    }
    for i in 0..<p {
      g[par.decoderBiasOffset + i] += biasSum[i]
      let w = g + par.decoderWeightsOffset + i * d
      for k in 0..<d { w[k] += column[k * p + i] }
    }
    let scale = 1 / Double(rows.count)
    for j in 0..<count { g[j] *= scale }
    return loss * scale
  }
}
