import Foundation
import Testing

@testable import SampleGradCore

/// The vectorised paths against the straightforward ones: accuracy over whole input ranges,
/// never speed (that is `samplegrad bench`).
@Suite("Vectorised math and block sampling")
struct VectorMathTests {
  /// Values spread log-uniformly over [2^low, 2^high], plus the ends.
  func spread(_ low: Double, _ high: Double, count: Int = 20_000) -> [Double] {
    var rng = Xoshiro256StarStar(seed: 17)
    return [pow(2, low), pow(2, high)]
      + (0..<count).map { _ in pow(2, low + (high - low) * rng.nextOpenUniform()) }
  }

  func maxRelativeError(
    _ x: [Double], _ f: (UnsafeMutablePointer<Double>, Int) -> Void, _ g: (Double) -> Double
  ) -> Double {
    var y = x
    y.withUnsafeMutableBufferPointer { f($0.baseAddress!, $0.count) }
    return zip(x, y).map { input, fast in
      let exact = g(input)
      return exact == 0 ? abs(fast) : abs(fast - exact) / abs(exact)
    }.max() ?? 0
  }

  @Test("vector log matches Foundation to 1e-14 relative over every positive double")
  func logAccuracy() {
    let x = spread(-1074, 1023) + spread(-1, 1) + [1, 0x1p-53, 1 - 0x1p-53]
    let error = maxRelativeError(x, { VectorMath.log($0, count: $1) }, { Foundation.log($0) })
    #expect(error < 1e-14)
  }

  @Test("vector exp matches Foundation to 1e-14 relative from -745 to 709")
  func expAccuracy() {
    var rng = Xoshiro256StarStar(seed: 18)
    let x = [-745, 709, 0, -1e-300] + (0..<20_000).map { _ in -745 + 1454 * rng.nextOpenUniform() }
    var y = x
    y.withUnsafeMutableBufferPointer { VectorMath.exp($0.baseAddress!, count: $0.count) }
    for (input, fast) in zip(x, y) {
      let exact = Foundation.exp(input)
      if exact < 1e-300 {
        #expect(abs(fast - exact) < 1e-300)
      } else {
        #expect(abs(fast - exact) <= 1e-14 * exact, "exp(\(input))")
      }
    }
  }

  @Test("vector Gumbel noise matches -log(-log u) at the extremes of the open interval")
  func gumbelAccuracy() {
    let u = [0x1p-53, 1 - 0x1p-53, 0.5, 1e-10, 1 - 1e-10] + spread(-53, -0.0001)
    let error = maxRelativeError(u, { VectorMath.gumbel($0, count: $1) }, LogSpace.gumbel)
    #expect(error < 1e-12)
  }

  @Test("the block conditional sample, relaxed, equals the one-sample conditional sample's")
  func conditionalBlockMatches() throws {
    let logits: [Double] = [0.8, -0.3, 0.1, -1.2, 40, -40]
    let k = logits.count
    let rows = 40
    let temperature = 0.5
    let lse = LogSpace.logSumExp(logits, count: k)
    let top = logits.max()!
    let ratios = logits.map { Foundation.exp(top - $0) }
    var best = (0..<rows).map { $0 % k }
    var e = [Double](repeating: 0, count: rows * k)
    var rng = Xoshiro256StarStar(seed: 4)
    for i in e.indices { e[i] = rng.nextOpenUniform() }
    var oneRng = Xoshiro256StarStar(seed: 4)
    var blockY = e
    var blockR = e
    var blockQ = e
    var scratch = [Double](
      repeating: 0, count: CategoricalBlock.scratchCount(values: rows * k, rows: rows))
    // One variable: its maximum, log-sum-exp and pMax are one value each.
    let rowNumbers = [top, lse, Foundation.exp(top - lse)]
    ratios.withUnsafeBufferPointer { ratios in
      rowNumbers.withUnsafeBufferPointer { n in
        let conditional = ConditionalBlock(
          ratios: ratios.baseAddress!, maxLogit: n.baseAddress!, logSumExp: n.baseAddress! + 1,
          pMax: n.baseAddress! + 2, variables: 1)
        conditional.sample(
          k: k, rows: rows, best: &best, uniforms: &e, temperature: temperature,
          relaxed: &blockY, r: &blockR, q: &blockQ, scratch: &scratch)
      }
    }
    var z = [Double](repeating: 0, count: k)
    var r = z
    var q = z
    for row in 0..<rows {
      ConditionalGumbel.sample(
        logits: logits, logSumExp: lse, count: k, given: row % k, rng: &oneRng, into: &z,
        r: &r, q: &q)
      // softmax(z / tau), written out here with the row's maximum subtracted.
      let scaled = z.map { $0 / temperature }
      let m = scaled.max()!
      let w = scaled.map { Foundation.exp($0 - m) }
      let y = w.map { $0 / w.reduce(0, +) }
      for i in 0..<k {
        let o = row * k + i
        // The block's one-log form and the one-sample form of z~ differ by rounding, about
        // 1e-15 of |z~| <= 41; through 1/tau and the exp that stays far below 1e-9.
        #expect(abs(blockY[o] - y[i]) <= 1e-9, "row \(row), \(i)")
        #expect(abs(blockR[o] - r[i]) <= 1e-9)
        #expect(abs(blockQ[o] - q[i]) <= 1e-9)
      }
    }
  }

  /// Without moments to accumulate the sampler leaves its blocks in the kernel's columns;
  /// with them, row-major. Both must give the same samples, bit for bit.
  @Test(
    "the block sampler's latest relaxed sample and histogram do not depend on its layout",
    arguments: [
      DistributionSpec.categorical(logits: [0.5, -1, 2, 0, 0.25], temperature: 0.3),
      DistributionSpec.categorical(
        rows: [[1, 0, -1], [0.2, 0.3, -2], [3, 1, 0]], temperature: 2),
    ])
  func layoutsAgree(distribution: DistributionSpec) throws {
    let width = distribution.parameters.count
    // The objective plays no part in sampling outcomes; mean-squared takes any D.
    let problem = try GradientProblem(
      distribution: distribution, objective: .meanSquared(target: 0.5, values: nil))
    // 1,000 samples: 15 whole blocks of 64 and a partial one, whose rows shift every column.
    func sample(accumulating: Bool) -> (latest: [Double], counts: [Int]) {
      let sampler = OutcomeSampler(problem: problem)
      var rng = Xoshiro256StarStar(seed: 29)
      var histogram = sampler.makeHistogram()
      var relaxed = RunningMoments(dimension: accumulating ? width : 0)
      sampler.run(count: 1_000, using: &rng, histogram: &histogram, relaxed: &relaxed)
      return (sampler.latestRelaxed, histogram.counts)
    }
    let columns = sample(accumulating: false)
    let rows = sample(accumulating: true)
    #expect(columns.latest == rows.latest)
    #expect(columns.counts == rows.counts)
  }

  @Test("the block histogram sampler keeps Gumbel-max exact (chi-square) at K = 10")
  func blockOutcomes() throws {
    let problem = try GradientProblem(
      distribution: .categorical(logits: (0..<10).map { Double($0) / 4 - 1 }, temperature: 0.5),
      objective: .linear(weights: [Double](repeating: 0, count: 10)))
    let sampler = OutcomeSampler(problem: problem)
    var rng = Xoshiro256StarStar(seed: 23)
    var histogram = sampler.makeHistogram()
    var relaxed = RunningMoments(dimension: 10)
    sampler.run(count: 100_003, using: &rng, histogram: &histogram, relaxed: &relaxed)
    #expect(histogram.total == 100_003)
    #expect((histogram.chiSquare.pValue ?? 0) > 0.001)
    #expect(abs(relaxed.mean.reduce(0, +) - 1) < 1e-9)
  }
}
