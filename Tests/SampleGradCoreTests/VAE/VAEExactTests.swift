import Foundation
import Testing

@testable import SampleGradCore

/// The exact answers by enumeration against truths the code does not compute itself: numbers
/// from an independent numpy implementation of the pinned rules (dense `2^D x D` state matrix,
/// no subset sums; its gradient checked by finite differences), a brute-force enumeration
/// written out here, and finite differences of the loss.
struct VAEExactTests {
  /// `|a - b| <= tolerance |b|`.
  static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * abs(b)
  }

  @Test("at the pinned start (D = 8, B = 32) the batch loss and gradient equal the reference's")
  func pinnedStart() {
    let p = VAEParameters.initial(latents: 8)
    let exact = VAEExact(p).batch(DigitsData.training, rows: Array(0..<32))
    // The reference's numbers (numpy, float64); rounding differs by ~1e-15 relative.
    #expect(Self.close(exact.loss, 25.63147314815476, 1e-12))
    #expect(exact.gradient[0] == 0 && exact.gradient[1] == 0)  // pixels 0 and 1 are never on
    #expect(Self.close(exact.gradient[2], -0.014246727353932065, 1e-9))
    #expect(Self.close(exact.gradient[p.encoderBiasOffset], -0.017061024035343698, 1e-9))
    #expect(Self.close(exact.gradient[p.decoderWeightsOffset], 0.0047302729001778366, 1e-9))
    #expect(Self.close(exact.gradient[p.decoderBiasOffset + 5], 0.01913621131352802, 1e-9))
    #expect(Self.close(exact.gradient[p.priorOffset + 7], 0.005134375594487454, 1e-9))
  }

  @Test("the test metrics at the start equal the reference's")
  func pinnedMetrics() {
    let exact = VAEExact(VAEParameters.initial(latents: 8))
    let train = exact.metrics(DigitsData.training)
    let test = exact.metrics(DigitsData.test)
    #expect(Self.close(train.negativeElbo, 25.49105312543117, 1e-12))
    #expect(Self.close(train.nll, 25.339541228973708, 1e-12))
    #expect(Self.close(test.negativeElbo, 24.850715995395074, 1e-12))
    #expect(Self.close(test.nll, 24.707976152151275, 1e-12))
  }

  /// The loss written out directly: every state, every term in its pinned form.
  static func bruteForceLoss(_ p: VAEParameters, rows: [Int]) -> Double {
    let d = p.latents
    let n = DigitImages.pixels
    let u = Array(p.encoderWeights)
    let e = Array(p.encoderBias)
    let w = Array(p.decoderWeights)
    let c = Array(p.decoderBias)
    let a = Array(p.priorLogits)
    func logSigmoid(_ x: Double) -> Double { -log1p(exp(-abs(x))) + min(x, 0) }
    var total = 0.0
    for row in rows {
      let x = Array(DigitsData.training.image(row))
      let l = (0..<d).map { k in (0..<n).reduce(e[k]) { $0 + u[k * n + $1] * x[$1] } }
      for s in 0..<(1 << d) {
        let z = (0..<d).map { Double((s >> $0) & 1) }
        var logQ = 0.0
        var logPrior = 0.0
        for k in 0..<d {
          logQ += z[k] * logSigmoid(l[k]) + (1 - z[k]) * logSigmoid(-l[k])
          logPrior += z[k] * logSigmoid(a[k]) + (1 - z[k]) * logSigmoid(-a[k])
        }
        var logLikelihood = 0.0
        for i in 0..<n {
          let logit = (0..<d).reduce(c[i]) { $0 + w[i * d + $1] * z[$1] }
          logLikelihood += x[i] * logSigmoid(logit) + (1 - x[i]) * logSigmoid(-logit)
        }
        total += exp(logQ) * (logQ - logPrior - logLikelihood)
      }
    }
    return total / Double(rows.count)
  }

  /// Parameters away from the start, so no block of the gradient is special.
  static func moved(latents d: Int) -> VAEParameters {
    var p = VAEParameters.initial(latents: d)
    for j in p.values.indices { p.values[j] += 0.3 * sin(Double(7 * j + 3)) }
    return p
  }

  @Test("loss against brute force, gradient against central differences of it (D = 3, 11)")
  func finiteDifferences() {
    for d in [3, 11] {
      let p = Self.moved(latents: d)
      let rows = [4, 17, 1203]
      let exact = VAEExact(p).batch(DigitsData.training, rows: rows)
      #expect(Self.close(exact.loss, Self.bruteForceLoss(p, rows: rows), 1e-11))
      // Central differences with h = 1e-5 have error ~h^2 |f'''| + 1e-16 |L| / h ~ 1e-9.
      let evaluator = VAEExact(p)
      for j in stride(from: 1, to: p.values.count, by: max(p.values.count / 40, 1)) {
        var plus = p
        var minus = p
        plus.values[j] += 1e-5
        minus.values[j] -= 1e-5
        evaluator.load(plus)
        let up = evaluator.batch(DigitsData.training, rows: rows).loss
        evaluator.load(minus)
        let down = evaluator.batch(DigitsData.training, rows: rows).loss
        let difference = (up - down) / 2e-5
        #expect(abs(difference - exact.gradient[j]) < 1e-7, "D = \(d), component \(j)")
      }
    }
  }

  @Test("-log p(x) <= the negative ELBO, with equality when q is the posterior")
  func nllBelowElbo() {
    let p = Self.moved(latents: 5)
    let images = DigitsData.test.rows(0..<40)
    let m = VAEExact(p).metrics(images)
    #expect(m.nll < m.negativeElbo)
  }

  @Test("f(z; x) of an image at hard bits equals the enumeration's; df/dz matches differences")
  func imageFunction() {
    let p = Self.moved(latents: 4)
    let decoder = VAEDecoder(p)
    let row = 9
    var l = [Double](repeating: 0, count: 4)
    DigitsData.training.pixels.withUnsafeBufferPointer {
      p.encoderLogits($0.baseAddress! + row * 64, into: &l)
    }
    let f = VAEImageFunction(
      decoder: decoder, logits: l, images: DigitsData.training.pixels, row: row)
    // E_q f from f at each of the 16 states equals the exact image loss.
    var expected = 0.0
    for s in 0..<16 {
      let bits = (0..<4).map { (s >> $0) & 1 }
      let q = (0..<4).reduce(1.0) {
        $0 * LogSpace.sigmoid(bits[$1] == 1 ? l[$1] : -l[$1])
      }
      expected += q * bits.withUnsafeBufferPointer { f.value(bits: $0.baseAddress!) }
    }
    let exact = DigitsData.training.pixels.withUnsafeBufferPointer {
      VAEExact(p).imageExact($0.baseAddress! + row * 64)
    }
    #expect(Self.close(expected, exact.loss, 1e-12))
    // df/dz at a relaxed point against central differences.
    let z = [0.3, 0.8, 0.55, 0.1]
    var g = [Double](repeating: 0, count: 4)
    z.withUnsafeBufferPointer { f.gradient($0.baseAddress!, into: &g) }
    for k in 0..<4 {
      var up = z
      var down = z
      up[k] += 1e-6
      down[k] -= 1e-6
      let difference =
        (up.withUnsafeBufferPointer { f.value($0.baseAddress!) }
          - down.withUnsafeBufferPointer { f.value($0.baseAddress!) }) / 2e-6
      #expect(abs(difference - g[k]) < 1e-6)
    }
  }
}
