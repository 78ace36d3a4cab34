import Foundation

/// The discrete VAE's parameters (issue 18), with D latent bits and 64 pixels:
/// encoder `q(z|x) = prod_d Bern(σ((U x + e)_d))`, decoder `p(x|z) = prod_i Bern(σ((W z + c)_i))`,
/// prior `p(z) = prod_d Bern(σ(a_d))`.
///
/// The flat layout every gradient, optimiser and file uses: encoder weights `U` (D x 64,
/// row-major), encoder bias `e` (D), decoder weights `W` (64 x D, row-major), decoder bias
/// `c` (64), prior logits `a` (D): `130 D + 64` numbers.
public struct VAEParameters: Sendable, Equatable {
  /// Latent bits D.
  public let latents: Int
  /// The flat vector, in the layout above.
  public var values: [Double]

  /// Pixels per image.
  public static let pixels = DigitImages.pixels
  /// Latent bits the model accepts; exact answers (enumeration of `2^D` states) need
  /// `D <= VAEParameters.exactLatents`.
  public static let latentRange = 1...64
  public static let exactLatents = 16

  public init(latents: Int, values: [Double]) {
    precondition(values.count == Self.count(latents: latents))
    self.latents = latents
    self.values = values
  }

  /// `130 D + 64`.
  public static func count(latents d: Int) -> Int { 2 * d * pixels + 2 * d + pixels }

  // MARK: layout

  /// Offsets of each block in `values`.
  public var encoderWeightsOffset: Int { 0 }
  public var encoderBiasOffset: Int { latents * Self.pixels }
  public var decoderWeightsOffset: Int { latents * Self.pixels + latents }
  public var decoderBiasOffset: Int { 2 * latents * Self.pixels + latents }
  public var priorOffset: Int { 2 * latents * Self.pixels + latents + Self.pixels }
  /// The encoder's block (U then e): the components an estimator's gradient reaches.
  public var encoderCount: Int { latents * Self.pixels + latents }

  public var encoderWeights: ArraySlice<Double> {
    values[encoderWeightsOffset..<encoderBiasOffset]
  }
  public var encoderBias: ArraySlice<Double> { values[encoderBiasOffset..<decoderWeightsOffset] }
  public var decoderWeights: ArraySlice<Double> {
    values[decoderWeightsOffset..<decoderBiasOffset]
  }
  public var decoderBias: ArraySlice<Double> { values[decoderBiasOffset..<priorOffset] }
  public var priorLogits: ArraySlice<Double> { values[priorOffset..<values.count] }

  /// The encoder's logits `l = U x + e` for one image.
  public func encoderLogits(_ x: UnsafePointer<Double>, into l: UnsafeMutablePointer<Double>) {
    values.withUnsafeBufferPointer { v in
      let u = v.baseAddress!
      let e = u + encoderBiasOffset
      for d in 0..<latents {
        let row = u + d * Self.pixels
        var s = 0.0
        for i in 0..<Self.pixels { s += row[i] * x[i] }
        l[d] = s + e[d]
      }
    }
  }

  // MARK: the pinned start

  /// The deterministic start (no seed): `U[d][i] = 0.1 sin(1 + 64 d + i)`,
  /// `W[i][d] = 0.1 cos(1 + D i + d)`, `e = 0`, `a = 0`,
  /// `c_i = logit(clip(mean of pixel i over the training images, 0.01, 0.99))`.
  public static func initial(latents d: Int, training: DigitImages = DigitsData.training)
    -> VAEParameters
  {
    var v = [Double](repeating: 0, count: count(latents: d))
    for row in 0..<d {
      for i in 0..<pixels { v[row * pixels + i] = 0.1 * sin(Double(1 + 64 * row + i)) }
    }
    let w = d * pixels + d
    for i in 0..<pixels {
      for k in 0..<d { v[w + i * d + k] = 0.1 * cos(Double(1 + d * i + k)) }
    }
    let c = 2 * d * pixels + d
    for (i, mean) in training.pixelMeans.enumerated() {
      let p = min(max(mean, 0.01), 0.99)
      v[c + i] = log(p / (1 - p))
    }
    return VAEParameters(latents: d, values: v)
  }
}
