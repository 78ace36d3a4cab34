import CVectorMath
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

  /// One variable takes the AVX-512 tier's strip kernel (eight rows in registers) from 8 rows
  /// on; rows of several variables take the per-row loop. Two variables with the same
  /// numbers must give the same bits as one, with r and q (REBAR) and without (Gumbel-Rao);
  /// 43 rows end in a partial strip.
  @Test("the conditional kernel gives one variable's numbers bit for bit whichever loop runs")
  func conditionalStripsMatchRows() {
    let logits: [Double] = [0.8, -0.3, 0.1, -1.2, 3, -2, 0.5]
    let k = logits.count
    let rows = 43
    let lse = LogSpace.logSumExp(logits, count: k)
    let top = logits.max()!
    let ratios = logits.map { Foundation.exp(top - $0) }
    let best = (0..<rows).map { ($0 * 5) % k }
    var rng = Xoshiro256StarStar(seed: 41)
    let v = (0..<(rows * k)).map { _ in rng.nextOpenUniform() }
    var scratch = ScratchWithGuard(
      count: CategoricalBlock.scratchCount(values: rows * k, rows: rows))
    defer { #expect(scratch.guardIntact, "a kernel wrote past its scratch") }
    func run(variables: Int, withPieces: Bool) -> [Double] {
      let ratios = [[Double]](repeating: ratios, count: variables).flatMap { $0 }
      let maxLogit = [Double](repeating: top, count: variables)
      let logSumExp = [Double](repeating: lse, count: variables)
      let pMax = [Double](repeating: Foundation.exp(top - lse), count: variables)
      var e = v
      var y = [Double](repeating: 0, count: rows * k)
      var r = y
      var q = y
      if withPieces {
        sg_conditional_rows(
          &e, best, ratios, maxLogit, logSumExp, pMax, k, rows, variables, &y, &r, &q, 1 / 0.4,
          &scratch.values)
      } else {
        sg_conditional_rows(
          &e, best, ratios, maxLogit, logSumExp, pMax, k, rows, variables, &y, nil, nil, 1 / 0.4,
          &scratch.values)
      }
      return y + r + q
    }
    for withPieces in [true, false] {
      let strips = run(variables: 1, withPieces: withPieces)
      let perRow = run(variables: 2, withPieces: withPieces)
      let differing = zip(strips, perRow).filter { $0 != $1 }.count
      #expect(differing == 0, "with r and q: \(withPieces)")
    }
  }

  /// The outcome sampler draws its uniforms into the kernel's columns, and leaves its relaxed
  /// samples there unless moments accumulate every one. Whatever the layout, the samples must
  /// be those of the straightforward code on the same stream: sample by sample, variable by
  /// variable, `z = logits - log(-log u)`, its first argmax, and `softmax(z / tau)`.
  @Test(
    "the block sampler's outcomes and latest relaxed sample are the straightforward ones",
    arguments: [
      DistributionSpec.categorical(logits: [0.5, -1, 2, 0, 0.25], temperature: 0.3),
      DistributionSpec.categorical(
        rows: [[1, 0, -1], [0.2, 0.3, -2], [3, 1, 0]], temperature: 2),
    ])
  func blockSamplesAreStraightforward(distribution: DistributionSpec) throws {
    let theta = distribution.parameters
    // The objective plays no part in sampling outcomes; mean-squared takes any D.
    let problem = try GradientProblem(
      distribution: distribution, objective: .meanSquared(target: 0.5, values: nil))
    let temperature = try #require(problem.distribution.temperature)
    let k = problem.categories
    let variables = problem.variables
    // 1,001 samples: 15 whole blocks of 64 and one of 41, whose odd row count leaves a
    // value past the last whole vector of 4 (the compatible tiers' scalar tail).
    let count = 1_001
    var rng = Xoshiro256StarStar(seed: 29)
    var counts = [Int](repeating: 0, count: theta.count)
    var latest = [Double](repeating: 0, count: theta.count)
    var closestTie = Double.infinity
    for _ in 0..<count {
      for d in 0..<variables {
        let z = (0..<k).map {
          theta[d * k + $0] - Foundation.log(-Foundation.log(rng.nextOpenUniform()))
        }
        let sorted = z.sorted()
        closestTie = min(closestTie, sorted[k - 1] - sorted[k - 2])
        counts[d * k + z.firstIndex(of: z.max()!)!] += 1
        let top = z.max()! / temperature
        let w = z.map { Foundation.exp($0 / temperature - top) }
        let total = w.reduce(0, +)
        for j in 0..<k { latest[d * k + j] = w[j] / total }
      }
    }
    // The vector logs may differ from Foundation's in the last bit (1e-16 of |z|): with no
    // two z's this close the argmaxes must agree exactly, and y to far below 1e-12.
    #expect(closestTie > 1e-9)
    for accumulating in [false, true] {
      let sampler = OutcomeSampler(problem: problem)
      var blockRng = Xoshiro256StarStar(seed: 29)
      var histogram = sampler.makeHistogram()
      var relaxed = RunningMoments(dimension: accumulating ? theta.count : 0)
      sampler.run(count: count, using: &blockRng, histogram: &histogram, relaxed: &relaxed)
      #expect(histogram.counts == counts, "accumulating: \(accumulating)")
      for (block, straight) in zip(sampler.latestRelaxed, latest) {
        #expect(abs(block - straight) < 1e-12, "accumulating: \(accumulating)")
      }
      // The generator is handed back past every uniform drawn.
      var after = rng
      #expect(blockRng.next() == after.next())
    }
  }

  /// Noise version 1 took the last n mod 4 logs of a row-major block with scalar libm in the
  /// AVX2 and baseline tiers, and scalar and vector logs differ in the last bit for a few
  /// percent of inputs: the column layout must redo exactly those with scalar libm. Blocks of
  /// 41, 7 and 2 rows of K = 5 leave 1, 3 and 2 such values each; 400 blocks meet the
  /// differing inputs many times over. In the AVX-512 tier, columns take the strip kernel
  /// from 8 rows on (eight rows in registers; 41 rows end in a partial strip), rows the
  /// passes.
  @Test(
    "uniforms in columns give the row-major kernel's numbers bit for bit in every tier",
    arguments: [41, 8, 7, 2])
  func columnsMatchRowsInEveryTier(rows: Int) {
    let k = 5
    let n = rows * k
    let logits: [Double] = [0.4, -1.3, 2.2, 0, 0.7]
    var rng = Xoshiro256StarStar(seed: 31)
    var scratch = ScratchWithGuard(count: CategoricalBlock.scratchCount(values: n, rows: rows))
    defer { #expect(scratch.guardIntact, "a kernel wrote past its scratch") }
    for tier in 0...sg_vector_tier() {
      var mismatches = 0
      for _ in 0..<400 {
        let u = (0..<n).map { _ in rng.nextOpenUniform() }
        // The same uniforms, value j of row r at j * rows + r.
        let inColumns = (0..<n).map { u[($0 % rows) * k + $0 / rows] }
        var columns = inColumns
        var rowMajor = u
        var bestRows = [Int](repeating: 0, count: rows)
        var bestColumns = bestRows
        var yRows = u
        var yColumns = u
        sg_gumbel_rows_in_tier(
          tier, &rowMajor, logits, k, rows, 1, &bestRows, &yRows, 0, 1 / 0.3, &scratch.values)
        sg_gumbel_rows_in_tier(
          tier, &columns, logits, k, rows, 1, &bestColumns, &yColumns,
          Int32(SG_UNIFORMS_IN_COLUMNS), 1 / 0.3, &scratch.values)
        // Relaxed samples left in columns, and the argmax alone (no relaxation).
        var both = inColumns
        var bestBoth = bestRows
        var yBoth = u
        sg_gumbel_rows_in_tier(
          tier, &both, logits, k, rows, 1, &bestBoth, &yBoth,
          Int32(SG_UNIFORMS_IN_COLUMNS | SG_RELAXED_IN_COLUMNS), 1 / 0.3, &scratch.values)
        let yBothRows = (0..<n).map { yBoth[($0 % k) * rows + $0 / k] }
        var alone = inColumns
        var bestAlone = bestRows
        sg_gumbel_rows_in_tier(
          tier, &alone, logits, k, rows, 1, &bestAlone, nil, Int32(SG_UNIFORMS_IN_COLUMNS),
          1 / 0.3, &scratch.values)
        if bestRows != bestColumns || yRows != yColumns || bestRows != bestBoth
          || yRows != yBothRows || bestRows != bestAlone
        {
          mismatches += 1
        }
      }
      #expect(mismatches == 0, "tier \(tier)")
    }
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

/// A kernel's scratch followed by a guard of sentinel values: the C kernels cannot be bounds
/// checked, so a test that finds the guard changed has caught a write past the documented
/// size (the AVX-512 strips once needed 8 k doubles where blocks of 1 or 2 rows had 3 k + 4).
struct ScratchWithGuard {
  static let guardCount = 4096
  static let sentinel = -7.25
  let count: Int
  var values: [Double]

  init(count: Int) {
    self.count = count
    values =
      [Double](repeating: 0, count: count)
      + [Double](repeating: Self.sentinel, count: Self.guardCount)
  }

  var guardIntact: Bool { values[count...].allSatisfy { $0 == Self.sentinel } }
}
