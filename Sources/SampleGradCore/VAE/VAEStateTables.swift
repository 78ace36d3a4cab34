import Foundation

/// What the exact answers need of every one of the `S = 2^D` latent states `z_s` at one set
/// of parameters, computed once and shared by every image: state `s` has bit `d` equal to
/// `(s >> d) & 1`.
///
/// - the decoder's logits `A_s = W z_s + c` (64 per state), made a block of up to 256 states
///   at a time as `A_s = (c + sum_{d in high bits} W_d) + (sum_{d in low bits} W_d)`, so no
///   `S x 64` table is ever held (at D = 16 it would be 32 MB);
/// - `softplus_s = sum_i log(1 + exp(A_si))`, so that for a binary image
///   `log p(x|z_s) = x . A_s - softplus_s = x . c + z_s . (W^T x) - softplus_s`;
/// - the prior `log p(z_s) = sum_d z_sd log σ(a_d) + (1 - z_sd) log σ(-a_d)`.
final class VAEStateTables {
  let latents: Int
  let states: Int
  /// Bits in a block's low part: a block is `2^lowBits` states.
  let lowBits: Int
  let parameters: VAEParameters
  private(set) var softplus: [Double]
  private(set) var logPrior: [Double]
  /// `sum_{d in low bits of s} W_d` for each low part (2^lowBits x 64).
  private var lowSums: [Double]

  static let pixels = DigitImages.pixels

  init(_ parameters: VAEParameters) {
    let d = parameters.latents
    precondition(d <= VAEParameters.exactLatents, "enumeration needs D <= 16")
    latents = d
    states = 1 << d
    lowBits = min(d, 8)
    self.parameters = parameters
    softplus = [Double](repeating: 0, count: states)
    logPrior = [Double](repeating: 0, count: states)
    lowSums = []
    lowSums = makeLowSums()
    let a = Array(parameters.priorLogits)
    let on = a.map(LogSpace.logSigmoid)
    let off = a.map { LogSpace.logSigmoid(-$0) }
    VAEStateTables.subsetSums(
      base: off.reduce(0, +), steps: zip(on, off).map { $0 - $1 }, into: &logPrior)
    var sums = softplus
    forEachBlock { first, count, logits in
      VAEStateTables.softplusSums(logits, states: count, into: &sums, at: first)
    }
    softplus = sums
  }

  /// `T_s = base + sum_{d in s} steps_d` for every state, by `T_s = T_(s without its lowest
  /// bit) + steps_(lowest bit)`: one addition per state.
  static func subsetSums(base: Double, steps: [Double], into t: inout [Double]) {
    t.withUnsafeMutableBufferPointer { out in
      steps.withUnsafeBufferPointer { v in
        subsetSums(base: base, steps: v.baseAddress!, count: out.count, into: out.baseAddress!)
      }
    }
  }

  @inline(__always)
  static func subsetSums(
    base: Double, steps v: UnsafePointer<Double>, count: Int, into t: UnsafeMutablePointer<Double>
  ) {
    t[0] = base
    guard count > 1 else { return }
    for s in 1..<count { t[s] = t[s & (s - 1)] + v[s.trailingZeroBitCount] }
  }

  private func makeLowSums() -> [Double] {
    let p = Self.pixels
    let d = latents
    let lows = 1 << lowBits
    var table = [Double](repeating: 0, count: lows * p)
    let w = Array(parameters.decoderWeights)
    for s in 1..<max(lows, 1) {
      let parent = s & (s - 1)
      let bit = s.trailingZeroBitCount
      for i in 0..<p { table[s * p + i] = table[parent * p + i] + w[i * d + bit] }
    }
    return table
  }

  /// Calls `body(first, count, logits)` for consecutive blocks of states, `logits` holding
  /// `A_s` for states `first ..< first + count` (64 each, row by row).
  func forEachBlock(_ body: (Int, Int, UnsafePointer<Double>) -> Void) {
    let p = Self.pixels
    let d = latents
    let lows = 1 << lowBits
    let w = Array(parameters.decoderWeights)
    let c = Array(parameters.decoderBias)
    var block = [Double](repeating: 0, count: lows * p)
    var base = [Double](repeating: 0, count: p)
    lowSums.withUnsafeBufferPointer { low in
      block.withUnsafeMutableBufferPointer { a in
        for high in 0..<(states >> lowBits) {
          for i in 0..<p {
            var s = c[i]
            for k in 0..<(d - lowBits) where (high >> k) & 1 == 1 { s += w[i * d + lowBits + k] }
            base[i] = s
          }
          for s in 0..<lows {
            for i in 0..<p { a[s * p + i] = base[i] + low[s * p + i] }
          }
          body(high << lowBits, lows, UnsafePointer(a.baseAddress!))
        }
      }
    }
  }

  /// `out[first + s] = sum_i softplus(A_si)`, `softplus(A) = max(A, 0) + log(1 + exp(-|A|))`
  /// with the exps and logs vectorised.
  static func softplusSums(
    _ logits: UnsafePointer<Double>, states: Int, into out: inout [Double], at first: Int
  ) {
    let n = states * pixels
    withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { t in
      let e = t.baseAddress!
      for j in 0..<n { e[j] = -abs(logits[j]) }
      VectorMath.exp(e, count: n)
      for j in 0..<n { e[j] += 1 }
      VectorMath.log(e, count: n)
      for s in 0..<states {
        var sum = 0.0
        for i in 0..<pixels {
          let a = logits[s * pixels + i]
          sum += max(a, 0) + e[s * pixels + i]
        }
        out[first + s] = sum
      }
    }
  }

  /// `σ(A)` for a block, written over `into` (same size as the block).
  static func sigmoids(
    _ logits: UnsafePointer<Double>, count n: Int, into out: UnsafeMutablePointer<Double>
  ) {
    for j in 0..<n { out[j] = -abs(logits[j]) }
    VectorMath.exp(out, count: n)
    for j in 0..<n {
      let t = out[j]
      out[j] = logits[j] >= 0 ? 1 / (1 + t) : t / (1 + t)
    }
  }
}
