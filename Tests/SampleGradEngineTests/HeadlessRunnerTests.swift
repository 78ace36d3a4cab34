import SampleGradCore
import Testing

@testable import SampleGradEngine

@Suite("Headless runs")
struct HeadlessRunnerTests {
  static let scenario = try! Scenario(
    name: "t", estimators: [.scoreFunction, .scoreFunctionBaseline, .rebar],
    distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: 0.5),
    objective: .quadratic(target: [0, 0, 1, 0]))

  @Test("results depend on the seed, never on the number of threads")
  func threadIndependent() throws {
    let samples = 3 * ChunkPlan.defaultChunkSize / 2
    let one = try HeadlessRunner.run(Self.scenario, samples: samples, seed: 9, threads: 1)
    let two = try HeadlessRunner.run(Self.scenario, samples: samples, seed: 9, threads: 2)
    let other = try HeadlessRunner.run(Self.scenario, samples: samples, seed: 10, threads: 2)
    for (a, b) in zip(one.estimators, two.estimators) {
      #expect(a.moments == b.moments)
    }
    #expect(one.histogram == two.histogram)
    #expect(one.relaxedMean == two.relaxedMean)
    #expect(one.estimators[0].moments != other.estimators[0].moments)
  }

  @Test("a gaussian's odd chunks start afresh: no spare normal crosses into the next chunk")
  func oddChunksOfAGaussian() throws {
    let gaussian = try Scenario(
      name: "g", estimators: [.scoreFunction], distribution: .gaussian(mean: 1, std: 2),
      objective: .quadratic(target: [0]))
    // Odd chunks leave a Box-Muller spare behind; one worker draws every chunk of a wave.
    let runs = try [1, 3].map { threads in
      try HeadlessRunner.run(
        gaussian, samples: 20 * 101, seed: 5, threads: threads, chunkSize: 101)
    }
    #expect(runs[0].histogram == runs[1].histogram)
    // The forward samples the overview tests, headless at 1 and 3 threads and grown live,
    // start each chunk with no spare too.
    let plan = ChunkPlan(samples: 20 * 101, chunkSize: 101)
    let tallies = [1, 3].map { threads in
      HeadlessRunner.forward(
        .scoreFunction, problem: gaussian.problem, plan: plan, seed: 5, threads: threads)
    }
    #expect(tallies[0] != nil && tallies[0] == tallies[1])
    let cell = try #require(
      ForwardCell(problem: gaussian.problem, kind: .scoreFunction, seed: 5, chunkSize: 101))
    cell.advance(by: 20 * 101)
    #expect(cell.result() == tallies[0])
  }

  @Test("the chunk count is exact up to Int.max, and the chunks are folded in order")
  func chunkPlanAtTheLimits() throws {
    // `samples + chunkSize - 1` used to overflow here (issue 12, item 1).
    #expect(ChunkPlan(samples: Int.max).chunkCount == Int.max / ChunkPlan.defaultChunkSize + 1)
    #expect(ChunkPlan(samples: 1 << 16).chunkCount == 1)
    #expect(ChunkPlan(samples: (1 << 16) + 1).chunkCount == 2)
    // Many waves of chunks give what one sequential pass over the chunks gives.
    let plan = ChunkPlan(samples: 40 * 100, chunkSize: 100)
    let folded = ParallelChunks.reduce(plan: plan, threads: 3, into: [Int]()) {
      0
    } work: { _, chunk, count in
      [chunk, count]
    } fold: { total, part in
      total += part
    }
    #expect(folded == (0..<40).flatMap { [$0, 100] })
  }

  @Test("an estimator's numbers do not change when others are added")
  func streamsPerEstimator() throws {
    let alone = try Self.scenario.with(estimators: [.rebar])
    let a = try HeadlessRunner.run(alone, samples: 1000, seed: 3)
    let b = try HeadlessRunner.run(Self.scenario, samples: 1000, seed: 3)
    #expect(a.estimators[0].moments == b.estimators[2].moments)
  }

  @Test("an estimator that does not apply cannot join a scenario; the error names the need")
  func notApplicable() {
    #expect(throws: InvalidScenario.self) {
      try Self.scenario.with(estimators: [.reparameterization])
    }
    do {
      _ = try Self.scenario.with(estimators: [.reparameterization])
    } catch {
      #expect(
        error.description
          == "estimators: estimator 'reparameterization' needs a continuous sample"
          + " x = mean + std * eps, and a categorical distribution is discrete; try gumbel-softmax")
    }
  }

  @Test("the JSON report has the documented keys in order")
  func jsonShape() throws {
    let result = try HeadlessRunner.run(Self.scenario, samples: 100, seed: 1)
    let text = RunReport.json(result).render()
    let keys = [
      "\"scenario\"", "\"seed\"", "\"samples\"", "\"temperature\"", "\"distribution\"",
      "\"exact\"", "\"estimators\"", "\"histogram\"", "\"relaxed\"",
    ]
    let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
    #expect(positions.count == keys.count)
    #expect(positions == positions.sorted())
    #expect(!text.contains("nan") && !text.contains("inf"))
  }
}
