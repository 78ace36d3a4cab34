import Foundation

/// REBAR's conditional sample for a Bernoulli: `u' = v (1 - p)` if `b = 0`,
/// `u' = (1 - p) + v p` if `b = 1`; `ztilde = l + log u' - log(1 - u')`.
///
/// An instance holds what depends on the log-odds only (`σ(±l)`, `log σ(±l)`), computed once
/// per parameter value rather than once per draw.
public struct ConditionalLogistic: Sendable {
  public let logOdds: Double
  /// `σ(l)` and `σ(-l)`.
  let p: Double
  let q: Double
  /// `log σ(l)` and `log σ(-l)`.
  let logP: Double
  let logQ: Double

  public init(logOdds l: Double) {
    logOdds = l
    p = LogSpace.sigmoid(l)
    q = LogSpace.sigmoid(-l)
    logP = LogSpace.logSigmoid(l)
    logQ = LogSpace.logSigmoid(-l)
  }

  /// Returns `ztilde` and `d ztilde / d l` (p depends on l too).
  @inline(__always)
  public func sample(given b: Int, uniform v: Double) -> (value: Double, derivative: Double) {
    let l = logOdds
    // Logs are taken of factors, never of a rounded sum near 0, so any finite l is safe.
    if b == 0 {
      let oneMinusU = p + q * (1 - v)
      let value = l + log(v) + logQ - log(oneMinusU)
      return (value, 1 - p / oneMinusU)
    } else {
      let u = q + p * v
      let value = l + log(u) - logP - log1p(-v)
      return (value, 1 - q / u)
    }
  }

  /// One draw at log-odds `l` (the same numbers as `ConditionalLogistic(logOdds: l)`'s).
  public static func sample(logOdds l: Double, given b: Int, uniform v: Double) -> (
    value: Double, derivative: Double
  ) {
    ConditionalLogistic(logOdds: l).sample(given: b, uniform: v)
  }
}
