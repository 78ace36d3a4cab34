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
/// A batch's loss and gradient are the means over its images.
public final class VAEExact {
  public let parameters: VAEParameters
  let tables: VAEStateTables
  private let latents: Int
  private let states: Int
  /// Per-image scratch: `log q`, `log p(x, z)`, `q`, `q f` (S each), and D-long vectors.
  private var logQ: [Double]
  private var joint: [Double]
  private var q: [Double]
  private var qf: [Double]
  private var logits: [Double]
  private var steps: [Double]

  static let pixels = DigitImages.pixels

  public init(_ parameters: VAEParameters) {
    self.parameters = parameters
    tables = VAEStateTables(parameters)
    latents = parameters.latents
    states = 1 << parameters.latents
    logQ = [Double](repeating: 0, count: states)
    joint = logQ
    q = logQ
    qf = logQ
    logits = [Double](repeating: 0, count: latents)
    steps = logits
  }

  /// One image's negative ELBO and `-log p(x)`, leaving `q_s` and `q_s f_s` in the scratch.
  @discardableResult
  private func evaluate(_ x: UnsafePointer<Double>) -> (loss: Double, nll: Double) {
    let d = latents
    let p = Self.pixels
    parameters.encoderLogits(x, into: &logits)
    var offSum = 0.0
    for k in 0..<d {
      let on = LogSpace.logSigmoid(logits[k])
      let off = LogSpace.logSigmoid(-logits[k])
      offSum += off
      steps[k] = on - off
    }
    VAEStateTables.subsetSums(base: offSum, steps: steps, into: &logQ)
    // x . c and W^T x.
    var xc = 0.0
    parameters.values.withUnsafeBufferPointer { v in
      let w = v.baseAddress! + parameters.decoderWeightsOffset
      let c = v.baseAddress! + parameters.decoderBiasOffset
      for k in 0..<d { steps[k] = 0 }
      for i in 0..<p where x[i] != 0 {
        xc += c[i] * x[i]
        for k in 0..<d { steps[k] += w[i * d + k] * x[i] }
      }
    }
    VAEStateTables.subsetSums(base: xc, steps: steps, into: &joint)
    var loss = 0.0
    var top = -Double.infinity
    tables.softplus.withUnsafeBufferPointer { sp in
      tables.logPrior.withUnsafeBufferPointer { prior in
        for s in 0..<states {
          joint[s] += prior[s] - sp[s]
          top = max(top, joint[s])
        }
      }
    }
    q.withUnsafeMutableBufferPointer { qq in
      for s in 0..<states { qq[s] = logQ[s] }
      VectorMath.exp(qq.baseAddress!, count: states)
    }
    for s in 0..<states {
      let f = logQ[s] - joint[s]
      qf[s] = q[s] * f
      loss += qf[s]
    }
    // -log p(x) = -(top + log sum_s exp(joint_s - top)).
    var shifted = [Double](unsafeUninitializedCapacity: states) { b, n in
      for s in 0..<states { b[s] = joint[s] - top }
      n = states
    }
    shifted.withUnsafeMutableBufferPointer { VectorMath.exp($0.baseAddress!, count: states) }
    let nll = -(top + log(shifted.reduce(0, +)))
    return (loss, nll)
  }

  /// One image's negative ELBO and its exact gradient w.r.t. the encoder logits `l`
  /// (`sum_s q_s f_s (z_sd - p_d)`): the truth an estimator on that image is measured against.
  public func imageExact(_ x: UnsafePointer<Double>) -> ExactSolution {
    let loss = evaluate(x).loss
    var g = [Double](repeating: 0, count: latents)
    for s in 1..<states {
      var bits = s
      while bits != 0 {
        g[bits.trailingZeroBitCount] += qf[s]
        bits &= bits - 1
      }
    }
    for k in 0..<latents { g[k] -= LogSpace.sigmoid(logits[k]) * loss }
    return ExactSolution(loss: loss, gradient: g)
  }

  /// The mean negative ELBO and mean `-log p(x)` over `images`.
  public func metrics(_ images: DigitImages) -> (negativeElbo: Double, nll: Double) {
    var elbo = 0.0
    var nll = 0.0
    images.pixels.withUnsafeBufferPointer { px in
      for n in 0..<images.count {
        let r = evaluate(px.baseAddress! + n * Self.pixels)
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
    let d = latents
    let p = Self.pixels
    let par = parameters
    var g = [Double](repeating: 0, count: par.values.count)
    var weights = [Double](repeating: 0, count: states)
    var loss = 0.0
    var m = [Double](repeating: 0, count: d)
    var scoreF = [Double](repeating: 0, count: d)
    let a = Array(par.priorLogits)
    images.pixels.withUnsafeBufferPointer { px in
      for n in rows {
        let x = px.baseAddress! + n * p
        let imageLoss = evaluate(x).loss
        loss += imageLoss
        // m_d = sum_{s: z_sd = 1} q_s, and the same sums of q_s f_s.
        for k in 0..<d {
          m[k] = 0
          scoreF[k] = 0
        }
        var total = q[0]
        weights[0] += q[0]
        for s in 1..<states {
          total += q[s]
          weights[s] += q[s]
          var bits = s
          while bits != 0 {
            let k = bits.trailingZeroBitCount
            m[k] += q[s]
            scoreF[k] += qf[s]
            bits &= bits - 1
          }
        }
        for k in 0..<d {
          let gl = scoreF[k] - LogSpace.sigmoid(logits[k]) * imageLoss
          for i in 0..<p where x[i] != 0 { g[par.encoderWeightsOffset + k * p + i] += gl * x[i] }
          g[par.encoderBiasOffset + k] += gl
          g[par.priorOffset + k] -= m[k] - LogSpace.sigmoid(a[k]) * total
        }
        for i in 0..<p where x[i] != 0 {
          g[par.decoderBiasOffset + i] -= x[i] * total
          for k in 0..<d { g[par.decoderWeightsOffset + i * d + k] -= x[i] * m[k] }
        }
      }
    }
    // + sum_s w_s σ(A_s) z_s^T and + sum_s w_s σ(A_s), with w_s = sum over images of q_s.
    var column = [Double](repeating: 0, count: d * p)
    var biasSum = [Double](repeating: 0, count: p)
    let block = 1 << tables.lowBits
    var sigma = [Double](repeating: 0, count: block * p)
    tables.forEachBlock { first, count, logits in
      sigma.withUnsafeMutableBufferPointer { sg in
        VAEStateTables.sigmoids(logits, count: count * p, into: sg.baseAddress!)
        for j in 0..<count {
          let s = first + j
          let w = weights[s]
          let row = sg.baseAddress! + j * p
          for i in 0..<p { biasSum[i] += w * row[i] }
          var bits = s
          while bits != 0 {
            let k = bits.trailingZeroBitCount
            for i in 0..<p { column[k * p + i] += w * row[i] }
            bits &= bits - 1
          }
        }
      }
    }
    for i in 0..<p {
      g[par.decoderBiasOffset + i] += biasSum[i]
      for k in 0..<d { g[par.decoderWeightsOffset + i * d + k] += column[k * p + i] }
    }
    let scale = 1 / Double(rows.count)
    for j in g.indices { g[j] *= scale }
    return ExactSolution(loss: loss * scale, gradient: g)
  }
}
