import Foundation
import Testing

@testable import SampleGradCore

/// The race's rules beyond the optimiser: streams, warm start, batches, annealing, the
/// optimum line, and what happens when a step leaves the valid range.
@Suite("Training race")
struct RaceTests {
  static let relaxToy = try! Scenario(
    name: "relax-toy-race",
    estimators: [.scoreFunction, .scoreFunctionBaseline, .rebar, .rebarAuto, .disarm],
    distribution: .bernoulli(logOdds: 0, temperature: 0.5), objective: .quadratic(target: [0.499]))

  static func race(
    _ settings: TrainingSettings, scenario: Scenario = relaxToy, seed: UInt64 = 7,
    every: Int? = nil
  ) throws -> TrainingRace {
    TrainingRace(
      setup: try RaceSetup(scenario: scenario, settings: settings, seed: seed, every: every))
  }

  @Test("one step by hand: the lane's stream, warm start, batch mean and update")
  func oneStepByHand() throws {
    let settings = TrainingSettings(steps: 1, learningRate: 0.3, optimizer: .sgd, batch: 5)
    var race = try Self.race(settings)
    race.finish()
    for lane in race.result().lanes {
      let sampler = try GradientSampler(problem: Self.relaxToy.problem, kind: lane.kind)
      var rng = Xoshiro256StarStar(
        seed: 7, stream: lane.kind.streamIndex, chunk: RaceSetup.streamChunk)
      sampler.warmUp(using: &rng)
      let draws = (0..<5).map { _ in sampler.estimate(using: &rng)[0] }
      let expected = 0 - 0.3 * draws.reduce(0, +) / 5
      #expect(abs(lane.final.parameters[0] - expected) <= 1e-15, "\(lane.kind)")
    }
  }

  @Test("each lane depends on the seed and its own estimator only")
  func lanesAreIndependent() throws {
    let settings = TrainingSettings(steps: 300, learningRate: 0.05)
    var all = try Self.race(settings)
    all.finish()
    var alone = try Self.race(settings, scenario: try Self.relaxToy.with(estimators: [.rebarAuto]))
    alone.finish()
    let together = all.result().lanes.first { $0.kind == .rebarAuto }!
    #expect(together == alone.result().lanes[0])
    var again = try Self.race(settings)
    again.finish()
    #expect(again.result().lanes == all.result().lanes)
    var other = try Self.race(settings, seed: 8)
    other.finish()
    #expect(other.result().lanes[0].final != all.result().lanes[0].final)
  }

  @Test("the warm-started baseline's first estimate is unbiased; a cold one is not small")
  func warmStartIsUnbiased() throws {
    // Over 20000 independent streams, the first estimate of a warm-started baseline at
    // p = 1/2 has mean dL/dl = 0.0005 (within 5 SE) and is of the size of the gradient,
    // where the cold baseline (c = 0) gives f(b)(b - p), about 0.125 either way.
    let problem = Self.relaxToy.problem
    var warm = RunningMoments(dimension: 1)
    var cold = RunningMoments(dimension: 1)
    for stream in 0..<20_000 {
      let sampler = try GradientSampler(problem: problem, kind: .scoreFunctionBaseline)
      var rng = Xoshiro256StarStar(seed: 3, stream: UInt64(stream))
      var coldRng = rng
      sampler.warmUp(using: &rng)
      warm.add(sampler.estimate(using: &rng))
      sampler.resetState()
      cold.add(sampler.estimate(using: &coldRng))
    }
    let exact = problem.exact.gradient[0]
    #expect(abs(warm.mean[0] - exact) < 5 * warm.standardError[0])
    #expect(warm.variance[0].squareRoot() < 0.002)
    #expect(cold.variance[0].squareRoot() > 0.1)
  }

  @Test("annealing: tau_t = max(tau_min, tau_0 exp(-rate t)) at each step")
  func annealing() throws {
    let scenario = try Self.relaxToy.with(estimators: [.gumbelSoftmax])
    let schedule = Annealing.exponential(minimum: 0.1, rate: 0.01)
    var race = try Self.race(TrainingSettings(steps: 400, anneal: schedule), scenario: scenario)
    for t in [0, 1, 50, 160, 161, 400] {
      race.advance(steps: t - race.step)
      let expected = max(0.1, 0.5 * exp(-0.01 * Double(t)))
      #expect(race.snapshot().temperature == expected)
      #expect(race.lanes[0].problem.distribution.temperature == expected)
    }
  }

  @Test(
    "annealing follows the formula the lanes' samplers see: gumbel-softmax equals a by-hand twin")
  func annealedLaneMatchesTwin() throws {
    let scenario = try Self.relaxToy.with(estimators: [.gumbelSoftmax])
    let schedule = Annealing.exponential(minimum: 0.2, rate: 0.05)
    var race = try Self.race(
      TrainingSettings(steps: 40, optimizer: .sgd, anneal: schedule), scenario: scenario)
    race.finish()
    var l = 0.0
    var rng = Xoshiro256StarStar(
      seed: 7, stream: EstimatorKind.gumbelSoftmax.streamIndex, chunk: RaceSetup.streamChunk)
    for t in 0..<40 {
      let tau = max(0.2, 0.5 * exp(-0.05 * Double(t)))
      let problem = try GradientProblem(
        distribution: .bernoulli(logOdds: l, temperature: tau),
        objective: .quadratic(target: [0.499]))
      let sampler = try GradientSampler(problem: problem, kind: .gumbelSoftmax)
      l -= 0.01 * sampler.estimate(using: &rng)[0]
    }
    #expect(race.result().lanes[0].final.parameters == [l])
  }

  @Test("trace points every E steps, at step 0 and at the last step")
  func tracePoints() throws {
    var race = try Self.race(TrainingSettings(steps: 95), every: 20)
    race.finish()
    #expect(race.result().lanes[0].trace.map(\.step) == [0, 20, 40, 60, 80, 95])
    #expect(race.result().lanes[0].final.step == 95)
  }

  @Test("a step that leaves the valid range stops the lane at its last valid state")
  func divergence() throws {
    let scenario = try Scenario(
      name: "diverge", estimators: [.exact], distribution: .gaussian(mean: 1, std: 1),
      objective: .quadratic(target: [0]))
    // The largest learning rate: log std falls by 2e6 at once, and the std underflows to 0.
    var race = try Self.race(
      TrainingSettings(
        steps: 10, learningRate: ScenarioRules.learningRateRange.upperBound, optimizer: .sgd),
      scenario: scenario, every: 1)
    race.finish()
    let lane = race.result().lanes[0]
    #expect(lane.stopped?.hasPrefix("diverged at step") == true, "\(lane.stopped ?? "")")
    #expect(lane.final.step < 10 && lane.final.loss.isFinite)
    #expect(lane.trace.last == lane.final)
    #expect(race.isFinished)
  }

  @Test("the optimum: best outcome, closed-form infimum, or none")
  func optimum() throws {
    func value(_ d: DistributionSpec, _ o: ObjectiveSpec) throws -> Double? {
      let distribution = try Distribution(d)
      return ExactSolution.optimum(
        distribution: distribution, objective: try Objective(o, for: distribution))
    }
    #expect(
      try value(.bernoulli(logOdds: 0, temperature: 1), .quadratic(target: [0.499])) == 0.499
        * 0.499)
    #expect(
      try value(.categorical(logits: [0, 0, 0], temperature: 1), .table(values: [3, -1, 2])) == -1)
    #expect(try value(.gaussian(mean: 1, std: 1), .quadratic(target: [2])) == 0)
    #expect(try value(.gaussian(mean: 1, std: 1), .cosine(frequency: 3)) == -1)
    #expect(try value(.gaussian(mean: 1, std: 1), .step(threshold: 0)) == 0)
    #expect(try value(.gaussian(mean: 1, std: 1), .linear(weights: [2])) == nil)
    // Exact gradient descent on the cosine approaches -1 from above and never passes it.
    let scenario = try Scenario(
      name: "cosine", estimators: [.exact], distribution: .gaussian(mean: 0.4, std: 0.8),
      objective: .cosine(frequency: 2))
    var race = try Self.race(TrainingSettings(steps: 3000, learningRate: 0.05), scenario: scenario)
    race.finish()
    let final = race.result().lanes[0].final.loss
    #expect(final > -1 && final < -0.99)
    #expect(race.result().lanes[0].reachedStep != nil)
  }

  @Test("bad settings: one problem per broken rule, each keyed training.*")
  func settingsRules() {
    let bad = TrainingSettings(
      steps: 0, learningRate: -1, batch: 0, anneal: .exponential(minimum: 0.001, rate: .nan))
    #expect(
      bad.problems(for: Self.relaxToy.distribution.spec).map(\.key) == [
        "training.steps", "training.learning_rate", "training.batch", "training.tau_min",
        "training.rate",
      ])
    let gaussian = TrainingSettings(anneal: .exponential(minimum: 0.1, rate: 0.1))
    #expect(
      gaussian.problems(for: .gaussian(mean: 0, std: 1)).map(\.key) == ["training.anneal"])
    let upward = TrainingSettings(anneal: .exponential(minimum: 0.8, rate: 0.1))
    #expect(
      upward.startProblems(temperature: 0.5).first?.description
        == "training.tau_min: 0.8 is above the starting temperature 0.5 (annealing only lowers it)")
    #expect(TrainingSettings().problems(for: Self.relaxToy.distribution.spec).isEmpty)
  }
}

@Suite("Loss curve")
struct LossCurveTests {
  @Test("a long curve keeps every early step and evenly spaced later ones, within the limit")
  func thinning() {
    var curve = LossCurve()
    for step in 0...100_000 { curve.record(step: step, loss: Double(step)) }
    #expect(curve.count <= LossCurve.limit)
    #expect(Array(curve.steps.prefix(257)) == Array(0...256))
    let later = curve.steps.drop { $0 <= LossCurve.denseSteps }
    #expect(later.allSatisfy { $0 % curve.stride == 0 })
    #expect(later.count > LossCurve.limit / 4)
    #expect(curve.loss(atOrBefore: 99_999) == Double(99_999 - 99_999 % curve.stride))
    #expect(curve.loss(atOrBefore: 10) == 10)
    #expect(LossCurve().loss(atOrBefore: 5) == nil)
  }
}
