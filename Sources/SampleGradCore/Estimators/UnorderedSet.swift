import Foundation

extension EstimatorKind {
  /// The unordered set estimator, k outcomes without replacement (Kool et al. 2020).
  public static let unorderedSet = EstimatorKind("unordered-set")
}

/// The unordered set estimator with its built-in baseline (Kool, van Hoof, Welling 2020,
/// "Estimating gradients for discrete random variables by sampling without replacement"):
/// draw a set `S` of k = `draws` distinct outcomes without replacement (`StochasticBeam`;
/// Gumbel-top-k for one variable), then
///
/// `g = sum_(s ∈ S) p(s) R(S, s) grad log p(s) (f(s) - B(s))`,
/// `R(S, s) = p^(D\s)(S \ s) / p(S)`, `B(s) = sum_(s' ∈ S) p(s') R^(D\s)(S, s') f(s')`,
/// `R^(D\s)(S, s') = p^(D\{s,s'})(S \ {s, s'}) / p^(D\s)(S \ s)` and `R^(D\s)(S, s) = 1`
///
/// (`SetProbabilities`). Given that s is in S, the rest of S is a draw of k - 1 from the
/// domain without s, so `E[sum_s p(s) R(S, s) h(s)] = sum_s p(s) h(s)` for any h: the first
/// term is unbiased, and the baseline's mean is `L` for every s, so it adds nothing on
/// average. With k = 1 there is no other member to form a baseline and it is the score
/// function. When S is every outcome (k = K^D), every ratio is 1, `B = L` and `g` is the exact
/// gradient, with variance 0.
///
/// On D variables an outcome is the joint one (`p(s)` the product of the variables' and the
/// score the sum of theirs). The members are sorted before they are weighed, so an estimate
/// depends on the set only, not on the order the beam found it in. It costs k evaluations.
struct UnorderedSet<Sampler: IndependentOutcomes>: GradientEstimator {
  let k: Int
  var sampler: Sampler
  let beam: StochasticBeam
  var probabilities: SetProbabilities
  /// Each variable's log-probabilities (D x K); the members' log-probabilities, values,
  /// weights and order.
  let buffers: ScratchBuffers
  /// The members' outcomes as drawn and as sorted (k x D each).
  let members: ScratchBuffers

  init(problem: GradientProblem, draws: Int) {
    k = draws
    sampler = Sampler(problem: problem, slots: draws)
    let d = sampler.variables
    let outcomes = sampler.outcomes
    beam = StochasticBeam(variables: d, outcomes: outcomes, k: draws)
    probabilities = SetProbabilities(k: draws)
    buffers = ScratchBuffers(count: max(d * outcomes, draws), slots: 5)
    members = ScratchBuffers(count: 1, slots: 1, indexCount: 2 * draws * d + draws)
    rebind(to: problem)
  }

  private var logP: UnsafeMutablePointer<Double> { buffers.slot(0) }

  mutating func rebind(to problem: GradientProblem) {
    sampler.rebind(to: problem)
    let p = problem.probabilities
    for i in 0..<(sampler.variables * sampler.outcomes) { logP[i] = log(p[i]) }
  }

  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    let d = sampler.variables
    let drawn = members.indices
    let sorted = drawn + k * d
    let order = sorted + k * d
    let drawnLogP = buffers.slot(1)
    let logPs = buffers.slot(2)
    let f = buffers.slot(3)
    let weights = buffers.slot(4)
    let logOutside = beam.draw(
      logP: logP, using: &rng, outcomes: drawn, logProbabilities: drawnLogP)
    sortMembers(drawn, into: order)
    for i in 0..<k {
      let member = order[i]
      (sorted + i * d).update(from: drawn + member * d, count: d)
      logPs[i] = drawnLogP[member]
      sampler.place(sorted + i * d, slot: i)
      f[i] = sampler.value(slot: i)
    }
    probabilities.fill(logP: logPs, logOutside: logOutside)
    for s in 0..<k {
      let weight = exp(logPs[s] + probabilities.logLeaveOneOut(s))
      guard k > 1 else {
        weights[s] = weight * f[s]
        continue
      }
      var baseline = 0.0
      for other in 0..<k {
        baseline += exp(logPs[other] + probabilities.logLeaveTwoOut(s, other)) * f[other]
      }
      weights[s] = weight * (f[s] - baseline)
    }
    sampler.writeScoreSum(weights: weights, count: k, dividedBy: 1, into: out)
  }

  /// Writes the members' indices in lexicographic order of their outcomes (insertion sort:
  /// k is small, or the set is every outcome and arrives nearly sorted).
  private func sortMembers(_ x: UnsafePointer<Int>, into order: UnsafeMutablePointer<Int>) {
    let d = sampler.variables
    func precedes(_ a: Int, _ b: Int) -> Bool {
      for v in 0..<d where x[a * d + v] != x[b * d + v] { return x[a * d + v] < x[b * d + v] }
      return false
    }
    for i in 0..<k {
      var j = i
      while j > 0, precedes(i, order[j - 1]) {
        order[j] = order[j - 1]
        j -= 1
      }
      order[j] = i
    }
  }

  mutating func resetState() { sampler.resetState() }
}

/// The unordered set estimator's descriptor, option and rule.
enum UnorderedSetEstimator {
  /// The set's size, k.
  static let draws = EstimatorOption(
    key: "draws", summary: "draws per estimate, k", range: 2...1024, defaultValue: 4,
    isWholeNumber: true)

  static let descriptor = EstimatorDescriptor(
    kind: .unorderedSet, stream: 18, shortName: "unordered set",
    longName: "set of k, no replacement",
    summary: "k distinct outcomes, each weighed by its leave-one-out set ratio; unbiased",
    isUnbiased: true, needs: EstimatorNeeds(distribution: .discrete), options: [draws],
    evaluations: { setSize($0) },
    rules: { distribution, options in
      problems(k: options.whole(draws, for: .unorderedSet), distribution: distribution)
    },
    make: { problem in
      func build<F: EnumerableFamily>(_: F) -> any GradientEstimator {
        UnorderedSet<F.Sampler>(problem: problem, draws: setSize(problem))
      }
      guard let family = problem.distribution.spec.family as? any EnumerableFamily else {
        preconditionFailure("a \(problem.distribution.kind.rawValue) has no enumerable outcomes")
      }
      return build(family)
    })

  /// k, or every outcome when `draws` asks for more than there are (a scenario refuses that,
  /// with its rule; a problem built directly gets the whole space).
  static func setSize(_ problem: GradientProblem) -> Int {
    let k = problem.options.whole(draws, for: .unorderedSet)
    return min(k, outcomeCount(problem.distribution.spec, limit: k) ?? k)
  }

  /// The number of joint outcomes `K^D`, or nil above `limit`.
  static func outcomeCount(_ distribution: DistributionSpec, limit: Int) -> Int? {
    var count = 1
    for _ in 0..<distribution.variables {
      count *= max(distribution.outcomes, 1)
      if count > limit { return nil }
    }
    return count
  }

  /// k must not exceed the outcomes, and a set is tabulated up to 6 members unless it is every
  /// outcome.
  static func problems(k: Int, distribution: DistributionSpec) -> [String] {
    let total = outcomeCount(distribution, limit: 1 << 20)
    let space =
      distribution.variables == 1
      ? "a \(distribution.kind.rawValue) of K = \(distribution.outcomes) has \(distribution.outcomes)"
      : "\(distribution.variables) variables of K = \(distribution.outcomes) have \(total.map(NumberFormat.grouped) ?? "more") joint outcomes"
    if let total, k > total {
      return [
        "unordered-set draws k = \(k) distinct outcomes, and \(space): lower options.draws to \(total) or less"
      ]
    }
    let largest = SetProbabilities.largestTabulated
    guard k > largest, k != total else { return [] }
    let every = total.map { " or \($0) (every outcome: the exact gradient)" } ?? ""
    return [
      "unordered-set sums the probability of a set over its k! orderings (k = \(k): \(NumberFormat.grouped(factorial(k))) of them): use options.draws of at most \(largest)\(every)"
    ]
  }

  static func factorial(_ n: Int) -> Int {
    (1...max(n, 1)).reduce(1) { $0 > Int.max / $1 ? Int.max : $0 * $1 }
  }
}
