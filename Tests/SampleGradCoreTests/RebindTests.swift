import Testing

@testable import SampleGradCore

/// Training re-points each estimator at new parameters every step instead of rebuilding it.
/// Every estimator in the registry is checked without being named: a rebound estimator draws
/// exactly what a fresh one would on the new problem, and its running state survives.
@Suite("Rebinding an estimator to new parameters")
struct RebindTests {
  /// Pairs of problems of one family, size and objective that differ in every parameter and
  /// in the temperature, including a spread of logits wider than REBAR's block sampler takes.
  static let moves: [(from: GradientProblem, to: GradientProblem)] = [
    (
      Problems.categoricalQuadratic,
      try! GradientProblem(
        distribution: .categorical(logits: [-0.2, 1.5, 0.4, -2], temperature: 0.2),
        objective: .quadratic(target: [0, 0, 1, 0]))
    ),
    (
      Problems.categoricalTable,
      try! GradientProblem(
        distribution: .categorical(logits: [3, -0.5, 0, 1], temperature: 2),
        objective: .table(values: [1, -2, 0.5, 4]))
    ),
    (
      Problems.categoricalLinear,
      try! GradientProblem(
        distribution: .categorical(logits: [400, -400, 0], temperature: 0.7),
        objective: .linear(weights: [1, -2, 0.5]))
    ),
    (
      Problems.relaxToy,
      try! GradientProblem(
        distribution: .bernoulli(logOdds: -2.5, temperature: 0.1),
        objective: .quadratic(target: [0.45]))
    ),
    (
      Problems.gaussianCosine,
      try! GradientProblem(
        distribution: .gaussian(mean: -1.2, std: 0.3), objective: .cosine(frequency: 2))
    ),
    (
      Problems.gaussianStep,
      try! GradientProblem(
        distribution: .gaussian(mean: 1.5, std: 2.5), objective: .step(threshold: 1))
    ),
  ]

  static func applicable(_ kind: EstimatorKind) -> [(from: GradientProblem, to: GradientProblem)] {
    moves.filter {
      EstimatorNotApplicable.check(
        kind, distribution: $0.from.distribution.spec, objective: $0.from.objective.kind) == nil
    }
  }

  @Test(
    "after rebind and a state reset, estimates equal a fresh build's, bit for bit",
    arguments: EstimatorKind.allCases)
  func rebindEqualsFreshBuild(kind: EstimatorKind) throws {
    let moves = Self.applicable(kind)
    #expect(!moves.isEmpty, "\(kind) applies to no test problem")
    for (from, to) in moves {
      let moved = try GradientSampler(problem: from, kind: kind)
      var warm = Xoshiro256StarStar(seed: 3, stream: 1)
      _ = (0..<130).map { _ in moved.estimate(using: &warm) }
      moved.rebind(to: to)
      moved.resetState()
      let fresh = try GradientSampler(problem: to, kind: kind)
      #expect(moved.hasBlockPath == fresh.hasBlockPath, "\(kind)")
      // Exact equality: a rebound estimator must compute the same numbers, not close ones.
      var a = Xoshiro256StarStar(seed: 11, stream: 2)
      var b = Xoshiro256StarStar(seed: 11, stream: 2)
      for _ in 0..<200 {
        #expect(moved.estimate(using: &a) == fresh.estimate(using: &b), "\(kind)")
      }
      var blockA = RunningMoments(dimension: to.dimension)
      var blockB = RunningMoments(dimension: to.dimension)
      moved.resetState()
      fresh.resetState()
      moved.run(count: 300, using: &a, into: &blockA)
      fresh.run(count: 300, using: &b, into: &blockB)
      #expect(blockA == blockB, "\(kind): block path after rebind")
    }
  }

  @Test(
    "rebind keeps running state: rebinding to the same problem changes nothing",
    arguments: EstimatorKind.allCases)
  func rebindKeepsState(kind: EstimatorKind) throws {
    for (from, _) in Self.applicable(kind) {
      let rebound = try GradientSampler(problem: from, kind: kind)
      let untouched = try GradientSampler(problem: from, kind: kind)
      var a = Xoshiro256StarStar(seed: 5, stream: 3)
      var b = Xoshiro256StarStar(seed: 5, stream: 3)
      // Past rebar-auto's warm-up of 100, so its tuned eta is part of the state.
      for step in 0..<150 {
        if step % 7 == 0 { rebound.rebind(to: from) }
        #expect(rebound.estimate(using: &a) == untouched.estimate(using: &b), "\(kind)")
      }
      #expect(rebound.diagnostics == untouched.diagnostics)
    }
  }

  @Test("the baseline's warm start draws once and starts the baseline at f of that draw")
  func baselineWarmStart() throws {
    // Bernoulli, f(0) = 0.2025, f(1) = 0.3025, p = 1/2.
    let sampler = try GradientSampler(problem: Problems.relaxToy, kind: .scoreFunctionBaseline)
    var rng = Xoshiro256StarStar(seed: 9, stream: 4)
    var replay = rng
    sampler.warmUp(using: &rng)
    // The warm-up's own draw: b0 = 1 iff logit(u) > 0.
    let b0 = LogSpace.logit(replay.nextOpenUniform()) > 0 ? 1 : 0
    let f = Problems.relaxToy.objective.outcomeValues
    #expect(rng == replay, "one uniform drawn")
    let b1 = LogSpace.logit(replay.nextOpenUniform()) > 0 ? 1 : 0
    let estimate = sampler.estimate(using: &rng)
    #expect(estimate == [(f[b1] - f[b0]) * (Double(b1) - 0.5)])
  }

  @Test(
    "warm-up draws nothing for estimators without running state",
    arguments: [
      EstimatorKind.scoreFunction, .rebar, .rebarAuto, .disarm, .exact,
    ])
  func warmUpWithoutState(kind: EstimatorKind) throws {
    let sampler = try GradientSampler(problem: Problems.relaxToy, kind: kind)
    var rng = Xoshiro256StarStar(seed: 9, stream: 4)
    let before = rng
    sampler.warmUp(using: &rng)
    #expect(rng == before)
  }

  @Test("averageEstimate is the mean of the one-sample estimates")
  func averageEstimate() throws {
    let problem = Problems.categoricalQuadratic
    let sampler = try GradientSampler(problem: problem, kind: .rebar)
    let twin = try GradientSampler(problem: problem, kind: .rebar)
    var a = Xoshiro256StarStar(seed: 2, stream: 7)
    var b = a
    var mean = [Double](repeating: .nan, count: problem.dimension)
    sampler.averageEstimate(count: 5, using: &a, into: &mean)
    let draws = (0..<5).map { _ in twin.estimate(using: &b) }
    for j in 0..<problem.dimension {
      let expected = draws.map { $0[j] }.reduce(0, +) / 5
      // Summation in the same order, then one division: equal to the last bit or two.
      #expect(abs(mean[j] - expected) <= 1e-15 * max(1, abs(expected)))
    }
    #expect(a == b)
  }
}
