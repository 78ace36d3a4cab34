import Foundation

/// k distinct outcomes of D independent discrete variables, drawn without replacement from
/// their joint distribution: Gumbel-top-k (Vieira 2014; Kool, van Hoof, Welling 2019), done
/// variable by variable as stochastic beam search (Kool, van Hoof, Welling 2019, "Stochastic
/// beams and where to find them"), which is exact for a product distribution.
///
/// Each partial outcome (a prefix) carries its log-probability `φ` and a perturbed value `G`,
/// the maximum of its completions' Gumbel-perturbed log-probabilities. Expanding a prefix with
/// `G = T` to each outcome j of the next variable draws `G'_j = φ_j + Gumbel` and conditions
/// them on their maximum `Z` being `T`: `G~_j = -log(e^-T - e^-Z + e^-G'_j)`, written
/// `T - softplus(v)` with `v = T - G'_j + log(1 - e^(G'_j - Z))` so nothing overflows or
/// cancels. The k prefixes with the largest `G~` survive; at the last variable they are the
/// top k of the whole joint space, a sample without replacement. With one variable this is
/// plain Gumbel-top-k of the logits.
///
/// Every pruned prefix carries its whole subtree's mass, and every outcome outside the set has
/// exactly one pruned ancestor, so `1 - p(S)` is the sum of the pruned prefixes'
/// probabilities: a sum of positive terms (in log space), never a difference.
struct StochasticBeam {
  let variables: Int
  let outcomes: Int
  let k: Int
  /// Per surviving prefix: `φ`, `G`; the candidates' `φ`, `G~`; the log of the pruned mass.
  private let values: ScratchBuffers
  /// Per variable and surviving prefix: its parent and its outcome (back-pointers, D x k
  /// each), and the candidates' parent and outcome.
  private let links: ScratchBuffers

  init(variables: Int, outcomes: Int, k: Int) {
    self.variables = variables
    self.outcomes = outcomes
    self.k = k
    values = ScratchBuffers(count: max(k * outcomes, k), slots: 4)
    links = ScratchBuffers(count: 1, slots: 1, indexCount: 2 * variables * k + 2 * k * outcomes)
  }

  private var phi: UnsafeMutablePointer<Double> { values.slot(0) }
  private var perturbed: UnsafeMutablePointer<Double> { values.slot(1) }
  private var candidatePhi: UnsafeMutablePointer<Double> { values.slot(2) }
  private var candidateG: UnsafeMutablePointer<Double> { values.slot(3) }
  private var parents: UnsafeMutablePointer<Int> { links.indices }
  private var choices: UnsafeMutablePointer<Int> { links.indices + variables * k }
  private var candidateParent: UnsafeMutablePointer<Int> { links.indices + 2 * variables * k }
  private var candidateChoice: UnsafeMutablePointer<Int> {
    links.indices + 2 * variables * k + k * outcomes
  }

  /// Draws the set: writes its k outcomes (k x D, row by row, in the order drawn) and their
  /// log-probabilities, and returns `log(1 - p(S))` (`-inf` when the set is every outcome).
  /// `logP` holds each variable's log-probabilities (D x K). Uses `K` uniforms per surviving
  /// prefix and variable, a number fixed by D, K and k.
  func draw(
    logP: UnsafePointer<Double>, using rng: inout Xoshiro256StarStar,
    outcomes x: UnsafeMutablePointer<Int>, logProbabilities: UnsafeMutablePointer<Double>
  ) -> Double {
    let kk = outcomes
    var alive = 1
    phi[0] = 0
    perturbed[0] = 0
    var logOutside = -Double.infinity
    for d in 0..<variables {
      let row = logP + d * kk
      var n = 0
      for e in 0..<alive {
        let top = perturbed[e]
        let start = n
        var maximum = -Double.infinity
        for j in 0..<kk {
          let value = phi[e] + row[j]
          candidatePhi[n] = value
          candidateG[n] = value + LogSpace.gumbel(rng.nextOpenUniform())
          candidateParent[n] = e
          candidateChoice[n] = j
          maximum = max(maximum, candidateG[n])
          n += 1
        }
        for c in start..<n {
          candidateG[c] = Self.truncated(candidateG[c], below: maximum, to: top)
        }
      }
      let keep = min(k, n)
      // Selection of the `keep` largest (n is at most k K): swap each next largest forward.
      for slot in 0..<keep {
        var best = slot
        for c in (slot + 1)..<n where candidateG[c] > candidateG[best] { best = c }
        if best != slot { swapCandidates(slot, best) }
      }
      for c in keep..<n where candidatePhi[c] > -Double.infinity {
        logOutside = SetProbabilities.logAdd(logOutside, candidatePhi[c])
      }
      for e in 0..<keep {
        phi[e] = candidatePhi[e]
        perturbed[e] = candidateG[e]
        parents[d * k + e] = candidateParent[e]
        choices[d * k + e] = candidateChoice[e]
      }
      alive = keep
    }
    // Follow the back-pointers from the last variable.
    for e in 0..<alive {
      logProbabilities[e] = phi[e]
      var at = e
      for d in stride(from: variables - 1, through: 0, by: -1) {
        x[e * variables + d] = choices[d * k + at]
        at = parents[d * k + at]
      }
    }
    return logOutside
  }

  private func swapCandidates(_ a: Int, _ b: Int) {
    (candidatePhi[a], candidatePhi[b]) = (candidatePhi[b], candidatePhi[a])
    (candidateG[a], candidateG[b]) = (candidateG[b], candidateG[a])
    (candidateParent[a], candidateParent[b]) = (candidateParent[b], candidateParent[a])
    (candidateChoice[a], candidateChoice[b]) = (candidateChoice[b], candidateChoice[a])
  }

  /// `-log(e^-T - e^-Z + e^-G)` for `G <= Z`: a Gumbel with location `φ` conditioned on the
  /// maximum of its siblings being `T` instead of `Z`.
  @inline(__always)
  static func truncated(_ g: Double, below z: Double, to t: Double) -> Double {
    guard g > -Double.infinity else { return -Double.infinity }
    let v = t - g + log1mexp(g - z)
    return t - max(v, 0) - log1p(exp(-abs(v)))
  }

  /// `log(1 - e^a)` for `a <= 0`, by the branch that keeps its precision (Maechler 2012).
  @inline(__always)
  static func log1mexp(_ a: Double) -> Double {
    a > -0.693_147_180_559_945_3 ? log(-expm1(a)) : log1p(-exp(a))
  }
}
