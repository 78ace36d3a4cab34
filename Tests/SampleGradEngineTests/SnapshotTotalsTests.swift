import SampleGradCore
import Testing

@testable import SampleGradEngine

/// The live snapshot carries each row's running moments, so the screen can rank rows by their
/// error over every component and show the mean cosine with the exact gradient, and an
/// export reports the same totals as `run`.
@Suite("Snapshot totals")
struct SnapshotTotalsTests {
  static let bits = try! Scenario(
    name: "bits", estimators: [.scoreFunction, .disarm, .indecater],
    distribution: .bernoulli(logOdds: [Double](repeating: 0, count: 32), temperature: 0.5),
    objective: .meanSquared(target: 0.45, values: nil))

  @Test("every enabled row's moments, and a total with the mean cosine")
  func moments() throws {
    var state = EngineState(scenario: Self.bits, seed: 7)
    state.step(samples: 2_000)
    let snapshot = state.snapshot()
    for row in snapshot.estimators where row.isEnabled {
      let moments = try #require(row.moments, "\(row.kind)")
      #expect(moments.count == row.samples)
      #expect(moments.mean == row.mean)
      let total = try #require(row.total)
      #expect(total.meanCosine == moments.meanCosine)
      #expect(total == TotalSummary(moments: moments, exact: snapshot.exact.gradient))
    }
    let cosine = { (kind: EstimatorKind) in
      snapshot.estimators.first { $0.kind == kind }?.total?.meanCosine ?? .nan
    }
    // IndeCateR is exact on a sum over variables; the score function's direction is noise.
    #expect(abs(cosine(.indecater) - 1) < 1e-9)
    #expect(abs(cosine(.scoreFunction)) < 0.1)
    #expect(cosine(.disarm) > cosine(.scoreFunction))
  }

  @Test("a row without moments (built from numbers) has a total without a cosine")
  func fromNumbers() throws {
    let row = EstimatorSnapshot(
      kind: .scoreFunction, isEnabled: true, samples: 10, mean: [1, 2], variance: [4, 9],
      standardError: [0.6, 0.9], exact: [1, 1])
    let total = try #require(row.total)
    #expect(total.variance == 13)
    #expect(total.squaredBias == 1)
    #expect(total.meanCosine == nil)
    let empty = EstimatorSnapshot(
      kind: .scoreFunction, isEnabled: true, samples: 0, mean: [0], variance: [0],
      standardError: [0], exact: [1])
    #expect(empty.total == nil)
  }
}
