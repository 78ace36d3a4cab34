import Testing

@testable import SampleGradCore

/// Every estimator in the registry, by what it declares: new estimators are covered without
/// being named here.
@Suite("Every estimator in the registry")
struct EstimatorFamilyTests {
  /// Three or more problems per distribution family, smooth and not, so every declared
  /// property is checked where it should hold and where it should not.
  static let problems: [(name: String, problem: GradientProblem)] = [
    ("categorical quadratic", Problems.categoricalQuadratic),
    ("categorical linear", Problems.categoricalLinear),
    ("categorical reward table", Problems.categoricalTable),
    ("categorical K = 8, cold", Problems.categoricalCold),
    ("bernoulli relax toy", Problems.relaxToy),
    ("bernoulli skewed", Problems.bernoulliSkewed),
    ("bernoulli linear, p = 0.9", Problems.bernoulliLinear),
    ("bernoulli table", Problems.bernoulliTable),
    ("gaussian quadratic", Problems.gaussianQuadratic),
    ("gaussian cosine", Problems.gaussianCosine),
    ("gaussian linear", Problems.gaussianLinear),
    ("gaussian step", Problems.gaussianStep),
    ("4 bits, mean-squared", Problems.bitsMeanSquared),
    ("3 bits, squared-mean", Problems.bitsSquaredMean),
    ("2 categoricals, mean-squared with values", Problems.rowsMeanSquared),
    ("3 categoricals, squared-mean", Problems.rowsSquaredMean),
  ]

  static func applicable(_ kind: EstimatorKind) -> [(name: String, problem: GradientProblem)] {
    problems.filter {
      EstimatorNotApplicable.check(
        kind, distribution: $0.problem.distribution.spec, objective: $0.problem.objective.kind)
        == nil
    }
  }

  @Test(
    "an estimator declared unbiased is within 5 SE of the exact gradient on at least three problems per distribution",
    arguments: EstimatorKind.allCases.filter { $0.isUnbiased })
  func unbiased(kind: EstimatorKind) throws {
    var checked: [DistributionKind: Int] = [:]
    for (name, problem) in Self.applicable(kind)
    where kind.descriptor.isUnbiased(on: problem.objective.kind) {
      // 5 SE at a fixed seed: a false alarm has probability below 1e-6 per component.
      let m = try moments(kind, on: problem, samples: 100_000)
      let z = worstZScore(m, exact: problem.exact.gradient)
      #expect(z < 5, "\(kind) on \(name): |bias| = \(z) SE")
      checked[problem.distribution.kind, default: 0] += 1
    }
    #expect(!checked.isEmpty, "\(kind) applies to no test problem")
    for (family, count) in checked {
      #expect(count >= 3, "\(kind) is checked on \(count) \(family) problems")
    }
  }

  @Test(
    "an estimator declared biased is measurably biased (over 5 SE) on some problem",
    arguments: EstimatorKind.allCases.filter { !$0.isUnbiased })
  func biased(kind: EstimatorKind) throws {
    var worst = 0.0
    for (_, problem) in Self.applicable(kind) {
      let m = try moments(kind, on: problem, samples: 100_000)
      worst = max(worst, worstZScore(m, exact: problem.exact.gradient))
    }
    #expect(worst > 5, "\(kind): largest |bias| \(worst) SE")
  }

  /// Problems where block paths differ most from a naive loop: near-one-hot relaxations
  /// (tau 0.01), flat ones (tau 5), logits of +/-50, and a spread wider than REBAR's block
  /// conditional sampler accepts.
  static let blockProblems: [GradientProblem] =
    [0.01, 0.5, 5].map(Problems.wideLogits) + [
      Problems.categoricalQuadratic, Problems.categoricalLinear, Problems.relaxToy,
      try! GradientProblem(
        distribution: .categorical(logits: [400, -400, 0], temperature: 0.5),
        objective: .linear(weights: [1, -1, 2])),
      Problems.rowsMeanSquared, Problems.rowsSquaredMean,
      try! GradientProblem(
        distribution: .categorical(
          rows: (0..<40).map { d in (0..<5).map { Double(($0 + d) % 5) - 2 } }, temperature: 0.05),
        objective: .squaredMean(target: 1.5, values: nil)),
    ]

  @Test(
    "a block path equals its own one-sample path to 1e-9 relative",
    arguments: EstimatorKind.allCases)
  func blockEqualsOneSample(kind: EstimatorKind) throws {
    for problem in Self.blockProblems
    where EstimatorNotApplicable.check(
      kind, distribution: problem.distribution.spec, objective: problem.objective.kind) == nil
    {
      let block = try GradientSampler(problem: problem, kind: kind)
      let single = try GradientSampler(problem: problem, kind: kind)
      guard block.hasBlockPath else { continue }
      // 1000 samples: 15 full blocks of 64 and a partial one of 40.
      var blockRng = Xoshiro256StarStar(seed: 9, stream: 1)
      var singleRng = blockRng
      var fast = RunningMoments(dimension: problem.dimension)
      var reference = RunningMoments(dimension: problem.dimension)
      block.run(count: 1_000, using: &blockRng, into: &fast)
      single.runOneSample(count: 1_000, using: &singleRng, into: &reference)
      // Both paths consumed the same uniforms.
      #expect(blockRng.next() == singleRng.next(), "\(kind)")
      for i in 0..<problem.dimension {
        // Vector and scalar log/exp differ by ~1e-15 relative; 1e-9 leaves room for the
        // conditioning of the softmax at tau 0.01.
        let scale = max(abs(reference.mean[i]), 1e-300)
        #expect(abs(fast.mean[i] - reference.mean[i]) <= 1e-9 * scale + 1e-300, "\(kind) \(i)")
        #expect(
          abs(fast.variance[i] - reference.variance[i])
            <= 1e-9 * max(reference.variance[i], 1e-300), "\(kind) \(i)")
      }
    }
  }

  @Test("the estimators with a block path are the ones it pays for")
  func blockPathsExist() throws {
    let problem = Problems.categoricalQuadratic
    let withBlocks = try EstimatorKind.allCases.filter {
      EstimatorNotApplicable.check(
        $0, distribution: problem.distribution.spec, objective: problem.objective.kind) == nil
    }.filter { try GradientSampler(problem: problem, kind: $0).hasBlockPath }
    #expect(Set(withBlocks).isSuperset(of: [.gumbelSoftmax, .straightThrough, .rebar]))
  }

  @Test("stream ids are distinct, never 0, and each one is pinned")
  func streamIds() {
    let streams = EstimatorRegistry.all.map(\.stream)
    #expect(Set(streams).count == streams.count)
    #expect(!streams.contains(0), "0 is the outcome sampler's")
    // Written out, not computed: moving one would change every seeded number it draws.
    let pinned: [String: UInt64] = [
      "exact": 1, "score-function": 2, "score-function-baseline": 3, "reparameterization": 4,
      "gumbel-softmax": 5, "straight-through": 6, "rebar": 7, "argmax": 8, "rloo": 9, "arm": 10,
      "disarm": 11, "gumbel-rao": 12, "rebar-auto": 13, "measure-valued": 14, "indecater": 15,
      "relax": 16, "lax": 17, "unordered-set": 18, "reinmax": 19, "arms": 20,
    ]
    for descriptor in EstimatorRegistry.all {
      #expect(
        pinned[descriptor.kind.rawValue] == descriptor.stream,
        "\(descriptor.kind): a new estimator needs its stream id pinned here")
    }
  }

  @Test("an estimator whose needs are unmet names the missing piece")
  func needsNameTheMissingPiece() {
    let table = Problems.categoricalTable
    let reason = EstimatorNotApplicable.check(
      .gumbelSoftmax, distribution: table.distribution.spec, objective: table.objective.kind)
    #expect(
      reason?.description
        == "estimator 'gumbel-softmax' needs df/dx, and a table objective has no derivative")
    #expect(reason?.shortReason == "needs df/dx")
    let gaussian = Problems.gaussianQuadratic
    let relaxed = EstimatorNotApplicable.check(
      .rebar, distribution: gaussian.distribution.spec, objective: gaussian.objective.kind)
    #expect(relaxed?.isObjectiveNeed == false)
    #expect(relaxed?.description.contains("a gaussian distribution is continuous") == true)
  }
}
