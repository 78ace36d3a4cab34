/// The sampling core's generator: fast, 256 bits of state, and splittable into streams.
///
/// Blackman and Vigna, "Scrambled linear pseudorandom number generators" (2021).
/// Every estimator and every chunk of a run draws from its own stream, so enabling one
/// estimator never changes another's numbers, and results do not depend on the core count.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Equatable {
  var s0: UInt64
  var s1: UInt64
  var s2: UInt64
  var s3: UInt64

  /// Seeds all 256 bits from `seed` through SplitMix64 (never the all-zero state).
  public init(seed: UInt64) {
    var mixer = SplitMix64(seed: seed)
    s0 = mixer.next()
    s1 = mixer.next()
    s2 = mixer.next()
    s3 = mixer.next()
  }

  /// An independent stream for `(seed, stream, chunk)`: the three numbers are hashed into a
  /// SplitMix64 seed, so distinct triples give unrelated generators.
  public init(seed: UInt64, stream: UInt64, chunk: UInt64 = 0) {
    var mixer = SplitMix64(seed: seed)
    let a = mixer.next()
    var streamMixer = SplitMix64(seed: a ^ (stream &* 0xD6E8_FEB8_6659_FD93))
    let b = streamMixer.next()
    var chunkMixer = SplitMix64(seed: b ^ (chunk &* 0xA076_1D64_78BD_642F))
    self.init(seed: chunkMixer.next())
  }

  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, by: 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, by: 45)
    return result
  }

  /// A uniform double strictly inside (0, 1): `(n + 1/2) / 2^52` for a 52-bit `n`.
  ///
  /// The smallest value is 2^-53 and the largest 1 - 2^-53, so `log(u)` and `log(-log(u))`
  /// are always finite.
  public mutating func nextOpenUniform() -> Double {
    Double(next() >> 12) * 0x1p-52 + 0x1p-53
  }

  func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
