extension EstimatorKind {
  /// Independent categorical REINFORCE (De Smet, Sansone, Zuidberg Dos Martires 2023).
  public static let indecater = EstimatorKind("indecater")
}

/// IndeCateR: with k exact samples `x^(n)`, the gradient for variable d is
/// `sum_j dp_d(j)/dθ_d * (1/k) sum_n f(x^(n) with x_d := j)`: each variable's outcomes are
/// enumerated with the others held at a sample, so the estimate is unbiased and exact in
/// variable d's own randomness. It costs D K k evaluations of `f`; when `f` is a sum of
/// per-variable terms (mean-squared) the other variables' terms cancel in the softmax's chain
/// rule and the variance is 0. One type for every family of independent discrete variables.
///
/// `f` with one variable changed is computed from the objective's running sum in O(1)
/// (`OutcomeTable.value(replacing:with:inSum:)`), so an estimate costs O(D K k), not O(D^2 K k).
struct IndeCateR<Sampler: IndependentOutcomes>: GradientEstimator {
  let draws: Int
  var sampler: Sampler
  /// The table `a_dj = (1/k) sum_n f(x^(n) with x_d := j)`, D x K.
  let table: ScratchBuffers

  init(problem: GradientProblem) {
    draws = problem.options.whole(IndeCateREstimator.draws, for: .indecater)
    sampler = Sampler(problem: problem, slots: draws)
    table = ScratchBuffers(count: sampler.variables * sampler.outcomes, slots: 1)
  }

  mutating func rebind(to problem: GradientProblem) { sampler.rebind(to: problem) }

  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    let a = table.slot(0)
    let k = sampler.outcomes
    let count = sampler.variables * k
    for i in 0..<count { a[i] = 0 }
    for n in 0..<draws {
      sampler.draw(slot: n, using: &rng)
      let state = sampler.objectiveState(slot: n)
      for d in 0..<sampler.variables {
        for j in 0..<k {
          a[d * k + j] += sampler.value(slot: n, variable: d, setTo: j, state: state)
        }
      }
    }
    let inverse = 1 / Double(draws)
    for i in 0..<count { a[i] *= inverse }
    sampler.writeOutcomeGradient(a, into: out)
  }

  mutating func resetState() { sampler.resetState() }
}

/// IndeCateR's descriptor, its option, its rule and its factory.
enum IndeCateREstimator {
  /// Samples per estimate, k.
  static let draws = EstimatorOption(
    key: "draws", summary: "draws per estimate, k", range: 2...1024, defaultValue: 4,
    isWholeNumber: true)

  /// Evaluations of `f` one estimate may cost (a million takes about a millisecond).
  static let maximumEvaluations = 1_000_000

  static let descriptor = EstimatorDescriptor(
    kind: .indecater, stream: 15, shortName: "IndeCateR", longName: "IndeCateR (k samples)",
    summary: "each variable's outcomes enumerated with the rest at k samples; unbiased",
    isUnbiased: true, needs: EstimatorNeeds(distribution: .discrete), options: [draws],
    evaluations: { evaluations($0.distribution.spec, $0.options) },
    rules: { distribution, options in
      let n = evaluations(distribution, options)
      guard n > maximumEvaluations else { return [] }
      return [
        "indecater would evaluate f \(NumberFormat.grouped(n)) times per estimate (D K k), more than \(NumberFormat.grouped(maximumEvaluations)): lower options.draws or the size"
      ]
    },
    make: { problem in
      func build<F: EnumerableFamily>(_: F) -> any GradientEstimator {
        IndeCateR<F.Sampler>(problem: problem)
      }
      guard let family = problem.distribution.spec.family as? any EnumerableFamily else {
        preconditionFailure("a \(problem.distribution.kind.rawValue) has no enumerable outcomes")
      }
      return build(family)
    })

  /// D K k.
  static func evaluations(_ distribution: DistributionSpec, _ options: EstimatorOptions) -> Int {
    distribution.variables * distribution.outcomes * options.whole(draws, for: .indecater)
  }
}
