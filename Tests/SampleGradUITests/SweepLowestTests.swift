import SampleGradCore
import Testing

@testable import SampleGradUI

/// The sweep's "◀ lowest" and its summary follow Core's one ranking: argmax's constant 0,
/// whose MSE is the smallest, is never named.
@Suite("Sweep lowest")
struct SweepLowestTests {
  /// Two points over logit 1: the score function unbiased with variance 1, argmax always 0
  /// (MSE exact², smaller).
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
      let results = [
        (EstimatorKind.scoreFunction, exact.gradient, 1.0),
        (.argmax, Array(repeating: 0, count: k), 0),
      ].map { kind, mean, variance in
        EstimatorResult(
          kind: kind,
          moments: RunningMoments(
            count: 1000, mean: mean, variance: Array(repeating: variance, count: k)),
          exact: exact.gradient, objective: s.objective.spec.kind)
      }
      return SweepPoint(value: plan.grid.value(p), exact: exact, estimators: results)
    }
    return SweepResult(plan: plan, seed: 7, samples: 1000, points: points)
  }

  @Test("the readout marks the score function lowest, not argmax, at every point and overall")
  func readout() throws {
    let result = try Self.sweep()
    for measure in [SweepView.Measure.meanSquaredError, .variance] {
      for cursor in result.points.indices {
        var view = SweepView(setting: .parameter(0), component: 0, cursor: cursor)
        view.measure = measure
        let theme = Canvas.unicode
        let readout = SweepReadout(
          view: view, result: result, curves: SweepCurves(result: result, view: view, theme: theme),
          compact: true)
        var buffer = Canvas.make(width: SweepReadout.width, height: 12)
        readout.draw(
          into: &buffer, in: Rect(x: 0, y: 0, width: SweepReadout.width, height: 12),
          theme: theme)
        let lines = buffer.lines
        let marked = lines.filter { $0.contains("◀ lowest") }
        if measure == .meanSquaredError {
          #expect(marked.count == 1 && marked[0].contains("score"), "\(lines)")
        }
        #expect(!marked.contains { $0.contains("argmax") }, "\(lines)")
        let summary = lines.first { $0.contains("of the sweep") }
        #expect(summary?.contains("argmax") == false, "\(lines)")
        #expect(summary?.contains("score") == true, "\(lines)")
      }
    }
  }
}
