import SampleGradCore

/// What the model race shows of a lane's decoder: `σ(W z* + c)` at the encoder's most likely
/// `z*_d = 1[(U x + e)_d > 0]` for an image x.
package enum VAEReconstruction {
  package static func means(_ p: VAEParameters, image x: [Double]) -> [Double] {
    let d = p.latents
    let n = VAEParameters.pixels
    var l = [Double](repeating: 0, count: d)
    x.withUnsafeBufferPointer { p.encoderLogits($0.baseAddress!, into: &l) }
    let w = Array(p.decoderWeights)
    let c = Array(p.decoderBias)
    return (0..<n).map { i in
      var a = c[i]
      for k in 0..<d where l[k] > 0 { a += w[i * d + k] }
      return LogSpace.sigmoid(a)
    }
  }
}
