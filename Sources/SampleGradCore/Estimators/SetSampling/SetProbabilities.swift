import Foundation

/// The probabilities of a set drawn without replacement, and of its subsets, that the
/// unordered set estimator (Kool, van Hoof, Welling 2020) weighs its members with.
///
/// For a set `S` with outside mass `m = 1 - p(S)`, let `Q(T)`, for `T ⊆ S`, be the probability
/// that drawing without replacement from `T ∪ (outside of S)` takes the members of `T` first,
/// in any order. It is the sum over `T`'s `|T|!` orderings of
/// `prod_i p(t_i) / (m + p(T) - p(t_1) - ... - p(t_(i-1)))`, and grouping the orderings by
/// their first member gives `Q(T) = sum_(t ∈ T) p(t) Q(T \ t) / (m + p(T))`, `Q(∅) = 1`:
/// one pass over the `2^k` subsets in `2^k k` terms instead of `k! k`, every term positive
/// (no cancellation), in log space (a joint outcome of many variables can have probability
/// 1e-300). Then `p(S) = Q(S)`, `p^(D\s)(S \ s) = Q(S \ s)` and
/// `p^(D\{s,s'})(S \ {s, s'}) = Q(S \ {s, s'})`, since removing an outcome from the domain only
/// renormalises, and the normalisation cancels in each factor.
///
/// When the set is every outcome (`m = 0`) each `Q` is 1, which is written exactly.
struct SetProbabilities {
  /// The largest set whose subsets are tabulated (`2^6 = 64` of them).
  static let largestTabulated = 6

  let k: Int
  /// Owns the two tables below; only kept, never read in the loops, so that filling and
  /// reading them (once per sample) take no retain and release of it.
  private let tables: ScratchBuffers?
  /// `log Q` and `log p` of every subset, by bit mask over the set's members (nil when the
  /// set is too large to tabulate, which is allowed only for the whole space).
  private let logQTable: UnsafeMutablePointer<Double>?
  private let logMassTable: UnsafeMutablePointer<Double>?
  private(set) var isWholeSpace = false

  init(k: Int) {
    self.k = k
    tables = k <= Self.largestTabulated ? ScratchBuffers(count: 1 << k, slots: 2) : nil
    logQTable = tables?.slot(0)
    logMassTable = tables?.slot(1)
  }

  /// Fills the table for the members' log-probabilities and the log of the outside mass.
  mutating func fill(logP: UnsafePointer<Double>, logOutside: Double) {
    isWholeSpace = logOutside == -.infinity
    guard !isWholeSpace else { return }
    guard let logQ = logQTable, let logMass = logMassTable else {
      preconditionFailure("a set of \(k) is tabulated only if whole")
    }
    logQ[0] = 0
    logMass[0] = -.infinity
    for mask in 1..<(1 << k) {
      let lowest = mask.trailingZeroBitCount
      logMass[mask] = Self.logAdd(logMass[mask & (mask - 1)], logP[lowest])
      var sum = -Double.infinity
      for t in 0..<k where mask & (1 << t) != 0 {
        sum = Self.logAdd(sum, logP[t] + logQ[mask ^ (1 << t)])
      }
      let denominator = Self.logAdd(logOutside, logMass[mask])
      // Members of probability 0 with nothing outside: any finite value keeps the weights
      // (each multiplied by such a member's p = 0) finite; Q = 1 is the limit.
      logQ[mask] = denominator > -.infinity && sum > -.infinity ? sum - denominator : 0
    }
  }

  /// `log Q(S with the members in `removed` left out)`.
  @inline(__always)
  private func logQ(without removed: Int) -> Double {
    guard !isWholeSpace, let logQTable else { return 0 }
    return logQTable[((1 << k) - 1) & ~removed]
  }

  /// `log R(S, s) = log p^(D\s)(S \ s) - log p(S)`, the leave-one-out ratio.
  func logLeaveOneOut(_ s: Int) -> Double {
    logQ(without: 1 << s) - logQ(without: 0)
  }

  /// `log R^(D\s)(S, s') = log p^(D\{s,s'})(S \ {s, s'}) - log p^(D\s)(S \ s)`, 0 for `s' = s`.
  func logLeaveTwoOut(_ s: Int, _ other: Int) -> Double {
    guard other != s else { return 0 }
    return logQ(without: (1 << s) | (1 << other)) - logQ(without: 1 << s)
  }

  /// `log(e^a + e^b)`, exact when either is `-inf`.
  @inline(__always)
  static func logAdd(_ a: Double, _ b: Double) -> Double {
    if a == -.infinity { return b }
    if b == -.infinity { return a }
    return max(a, b) + log1p(exp(-abs(a - b)))
  }
}
