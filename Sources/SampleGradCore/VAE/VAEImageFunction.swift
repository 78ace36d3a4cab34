import Foundation

/// The decoder and the prior at one set of parameters, shared by every image of a step.
final class VAEDecoder: Sendable {
  let latents: Int
  /// `W` (64 x D, row-major) and `c` (64).
  let weights: [Double]
  let bias: [Double]
  /// `log σ(a_d)` and `log σ(-a_d)`, and `σ(a_d)`.
  let priorOn: [Double]
  let priorOff: [Double]
  let priorMean: [Double]

  init(_ parameters: VAEParameters) {
    latents = parameters.latents
    weights = Array(parameters.decoderWeights)
    bias = Array(parameters.decoderBias)
    let a = Array(parameters.priorLogits)
    priorOn = a.map(LogSpace.logSigmoid)
    priorOff = a.map { LogSpace.logSigmoid(-$0) }
    priorMean = a.map(LogSpace.sigmoid)
  }

  static let pixels = DigitImages.pixels

  /// `A = W z + c` into `a`, then `sum_i softplus(A_i)`, leaving `exp(-|A_i|)` in `t`.
  @inline(__always)
  func decode(
    _ z: (Int) -> Double, logits a: UnsafeMutablePointer<Double>, t: UnsafeMutablePointer<Double>
  ) -> Double {
    let p = Self.pixels
    let d = latents
    weights.withUnsafeBufferPointer { w in
      for i in 0..<p {
        var s = bias[i]
        let row = w.baseAddress! + i * d
        for k in 0..<d { s += row[k] * z(k) }
        a[i] = s
      }
    }
    for i in 0..<p { t[i] = -abs(a[i]) }
    VectorMath.exp(t, count: p)
    var sum = 0.0
    withUnsafeTemporaryAllocation(of: Double.self, capacity: p) { l in
      let logs = l.baseAddress!
      for i in 0..<p { logs[i] = 1 + t[i] }
      VectorMath.log(logs, count: p)
      for i in 0..<p { sum += max(a[i], 0) + logs[i] }
    }
    return sum
  }
}

/// `f(z; x) = log q(z|x) - log p(z) - log p(x|z)` for one image x at one step's parameters,
/// each term written with z real, `z log σ(l) + (1 - z) log σ(-l)`, so it is defined at relaxed
/// z in [0, 1]^D:
/// - `log q(z|x) = sum_d z_d log σ(l_d) + (1 - z_d) log σ(-l_d)`, `l = U x + e` held fixed (the
///   encoder's gradient comes through q only: `E_q[df/dl] = 0`);
/// - `log p(z) = sum_d z_d log σ(a_d) + (1 - z_d) log σ(-a_d)`;
/// - `log p(x|z) = sum_i x_i log σ(A_i) + (1 - x_i) log σ(-A_i) = x . c + z . (W^T x) -
///   sum_i softplus(A_i)`, `A = W z + c`.
///
/// `df/dz_d = (log σ(l_d) - log σ(-l_d)) - (log σ(a_d) - log σ(-a_d)) - sum_i W_id (x_i - σ(A_i))`.
struct VAEImageFunction: ModelFunction {
  let decoder: VAEDecoder
  /// `log σ(l_d)`, `log σ(-l_d)` and `(W^T x)_d`, D each.
  let terms: [Double]
  /// `x . c`.
  let imageBias: Double
  /// The image's pixels (0 or 1).
  let image: [Double]
  let imageOffset: Int

  var variables: Int { decoder.latents }

  init(decoder: VAEDecoder, logits l: UnsafePointer<Double>, images: [Double], row: Int) {
    self.decoder = decoder
    image = images
    imageOffset = row * DigitImages.pixels
    let d = decoder.latents
    var terms = [Double](repeating: 0, count: 3 * d)
    var bias = 0.0
    for k in 0..<d {
      terms[k] = LogSpace.logSigmoid(l[k])
      terms[d + k] = LogSpace.logSigmoid(-l[k])
    }
    for i in 0..<DigitImages.pixels where images[imageOffset + i] != 0 {
      let x = images[imageOffset + i]
      bias += decoder.bias[i] * x
      for k in 0..<d { terms[2 * d + k] += decoder.weights[i * d + k] * x }
    }
    self.terms = terms
    imageBias = bias
  }

  @inline(__always)
  private func value(_ z: (Int) -> Double) -> Double {
    let d = decoder.latents
    var latent = 0.0
    var linear = imageBias
    for k in 0..<d {
      let zk = z(k)
      latent +=
        zk * terms[k] + (1 - zk) * terms[d + k]
        - (zk * decoder.priorOn[k] + (1 - zk) * decoder.priorOff[k])
      linear += zk * terms[2 * d + k]
    }
    let p = DigitImages.pixels
    let softplus = withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * p) { buffer in
      decoder.decode(z, logits: buffer.baseAddress!, t: buffer.baseAddress! + p)
    }
    return latent - (linear - softplus)
  }

  func value(_ z: UnsafePointer<Double>) -> Double { value { z[$0] } }

  func value(bits: UnsafePointer<Int>) -> Double { value { Double(bits[$0]) } }

  func gradient(_ z: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
    let d = decoder.latents
    let p = DigitImages.pixels
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * p) { buffer in
      let a = buffer.baseAddress!
      let t = a + p
      _ = decoder.decode({ z[$0] }, logits: a, t: t)
      for k in 0..<d {
        out[k] =
          (terms[k] - terms[d + k]) - (decoder.priorOn[k] - decoder.priorOff[k]) - terms[2 * d + k]
      }
      decoder.weights.withUnsafeBufferPointer { w in
        for i in 0..<p {
          let sigma = a[i] >= 0 ? 1 / (1 + t[i]) : t[i] / (1 + t[i])
          let row = w.baseAddress! + i * d
          for k in 0..<d { out[k] += row[k] * sigma }
        }
      }
    }
  }

  /// Not per image: `VAEExact` computes the truth for a batch at once.
  func exact(logOdds: [Double]) -> ExactSolution? { nil }

  /// Adds `scale` times the decoder's and the prior's gradient of f at hard bits `b` into `g`
  /// (flat layout): `df/dW_id = -(x_i - σ(A_i)) b_d`, `df/dc_i = -(x_i - σ(A_i))`,
  /// `df/da_d = -(b_d - σ(a_d))`.
  func addModelGradient(
    bits b: UnsafePointer<Int>, scale: Double, layout: VAEParameters,
    into g: UnsafeMutablePointer<Double>
  ) {
    let d = decoder.latents
    let p = DigitImages.pixels
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * p) { buffer in
      let a = buffer.baseAddress!
      let t = a + p
      _ = decoder.decode({ Double(b[$0]) }, logits: a, t: t)
      for i in 0..<p {
        let sigma = a[i] >= 0 ? 1 / (1 + t[i]) : t[i] / (1 + t[i])
        let r = -(image[imageOffset + i] - sigma) * scale
        g[layout.decoderBiasOffset + i] += r
        for k in 0..<d where b[k] == 1 { g[layout.decoderWeightsOffset + i * d + k] += r }
      }
    }
    for k in 0..<d {
      g[layout.priorOffset + k] -= (Double(b[k]) - decoder.priorMean[k]) * scale
    }
  }
}
