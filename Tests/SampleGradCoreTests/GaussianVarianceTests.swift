import Testing

@testable import SampleGradCore

/// Closed forms for f(x) = x^2 at mean = std = 1: the per-sample variance of the score
/// function w.r.t. the mean is E[(1+e)^4 e^2] - 2^2 = 30, of the pathwise estimator 4.
@Suite("Gaussian variances against closed forms")
struct GaussianVarianceTests {
  @Test("score-function variance w.r.t. the mean is 30")
  func scoreFunctionVariance() throws {
    let samples = try draws(.scoreFunction, on: Problems.gaussianQuadratic, samples: 400_000)
    let (v, se) = varianceWithError(samples.map { $0[0] })
    #expect(abs(v - 30) < 5 * se, "variance \(v), SE \(se)")
  }

  @Test("pathwise variance w.r.t. the mean is 4, and w.r.t. the std is 12")
  func pathwiseVariance() throws {
    let samples = try draws(.reparameterization, on: Problems.gaussianQuadratic, samples: 200_000)
    let mean = varianceWithError(samples.map { $0[0] })
    #expect(abs(mean.variance - 4) < 5 * mean.standardError)
    // d/dstd = 2 (1 + e) e: variance E[4 (e + e^2)^2] - 4 = 4 (1 + 3) - 4 = 12.
    let std = varianceWithError(samples.map { $0[1] })
    #expect(abs(std.variance - 12) < 5 * std.standardError)
  }
}
