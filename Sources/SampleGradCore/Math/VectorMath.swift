import CVectorMath

/// Bulk transcendental functions for the sampling loops, where scalar `log` and `exp` take
/// almost all the time. Backed by glibc's vectorised libmvec (accurate to 4 ulp); tests pin
/// them against Foundation over their whole input range.
public enum VectorMath {
  /// `x[i] = log(x[i])`.
  @inline(__always)
  static func log(_ x: UnsafeMutablePointer<Double>, count: Int) { sg_log(x, count) }

  /// `x[i] = exp(x[i])`.
  @inline(__always)
  static func exp(_ x: UnsafeMutablePointer<Double>, count: Int) { sg_exp(x, count) }

  /// `x[i] = -log(-log(x[i]))`: Gumbel noise from open-interval uniforms.
  @inline(__always)
  static func gumbel(_ x: UnsafeMutablePointer<Double>, count: Int) {
    sg_gumbel(x, count)
  }

  /// `x[i] = -log(x[i])`: exponential noise from open-interval uniforms.
  @inline(__always)
  static func negativeLog(_ x: UnsafeMutablePointer<Double>, count: Int) {
    sg_neglog(x, count)
  }

  /// Whether the 4-lane AVX2 path is in use (else 2-lane SSE2).
  public static var usesAVX2: Bool { sg_vector_width() == 1 }

  /// The widest libmvec variant the block kernels (`CNoiseBlocks.h`) use on this CPU: its
  /// logs differ from the others' by a few ulp, so seeded numbers agree to rounding, not to
  /// the bit, across tiers.
  public enum Tier: Int, Sendable {
    case baseline, avx2, avx512

    /// For JSON: `sse2`, `avx2`, `avx512`.
    public var key: String { ["sse2", "avx2", "avx512"][rawValue] }
    /// For a table: `SSE2`, `AVX2`, `AVX-512`.
    public var name: String { ["SSE2", "AVX2", "AVX-512"][rawValue] }
  }

  public static var tier: Tier { Tier(rawValue: Int(sg_vector_tier())) ?? .baseline }
}
