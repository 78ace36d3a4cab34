import Foundation
import Testing

@testable import SampleGradCore

/// RELAX differentiates f's gradient along a direction: on the model that product must be
/// the derivative of `gradient` (central differences at a relaxed point).
struct VAEHessianTests {
  @Test("hessianProduct equals central differences of the gradient at a relaxed z")
  func againstDifferences() {
    let p = VAEExactTests.moved(latents: 5)
    let decoder = VAEDecoder(p)
    let images = DigitsData.training.pixels
    var logits = [Double](repeating: 0, count: 5)
    images.withUnsafeBufferPointer { p.encoderLogits($0.baseAddress! + 7 * 64, into: &logits) }
    let f = logits.withUnsafeBufferPointer {
      VAEImageFunction(decoder: decoder, logits: $0.baseAddress!, images: images, row: 7)
    }
    let z = [0.2, 0.7, 0.5, 0.9, 0.1]
    let v = [0.3, -1.0, 0.5, 0.2, -0.4]
    var product = [Double](repeating: 0, count: 5)
    f.hessianProduct(z, direction: v, into: &product)
    let h = 1e-5
    var plus = [Double](repeating: 0, count: 5)
    var minus = [Double](repeating: 0, count: 5)
    f.gradient(zip(z, v).map { $0 + h * $1 }, into: &plus)
    f.gradient(zip(z, v).map { $0 - h * $1 }, into: &minus)
    for k in 0..<5 {
      let difference = (plus[k] - minus[k]) / (2 * h)
      #expect(abs(product[k] - difference) < 1e-6 * max(1, abs(difference)), "component \(k)")
    }
    #expect(product.contains { abs($0) > 1e-3 })
  }
}
