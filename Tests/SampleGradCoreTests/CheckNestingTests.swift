import Testing

@testable import SampleGradCore

/// Issue 21, fault 1: a check nested about 18,000 deep, or a chain of about 44,000 terms,
/// overflowed the stack (the parser, the evaluation and the release of the tree each recursed
/// once per level or term). Nesting is now bounded with one line that says so; chains and
/// runs of signs are flat, so any length the 1 MB file limit allows is parsed, evaluated and
/// released without recursion.
@Suite("Tour checks: nesting and long chains")
struct CheckNestingTests {
  /// The depth and lengths the fuzz round crashed on.
  static let crashingDepth = 18_100
  static let crashingChain = 44_000

  @Test("parentheses or abs(...) nested deeper than 256 are refused, in one short line")
  func deepNestingIsRefused() {
    let depth = Self.crashingDepth
    for text in [
      String(repeating: "(", count: depth) + "rebar.mean[0]" + String(repeating: ")", count: depth)
        + " < 1",
      String(repeating: "abs(", count: depth) + "rebar.mean[0]"
        + String(repeating: ")", count: depth) + " < 1",
    ] {
      do {
        _ = try CheckExpression(text)
        Issue.record("a check nested \(depth) deep was accepted")
      } catch {
        #expect(error.message.hasPrefix("nests deeper than 256 parentheses or abs(...)"))
        // The message quotes the start of the check, not all 36,000 characters of it.
        #expect(error.description.count < 200, "\(error.description.count) characters")
      }
    }
  }

  @Test("256 levels, the bound itself, still parse")
  func nestingAtTheBoundParses() throws {
    let depth = CheckExpression.maximumNesting
    let text =
      String(repeating: "abs(", count: depth) + "rebar.mean[0]"
      + String(repeating: ")", count: depth) + " < 1"
    #expect(try CheckExpression(text).references.count == 1)
  }

  @Test("a chain of 44,000 terms parses into one flat list, evaluated left to right")
  func longChainsAreFlat() throws {
    let terms = Self.crashingChain
    let sum = try CheckExpression(
      Array(repeating: "1", count: terms).joined(separator: " + ") + " < 1e9")
    guard case .chain(_, let rest) = sum.left else {
      Issue.record("not a chain: \(sum.left)")
      return
    }
    #expect(rest.count == terms - 1)
    #expect(sum.evaluate(in: Self.run).left == Double(terms))
    // Left to right, as the nested form was: (1 - 2) - 3, and (2 / 4) / 8.
    #expect(try CheckExpression("1 - 2 - 3 < 0").evaluate(in: Self.run).left == -4)
    #expect(try CheckExpression("2 / 4 / 8 < 1").evaluate(in: Self.run).left == 0.0625)
    #expect(try CheckExpression("1 + 2 * 3 - 4 / 2 < 9").evaluate(in: Self.run).left == 5)
    // Releasing `sum` at the end of this test is the third place that used to recurse.
  }

  @Test("a run of 44,000 minus signs is one negation or none")
  func longRunsOfSignsAreCounted() throws {
    let odd = try CheckExpression(String(repeating: "-", count: Self.crashingChain + 1) + "2 < 0")
    #expect(odd.left == .negate(.number(2)))
    let even = try CheckExpression(String(repeating: "- ", count: Self.crashingChain) + "2 < 0")
    #expect(even.left == .number(2))
    #expect(odd.evaluate(in: Self.run).passed && !even.evaluate(in: Self.run).passed)
  }

  /// A finished run to evaluate number-only checks in (no reference reads it).
  static let run: RunResult = {
    let scenario = try! Scenario(
      name: "t", estimators: [.exact, .scoreFunction],
      distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: 0.5),
      objective: .quadratic(target: [0, 0, 1, 0]))
    let problem = scenario.problem
    return RunResult(
      scenario: scenario, seed: 7, samples: 0, problem: problem, estimators: [],
      histogram: Histogram(probabilities: problem.probabilities), relaxedMean: [])
  }()
}
