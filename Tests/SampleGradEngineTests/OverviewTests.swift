import SampleGradCore
import SampleGradEngine
import Testing

/// The summary table measured: each classic claim read off a run, on a categorical, a
/// bernoulli and a gaussian.
@Suite("Overview table, measured")
struct OverviewTests {
  func measure(_ preset: String) throws -> Overview {
    OverviewRunner.measure(
      try PresetLab.load(preset), samples: 50_000, seed: PresetLab.seed, threads: 2)
  }

  func cell(_ o: Overview, _ kind: EstimatorKind, _ column: Overview.Column) throws
    -> Overview.Cell
  {
    try #require(o.rows.first { $0.kind == kind }?.cells[column])
  }

  @Test("categorical: argmax has no gradient, Gumbel-softmax leaves the exact distribution")
  func categorical() throws {
    let o = try measure("bias-and-variance")
    #expect(Set(o.rows.map(\.kind)) == Set(EstimatorKind.allCases), "every method has a row")
    #expect(o.rows.allSatisfy { $0.isMeasured }, "each measured, here or on a built-in scenario")
    #expect(try cell(o, .argmax, .differentiable).text == "no: gradient 0 ± 0")
    #expect(try cell(o, .argmax, .unbiased).text == "no: always 0, bias -100%")
    // Issue 20: as in the classic table, a method with no gradient gets "-" for df/dx.
    #expect(try cell(o, .argmax, .needsDerivative).answer == "-")
    // Each method's own forward samples: Gumbel-softmax's are relaxed vectors, none of them an
    // outcome; straight-through's and argmax's are Gumbel-max samples, which follow p.
    #expect(
      try cell(o, .gumbelSoftmax, .exactDistribution).text.hasPrefix(
        "no: f at relaxed points, 0% outcomes"))
    #expect(try cell(o, .straightThrough, .exactDistribution).evidence.hasPrefix("χ² p"))
    #expect(try cell(o, .argmax, .exactDistribution).answer == "yes")
    #expect(try cell(o, .exact, .exactDistribution).answer == "-")
    #expect(try cell(o, .gumbelSoftmax, .unbiased).answer == "no")
    #expect(try cell(o, .rebar, .unbiased).answer == "yes")
    // df/dx: measured on a reward table with the same f at each outcome.
    #expect(try cell(o, .scoreFunction, .needsDerivative).answer == "no")
    #expect(
      try cell(o, .straightThrough, .needsDerivative).text == "yes: cannot run on a reward table")
    // Issue 20: a continuous-only method is measured on the built-in gaussian, and says so.
    #expect(try cell(o, .reparameterization, .samples).text == "continuous: not for a categorical")
    #expect(try cell(o, .reparameterization, .unbiased).answer == "yes")
    let row = try #require(o.rows.first { $0.kind == .reparameterization })
    #expect(o.section(of: row)?.scenarioName == "built-in gaussian")
    #expect(o.rows.first?.section == 0 && row.section ?? 0 > 0, "the scenario on screen first")
  }

  @Test("bernoulli: DisARM is exact at p = 1/2; ARM and DisARM run only here")
  func bernoulli() throws {
    let o = try measure("antithetic-bernoulli")
    #expect(try cell(o, .disarm, .unbiased).text == "yes: every estimate exact")
    #expect(try cell(o, .arm, .samples).text == "discrete: runs here")
    #expect(try cell(o, .arm, .needsDerivative).answer == "no")
  }

  @Test("gaussian: on a step the pathwise gradient returns 0, bias -100%")
  func gaussian() throws {
    let o = try measure("measure-valued")
    #expect(o.probeDescription.contains("step"))
    #expect(
      try cell(o, .reparameterization, .needsDerivative).text
        == "yes: on a step: always 0, bias -100%")
    #expect(try cell(o, .measureValued, .needsDerivative).answer == "no")
    #expect(try cell(o, .scoreFunction, .needsDerivative).answer == "no")
    #expect(try cell(o, .reparameterization, .unbiased).answer == "yes")
    let variance = try #require(o.rows.first { $0.kind == .measureValued }?.variance)
    #expect(abs(variance / 1.09 - 1) < 0.05)
  }

  @Test("every cell of a row that ran holds a number or a named reason")
  func everyCellBacked() throws {
    for preset in ["bias-and-variance", "antithetic-bernoulli", "measure-valued", "reward-table"] {
      let o = try measure(preset)
      for row in o.rows {
        for column in Overview.Column.allCases {
          let text = try #require(row.cells[column]).text
          #expect(text.contains(":"), "\(preset) \(row.kind) \(column): \(text)")
        }
      }
    }
  }
}
