import Testing

@testable import SampleGradCore

/// One rule names the lowest MSE everywhere: a constant that misses (argmax's 0), the exact
/// reference row and a ranking of one are never named.
@Suite("Lowest MSE")
struct LowestMeanSquaredErrorTests {
  /// A two-point sweep over logit 1 where argmax's constant 0 has the smallest MSE (exact²,
  /// tiny) and the score function, unbiased but noisy, a larger one.
  static func sweep() throws -> SweepResult {
    let scenario = try Scenario(
      name: "t", estimators: [.exact, .scoreFunction, .argmax],
      distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: 0.5),
      objective: .quadratic(target: [0, 0, 1, 0]))
    let plan = try SweepPlan(
      scenario: scenario, setting: .parameter(0),
      grid: SweepGrid(from: 0, to: 1, points: 2, scale: .linear))
    let points = plan.scenarios.enumerated().map { p, s in
      let exact = s.problem.exact
      let k = exact.gradient.count
      let score = RunningMoments(
        count: 1000, mean: exact.gradient, variance: [Double](repeating: 1, count: k))
      let zero = RunningMoments(
        count: 1000, mean: [Double](repeating: 0, count: k),
        variance: [Double](repeating: 0, count: k))
      return SweepPoint(
        value: plan.grid.value(p), exact: exact,
        estimators: [
          EstimatorResult(
            kind: .scoreFunction, moments: score, exact: exact.gradient,
            objective: s.objective.spec.kind),
          EstimatorResult(
            kind: .argmax, moments: zero, exact: exact.gradient, objective: s.objective.spec.kind),
        ])
    }
    return SweepResult(plan: plan, seed: 7, samples: 1000, points: points)
  }

  @Test("argmax's constant 0 has the smallest MSE but is not named lowest")
  func constantMissDoesNotWin() throws {
    let result = try Self.sweep()
    #expect(result.plan.estimators == [.scoreFunction, .argmax])
    for point in result.points {
      let argmax = point.estimators[1].summary(0)
      guard case .constant = argmax.verdict else {
        Issue.record("argmax's 0 should be a constant that misses: \(argmax.verdict)")
        continue
      }
      #expect(argmax.meanSquaredError < point.estimators[0].summary(0).meanSquaredError)
      #expect(point.lowestMeanSquaredError(component: 0) == 0)
      // Hidden, the score function leaves argmax alone, and one row is not a ranking.
      #expect(point.lowestMeanSquaredError(component: 0, leavingOut: [.scoreFunction]) == nil)
    }
    // The table's "lowest MSE" column: [name, title, header, a row per point].
    let block = SweepTable.block(result, component: 0, name: "logit 1", label: "logit 1")
    for row in block[3..<(3 + result.points.count)] {
      let cells = row.split(separator: " ")
      #expect(cells.last.map(String.init) == EstimatorKind.scoreFunction.rawValue, "\(row)")
    }
  }

  @Test("the exact row is the reference, not a competitor; a ranking needs two rows")
  func exactAndOne() {
    let noisy = EstimateSummary(
      mean: 0.5, exact: 0.5, variance: 0.9, standardError: 0.03, samples: 1000)
    let exact = EstimateSummary(mean: 0.5, exact: 0.5, variance: 0, standardError: 0, samples: 10)
    let biased = EstimateSummary(
      mean: 0.6, exact: 0.5, variance: 0.2, standardError: 0.014, samples: 1000)
    #expect(
      MeanSquaredErrorRanking.lowest(
        kinds: [.exact, .scoreFunction, .gumbelSoftmax], summaries: [exact, noisy, biased]) == 2)
    #expect(
      MeanSquaredErrorRanking.lowest(kinds: [.exact, .scoreFunction], summaries: [exact, noisy])
        == nil)
    #expect(
      MeanSquaredErrorRanking.lowest(
        kinds: [.scoreFunction, .gumbelSoftmax], summaries: [noisy, nil]) == nil)
  }
}
