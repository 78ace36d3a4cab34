import Foundation

/// What the exact answers need of every one of the `S = 2^D` latent states `z_s` at one set
/// of parameters, computed once per set and shared by every image: state `s` has bit `d`
/// equal to `(s >> d) & 1`.
///
/// - the decoder's logits `A_s = W z_s + c` (64 per state), made a block of up to 256 states
///   at a time as `A_s = (c + sum_{d in high bits} W_d) + (sum_{d in low bits} W_d)`, so no
///   `S x 64` table is ever held (at D = 16 it would be 32 MB);
/// - `softplus_s = sum_i log(1 + exp(A_si))`, so that for a binary image
///   `log p(x|z_s) = x . A_s - softplus_s = x . c + z_s . (W^T x) - softplus_s`;
/// - the prior `log p(z_s) = sum_d z_sd log σ(a_d) + (1 - z_sd) log σ(-a_d)`.
///
/// Its buffers are allocated once for D and reused by `load(_:)` (a lane loads each step's
/// parameters): nothing is allocated per step.
final class VAEStateTables {
  let latents: Int
  let states: Int
  /// Bits in a block's low part: a block is `2^lowBits` states.
  let lowBits: Int
  var blockStates: Int { 1 << lowBits }
  private(set) var parameters: VAEParameters
  let softplus: UnsafeMutablePointer<Double>
  let logPrior: UnsafeMutablePointer<Double>
  /// `sum_{d in low bits of s} W_d` for each low part (2^lowBits x 64).
  private let lowSums: UnsafeMutablePointer<Double>
  /// One block's logits, and its sigmoids or softplus terms.
  let block: UnsafeMutablePointer<Double>
  let blockWork: UnsafeMutablePointer<Double>
  /// The high part's `c + sum W_d`.
  private let base: UnsafeMutablePointer<Double>

  static let pixels = DigitImages.pixels

  init(_ parameters: VAEParameters) {
    let d = parameters.latents
    precondition(d <= VAEParameters.exactLatents, "enumeration needs D <= 16")
    latents = d
    states = 1 << d
    lowBits = min(d, 8)
    self.parameters = parameters
    let p = Self.pixels
    softplus = .allocate(capacity: states)
    logPrior = .allocate(capacity: states)
    lowSums = .allocate(capacity: (1 << lowBits) * p)
    block = .allocate(capacity: (1 << lowBits) * p)
    blockWork = .allocate(capacity: (1 << lowBits) * p)
    base = .allocate(capacity: p)
    load(parameters)
  }

  deinit {
    for buffer in [softplus, logPrior, lowSums, block, blockWork, base] { buffer.deallocate() }
  }

  /// Recomputes every table for new parameters of the same D.
  func load(_ parameters: VAEParameters) {
    precondition(parameters.latents == latents)
    self.parameters = parameters
    let p = Self.pixels
    let d = latents
    parameters.values.withUnsafeBufferPointer { v in
      let w = v.baseAddress! + parameters.decoderWeightsOffset
      let a = v.baseAddress! + parameters.priorOffset
      for i in 0..<p { lowSums[i] = 0 }
      for s in 1..<(1 << lowBits) {
        let parent = lowSums + (s & (s - 1)) * p
        let row = lowSums + s * p
        let bit = s.trailingZeroBitCount
        for i in 0..<p { row[i] = parent[i] + w[i * d + bit] }
      }
      withUnsafeTemporaryAllocation(of: Double.self, capacity: d) { steps in
        var off = 0.0
        for k in 0..<d {
          let on = LogSpace.logSigmoid(a[k])
          let o = LogSpace.logSigmoid(-a[k])
          off += o
          steps[k] = on - o
        }
        Self.subsetSums(base: off, steps: steps.baseAddress!, count: states, into: logPrior)
      }
    }
    forEachBlock { first, count, logits in
      Self.softplusSums(logits, states: count, work: blockWork, into: softplus + first)
    }
  }

  /// `T_s = base + sum_{d in s} steps_d` for every state, by `T_s = T_(s without its lowest
  /// bit) + steps_(lowest bit)`: one addition per state.
  @inline(__always)
  static func subsetSums(
    base: Double, steps v: UnsafePointer<Double>, count: Int, into t: UnsafeMutablePointer<Double>
  ) {
    t[0] = base
    guard count > 1 else { return }
    for s in 1..<count { t[s] = t[s & (s - 1)] + v[s.trailingZeroBitCount] }
  }

  /// Calls `body(first, count, logits)` for consecutive blocks of states, `logits` holding
  /// `A_s` for states `first ..< first + count` (64 each, row by row) in `block`.
  func forEachBlock(_ body: (Int, Int, UnsafePointer<Double>) -> Void) {
    let p = Self.pixels
    let d = latents
    let lows = 1 << lowBits
    parameters.values.withUnsafeBufferPointer { v in
      let w = v.baseAddress! + parameters.decoderWeightsOffset
      let c = v.baseAddress! + parameters.decoderBiasOffset
      for high in 0..<(states >> lowBits) {
        for i in 0..<p {
          var s = c[i]
          for k in 0..<(d - lowBits) where (high >> k) & 1 == 1 { s += w[i * d + lowBits + k] }
          base[i] = s
        }
        for s in 0..<lows {
          let row = block + s * p
          let low = lowSums + s * p
          for i in 0..<p { row[i] = base[i] + low[i] }
        }
        body(high << lowBits, lows, UnsafePointer(block))
      }
    }
  }

  /// `out[s] = sum_i softplus(A_si)`, `softplus(A) = max(A, 0) + log(1 + exp(-|A|))` with the
  /// exps and logs vectorised (`work` holds `states x 64` values).
  static func softplusSums(
    _ logits: UnsafePointer<Double>, states: Int, work e: UnsafeMutablePointer<Double>,
    into out: UnsafeMutablePointer<Double>
  ) {
    let n = states * pixels
    for j in 0..<n { e[j] = -abs(logits[j]) }
    VectorMath.exp(e, count: n)
    for j in 0..<n { e[j] += 1 }
    VectorMath.log(e, count: n)
    for s in 0..<states {
      var sum = 0.0
      let a = logits + s * pixels
      let t = e + s * pixels
      for i in 0..<pixels { sum += max(a[i], 0) + t[i] }
      out[s] = sum
    }
  }

  /// `σ(A)` for `n` logits into `out`, from `t = exp(-|A|)`: `1 / (1 + t)` or `t / (1 + t)`.
  static func sigmoids(
    _ logits: UnsafePointer<Double>, count n: Int, into out: UnsafeMutablePointer<Double>
  ) {
    for j in 0..<n { out[j] = -abs(logits[j]) }
    VectorMath.exp(out, count: n)
    for j in 0..<n {
      let t = out[j]
      out[j] = (logits[j] >= 0 ? 1 : t) / (1 + t)
    }
  }
}
