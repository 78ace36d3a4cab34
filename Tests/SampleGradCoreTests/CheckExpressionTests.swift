import Testing

@testable import SampleGradCore

/// The small language of a tour step's checks: what parses, what is refused and why.
@Suite("Tour checks")
struct CheckExpressionTests {
  @Test(
    "the issue's examples parse",
    arguments: [
      "gumbel-softmax.bias[0] > 5 se",
      "abs(gumbel-softmax.bias[0]) > 5 se",
      "rebar.variance[0] < 0.5 * score-function.variance[0]",
      "rloo.relativeNoise[0] < 1",
      "histogram.pValue >= 1e-3",
      "(a.mean[1] - b.mean[1]) / exact.gradient[1] <= -0.25",
    ])
  func parses(text: String) throws {
    let check = try CheckExpression(text)
    #expect(check.text == text)
  }

  @Test("references keep their names, fields and components")
  func references() throws {
    let check = try CheckExpression("rebar.variance[0] < 0.5 * score-function.variance[2]")
    #expect(
      check.references == [
        CheckReference(name: "rebar", field: "variance", index: 0),
        CheckReference(name: "score-function", field: "variance", index: 2),
      ])
    #expect(check.comparison == .less)
  }

  @Test(
    "broken checks say what is wrong and where",
    arguments: [
      ("rebar.variance[0]", "needs a comparison (<, <=, > or >=) at column 18"),
      ("rebar < 1", "'rebar' needs a field, as in rebar.mean[0] at column 1"),
      ("rebar.variance[x] < 1", "expected a component number after '[' at column 16"),
      ("abs(rebar.mean[0] < 1", "expected ')' at column 19"),
      ("1 se < 2", "'se' needs exactly one estimator reference on the other side of '<'"),
      ("rebar.mean[0] < 1 1", "unexpected '1' at column 19"),
    ])
  func refuses(text: String, message: String) {
    #expect(throws: CheckSyntaxError(text: text, message: message)) {
      try CheckExpression(text)
    }
  }

  static let scenario = try! Scenario(
    name: "s", distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: 0.5),
    objective: .quadratic(target: [0, 0, 1, 0]),
    estimators: nil)

  @Test(
    "references are checked against the step's scenario",
    arguments: [
      ("rebr.mean[0] < 1", "unknown estimator 'rebr'"),
      ("rebar.varaince[0] < 1", "unknown field 'varaince'"),
      ("rebar.mean[4] < 1", "component 4 is out of range (0 to 3)"),
      ("rebar.mean < 1", "'rebar.mean' needs a component, as in rebar.mean[0]"),
      ("rebar.samples[0] > 1", "'rebar.samples' has no components"),
      ("reparameterization.mean[0] < 1", "is not among this step's estimators"),
      ("histogram.p < 1", "unknown field 'histogram.p'"),
    ])
  func resolves(text: String, problem: String) throws {
    let check = try CheckExpression(text)
    let found = check.problem(in: Self.scenario)
    #expect(found?.contains(problem) == true, "\(found ?? "no problem")")
  }
}

extension Scenario {
  fileprivate init(
    name: String, distribution: DistributionSpec, objective: ObjectiveSpec,
    estimators: [EstimatorKind]?
  ) throws {
    try self.init(
      name: name, estimators: estimators, distribution: distribution, objective: objective)
  }
}
