import Foundation

/// The decoder and the prior at one set of parameters, shared by every image of a step:
/// one array holding `W` (64 x D, row-major), `c` (64), `log σ(a_d)`, `log σ(-a_d)` and
/// `σ(a_d)` (D each), read through one pointer per evaluation.
final class VAEDecoder: Sendable {
  let latents: Int
  let storage: [Double]

  static let pixels = DigitImages.pixels
  var biasOffset: Int { Self.pixels * latents }
  var priorOnOffset: Int { Self.pixels * latents + Self.pixels }
  var priorOffOffset: Int { priorOnOffset + latents }
  var priorMeanOffset: Int { priorOffOffset + latents }

  init(_ parameters: VAEParameters) {
    latents = parameters.latents
    let a = Array(parameters.priorLogits)
    storage =
      Array(parameters.decoderWeights) + Array(parameters.decoderBias)
      + a.map(LogSpace.logSigmoid) + a.map { LogSpace.logSigmoid(-$0) } + a.map(LogSpace.sigmoid)
  }

  /// `A = W z + c` into `a`, `t = exp(-|A|)`, and returns `sum_i softplus(A_i)` with
  /// `softplus(A) = max(A, 0) + log(1 + t)` (the exps and logs vectorised over the 64 pixels).
  @inline(__always)
  static func decode(
    _ z: (Int) -> Double, latents d: Int, storage s: UnsafePointer<Double>,
    logits a: UnsafeMutablePointer<Double>, t: UnsafeMutablePointer<Double>,
    logs: UnsafeMutablePointer<Double>
  ) -> Double {
    let p = pixels
    let bias = s + p * d
    for i in 0..<p { a[i] = bias[i] }
    for k in 0..<d {
      let zk = z(k)
      guard zk != 0 else { continue }
      for i in 0..<p { a[i] += s[i * d + k] * zk }
    }
    for i in 0..<p { t[i] = -abs(a[i]) }
    VectorMath.exp(t, count: p)
    for i in 0..<p { logs[i] = 1 + t[i] }
    VectorMath.log(logs, count: p)
    var sum = 0.0
    for i in 0..<p { sum += max(a[i], 0) + logs[i] }
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
  /// `log σ(l_d)`, `log σ(-l_d)` and `(W^T x)_d` (D each), then the image's 64 pixels.
  let terms: [Double]
  /// `x . c`.
  let imageBias: Double

  var variables: Int { decoder.latents }
  static let pixels = DigitImages.pixels

  init(decoder: VAEDecoder, logits l: UnsafePointer<Double>, images: [Double], row: Int) {
    self.decoder = decoder
    let d = decoder.latents
    let p = Self.pixels
    var bias = 0.0
    terms = [Double](unsafeUninitializedCapacity: 3 * d + p) { out, count in
      let t = out.baseAddress!
      for k in 0..<d {
        t[k] = LogSpace.logSigmoid(l[k])
        t[d + k] = LogSpace.logSigmoid(-l[k])
        t[2 * d + k] = 0
      }
      images.withUnsafeBufferPointer { px in
        let x = px.baseAddress! + row * p
        (t + 3 * d).update(from: x, count: p)
        decoder.storage.withUnsafeBufferPointer { s in
          let w = s.baseAddress!
          let c = w + p * d
          for i in 0..<p where x[i] != 0 {
            bias += c[i] * x[i]
            for k in 0..<d { t[2 * d + k] += w[i * d + k] * x[i] }
          }
        }
      }
      count = 3 * d + p
    }
    imageBias = bias
  }

  /// Runs `body` with the decoder's storage, the terms, and scratch for 3 x 64 values.
  @inline(__always)
  private func withBuffers<R>(
    _ body: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> R
  ) -> R {
    decoder.storage.withUnsafeBufferPointer { s in
      terms.withUnsafeBufferPointer { t in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * Self.pixels) { scratch in
          body(s.baseAddress!, t.baseAddress!, scratch.baseAddress!)
        }
      }
    }
  }

  @inline(__always)
  private func value(_ z: (Int) -> Double) -> Double {
    let d = decoder.latents
    let p = Self.pixels
    let on = decoder.priorOnOffset
    let off = decoder.priorOffOffset
    return withBuffers { s, t, scratch in
      var latent = 0.0
      var linear = imageBias
      for k in 0..<d {
        let zk = z(k)
        latent += zk * t[k] + (1 - zk) * t[d + k] - (zk * s[on + k] + (1 - zk) * s[off + k])
        linear += zk * t[2 * d + k]
      }
      let softplus = VAEDecoder.decode(
        z, latents: d, storage: s, logits: scratch, t: scratch + p, logs: scratch + 2 * p)
      return latent - (linear - softplus)
    }
  }

  func value(_ z: UnsafePointer<Double>) -> Double { value { z[$0] } }

  func value(bits: UnsafePointer<Int>) -> Double { value { Double(bits[$0]) } }

  func gradient(_ z: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
    let d = decoder.latents
    let p = Self.pixels
    let on = decoder.priorOnOffset
    let off = decoder.priorOffOffset
    withBuffers { s, t, scratch in
      let a = scratch
      let e = scratch + p
      _ = VAEDecoder.decode(
        { z[$0] }, latents: d, storage: s, logits: a, t: e, logs: scratch + 2 * p)
      for k in 0..<d {
        out[k] = (t[k] - t[d + k]) - (s[on + k] - s[off + k]) - t[2 * d + k]
      }
      for i in 0..<p {
        let sigma = (a[i] >= 0 ? 1 : e[i]) / (1 + e[i])
        let row = s + i * d
        for k in 0..<d { out[k] += row[k] * sigma }
      }
    }
  }

  /// `(d^2 f / dz^2) v = sum_i σ'(A_i) W_i (W_i . v)`, `σ' = σ(1 - σ)`: only the decoder's
  /// softplus terms are not linear in z.
  func hessianProduct(
    _ z: UnsafePointer<Double>, direction v: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>
  ) {
    let d = decoder.latents
    let p = Self.pixels
    withBuffers { s, _, scratch in
      let a = scratch
      let e = scratch + p
      _ = VAEDecoder.decode(
        { z[$0] }, latents: d, storage: s, logits: a, t: e, logs: scratch + 2 * p)
      for k in 0..<d { out[k] = 0 }
      for i in 0..<p {
        // σ(A) σ(-A) = t / (1 + t)^2 with t = exp(-|A|).
        let curvature = e[i] / ((1 + e[i]) * (1 + e[i]))
        let row = s + i * d
        var along = 0.0
        for k in 0..<d { along += row[k] * v[k] }
        let scale = curvature * along
        for k in 0..<d { out[k] += row[k] * scale }
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
    let p = Self.pixels
    let mean = decoder.priorMeanOffset
    withBuffers { s, t, scratch in
      let a = scratch
      let e = scratch + p
      _ = VAEDecoder.decode(
        { Double(b[$0]) }, latents: d, storage: s, logits: a, t: e, logs: scratch + 2 * p)
      let x = t + 3 * d
      let bias = g + layout.decoderBiasOffset
      let weights = g + layout.decoderWeightsOffset
      for i in 0..<p {
        let r = -(x[i] - (a[i] >= 0 ? 1 : e[i]) / (1 + e[i])) * scale
        bias[i] += r
        let row = weights + i * d
        for k in 0..<d where b[k] == 1 { row[k] += r }
      }
      let prior = g + layout.priorOffset
      for k in 0..<d { prior[k] -= (Double(b[k]) - s[mean + k]) * scale }
    }
  }
}
