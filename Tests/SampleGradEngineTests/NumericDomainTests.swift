import Foundation
import SampleGradCore
import Testing

@testable import SampleGradEngine

/// Issue 12, item 5: the numeric domain. At every corner just inside it, every number a run
/// reports is finite (for every estimator, in the JSON and in the table), and so is the
/// variance scaled up to the largest sample count; just outside each edge the scenario is
/// refused with a problem naming the key and the range.
@Suite("Numeric domain")
struct NumericDomainTests {
  static let big = NumericDomain.objective.upperBound
  static let eta = NumericDomain.eta.upperBound
  static let logit = NumericDomain.logit.upperBound
  static let smallStd = NumericDomain.std.lowerBound
  static let bigStd = NumericDomain.std.upperBound
  static let mean = NumericDomain.mean.upperBound
  static let coldest = Scenario.temperatureRange.lowerBound

  /// The corners where the derivation in `NumericDomain` says the largest numbers occur.
  static let corners: [Scenario] = [
    scenario(
      .categorical(logits: [logit, -logit, 0, logit], temperature: coldest),
      .quadratic(target: [big, -big, big, -big]), eta: eta),
    scenario(
      .categorical(
        logits: (0..<64).map { $0 % 2 == 0 ? logit : -logit }, temperature: coldest),
      .quadratic(target: [Double](repeating: -big, count: 64)), eta: -eta),
    scenario(
      .categorical(logits: [logit, logit - 1e-3, -logit], temperature: coldest),
      .linear(weights: [big, -big, big]), eta: eta),
    scenario(
      .categorical(logits: [0, 0, 0], temperature: Scenario.temperatureRange.upperBound),
      .quadratic(target: [big, big, big]), eta: eta),
    scenario(.bernoulli(logOdds: logit, temperature: coldest), .quadratic(target: [big]), eta: eta),
    scenario(
      .bernoulli(logOdds: -logit, temperature: coldest), .linear(weights: [-big]), eta: -eta),
    scenario(.bernoulli(logOdds: 0, temperature: coldest), .quadratic(target: [-big]), eta: eta),
    scenario(.gaussian(mean: mean, std: smallStd), .quadratic(target: [-big])),
    scenario(.gaussian(mean: -mean, std: smallStd), .linear(weights: [big])),
    scenario(.gaussian(mean: mean, std: bigStd), .quadratic(target: [-big])),
    scenario(.gaussian(mean: mean, std: bigStd), .cosine(frequency: big)),
    scenario(.gaussian(mean: -mean, std: smallStd), .cosine(frequency: -big)),
    scenario(.gaussian(mean: 0, std: 1), .cosine(frequency: big)),
  ]

  static func scenario(
    _ distribution: DistributionSpec, _ objective: ObjectiveSpec, eta: Double = 1
  ) -> Scenario {
    Scenario(name: "corner", distribution: distribution, objective: objective, eta: eta)
  }

  @Test(
    "every corner is inside the domain, and everything a run reports there is finite",
    arguments: corners.indices)
  func finiteAtCorners(index: Int) throws {
    let scenario = Self.corners[index]
    #expect(scenario.problems().isEmpty, "\(scenario.problems())")
    let result = try HeadlessRunner.run(scenario, samples: 4000, seed: 11, threads: 1)
    var numbers = result.problem.exact.gradient + [result.problem.exact.loss]
    numbers += result.problem.probabilities + result.histogram.probabilities + result.relaxedMean
    let test = result.histogram.chiSquare
    numbers += [test.statistic] + (test.pValue.map { [$0] } ?? [])
    for e in result.estimators {
      numbers += e.mean + e.variance + e.standardError + e.bias
      // The variance of 1e12 samples, and Chan's merge term `delta^2 n1 n2 / n`, still fit.
      for v in e.variance {
        #expect((v * 2.5e23).isFinite, "\(e.kind.rawValue): variance \(v)")
      }
    }
    let bad = numbers.filter { !$0.isFinite }
    #expect(bad.isEmpty, "\(scenario.distribution) \(scenario.objective): \(bad)")

    let json = RunReport.json(result).render()
    let table = RunTable.render(result).lowercased()
    #expect(!json.contains("nan") && !json.contains("inf"))
    #expect(!table.contains("nan") && !table.contains("inf"), "\(table)")
    // JSON writes a non-finite number as null; only a test without degrees of freedom may.
    if test.degreesOfFreedom > 0 { #expect(!json.contains("null")) }
  }

  /// Each key at its edge (accepted) and just past it (refused, naming key and range).
  static let edges: [(key: String, inside: Scenario, outside: Scenario)] = {
    let base = scenario(
      .categorical(logits: [1, 0, 0], temperature: 1), .quadratic(target: [0, 1, 0]))
    let gaussian = scenario(.gaussian(mean: 0, std: 1), .quadratic(target: [0]))
    let cosine = scenario(.gaussian(mean: 0, std: 1), .cosine(frequency: 1))
    func past(_ x: Double) -> Double { x > 0 ? x.nextUp : x.nextDown }
    func with(_ s: Scenario, _ change: (inout Scenario) -> Void) -> Scenario {
      var s = s
      change(&s)
      return s
    }
    var cases: [(String, Scenario, Scenario)] = []
    for bound in [NumericDomain.logit.lowerBound, NumericDomain.logit.upperBound] {
      cases.append(
        (
          "distribution.logits",
          with(base) { $0.distribution = .categorical(logits: [bound, 0, 0], temperature: 1) },
          with(base) {
            $0.distribution = .categorical(logits: [past(bound), 0, 0], temperature: 1)
          }
        ))
      cases.append(
        (
          "distribution.logits",
          with(base) {
            $0.distribution = .bernoulli(logOdds: bound, temperature: 1);
            $0.objective = .quadratic(target: [0]); $0.estimators = [.exact]
          },
          with(base) {
            $0.distribution = .bernoulli(logOdds: past(bound), temperature: 1);
            $0.objective = .quadratic(target: [0]); $0.estimators = [.exact]
          }
        ))
    }
    for bound in [Scenario.temperatureRange.lowerBound, Scenario.temperatureRange.upperBound] {
      let outside = bound < 1 ? bound.nextDown : bound.nextUp
      cases.append(
        (
          "distribution.temperature",
          with(base) { $0.distribution = $0.distribution.with(temperature: bound) },
          with(base) { $0.distribution = $0.distribution.with(temperature: outside) }
        ))
    }
    for bound in [NumericDomain.mean.lowerBound, NumericDomain.mean.upperBound] {
      cases.append(
        (
          "distribution.mean",
          with(gaussian) { $0.distribution = .gaussian(mean: bound, std: 1) },
          with(gaussian) { $0.distribution = .gaussian(mean: past(bound), std: 1) }
        ))
    }
    cases.append(
      (
        "distribution.std",
        with(gaussian) { $0.distribution = .gaussian(mean: 0, std: NumericDomain.std.lowerBound) },
        with(gaussian) {
          $0.distribution = .gaussian(mean: 0, std: NumericDomain.std.lowerBound.nextDown)
        }
      ))
    cases.append(
      (
        "distribution.std",
        with(gaussian) { $0.distribution = .gaussian(mean: 0, std: NumericDomain.std.upperBound) },
        with(gaussian) {
          $0.distribution = .gaussian(mean: 0, std: NumericDomain.std.upperBound.nextUp)
        }
      ))
    for bound in [NumericDomain.objective.lowerBound, NumericDomain.objective.upperBound] {
      cases.append(
        (
          "objective.target",
          with(base) { $0.objective = .quadratic(target: [0, bound, 0]) },
          with(base) { $0.objective = .quadratic(target: [0, past(bound), 0]) }
        ))
      cases.append(
        (
          "objective.weights",
          with(base) { $0.objective = .linear(weights: [bound, 0, 0]) },
          with(base) { $0.objective = .linear(weights: [past(bound), 0, 0]) }
        ))
      cases.append(
        (
          "objective.frequency",
          with(cosine) { $0.objective = .cosine(frequency: bound) },
          with(cosine) { $0.objective = .cosine(frequency: past(bound)) }
        ))
    }
    for bound in [NumericDomain.eta.lowerBound, NumericDomain.eta.upperBound] {
      cases.append(
        ("options.eta", with(base) { $0.eta = bound }, with(base) { $0.eta = past(bound) }))
    }
    for (inside, outside) in [(1, 0), (1_000_000_000_000, 1_000_000_000_001)] {
      cases.append(
        ("samples", with(base) { $0.samples = inside }, with(base) { $0.samples = outside }))
    }
    return cases
  }()

  @Test(
    "both sides of every edge: the bound is accepted, the next double is refused",
    arguments: edges.indices)
  func edge(index: Int) {
    let (key, inside, outside) = Self.edges[index]
    #expect(inside.problems().isEmpty, "\(key): \(inside.problems())")
    let problems = outside.problems()
    #expect(problems.count == 1, "\(key): \(problems)")
    #expect(problems.first?.key == key)
    #expect(problems.first?.message.hasPrefix("must be between ") == true, "\(problems)")
  }

  @Test("the issue's examples are refused, each naming its key")
  func issueExamples() {
    let refused: [(Scenario, String)] = [
      (
        Self.scenario(
          .categorical(logits: [1e307, 0, 0, 0], temperature: 0.01),
          .quadratic(target: [0, 0, 1, 0])), "distribution.logits"
      ),
      (Self.scenario(.gaussian(mean: 0, std: 1e-300), .quadratic(target: [0])), "distribution.std"),
      (Self.scenario(.gaussian(mean: 1e154, std: 1), .quadratic(target: [0])), "distribution.mean"),
      (Self.scenario(.gaussian(mean: 0, std: 1), .quadratic(target: [1e154])), "objective.target"),
      (
        Self.scenario(
          .categorical(logits: [0, 0], temperature: 1), .quadratic(target: [0, 1]), eta: 1e200),
        "options.eta"
      ),
      (
        Self.scenario(.categorical(logits: [0, 0], temperature: 1), .linear(weights: [1e154, 0])),
        "objective.weights"
      ),
      (Self.scenario(.gaussian(mean: 0, std: 1), .cosine(frequency: 1e308)), "objective.frequency"),
    ]
    for (scenario, key) in refused {
      #expect(scenario.problems().map(\.key) == [key])
    }
  }
}
