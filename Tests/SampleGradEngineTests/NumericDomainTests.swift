import Foundation
import SampleGradCore
import Testing

@testable import SampleGradEngine

/// Issue 12, item 5: the numeric domain. At every corner just inside it, every number a run
/// reports is finite (for every estimator that applies, in the JSON and in the table), and
/// so is the variance scaled up to the largest sample count; just outside each edge the
/// scenario is refused with a problem naming the key and the range.
@Suite("Numeric domain")
struct NumericDomainTests {
  /// A scenario as a file or the flags describe it, before the rules are checked.
  struct Case: CustomStringConvertible {
    var distribution: DistributionSpec
    var objective: ObjectiveSpec
    var options = EstimatorOptions()
    var samples: Int?
    var estimators: [EstimatorKind]?

    func build() throws(InvalidScenario) -> Scenario {
      try Scenario(
        name: "corner", samples: samples, estimators: estimators, distribution: distribution,
        objective: objective, options: options)
    }

    var problems: [ScenarioProblem] {
      do {
        _ = try build()
        return []
      } catch {
        return error.problems
      }
    }

    var description: String { "\(distribution) \(objective) \(options)" }
  }

  static let big = NumericDomain.objective.upperBound
  static let eta = EstimatorOptions(["eta": NumericDomain.eta.upperBound])
  static let logit = NumericDomain.logit.upperBound
  static let smallStd = NumericDomain.std.lowerBound
  static let bigStd = NumericDomain.std.upperBound
  static let mean = NumericDomain.mean.upperBound
  static let coldest = Scenario.temperatureRange.lowerBound

  /// The corners where the derivation in `NumericDomain` says the largest numbers occur,
  /// for every objective kind.
  static let corners: [Case] = [
    Case(
      distribution: .categorical(logits: [logit, -logit, 0, logit], temperature: coldest),
      objective: .quadratic(target: [big, -big, big, -big]), options: eta),
    Case(
      distribution: .categorical(
        logits: (0..<64).map { $0 % 2 == 0 ? logit : -logit }, temperature: coldest),
      objective: .quadratic(target: [Double](repeating: -big, count: 64)),
      options: EstimatorOptions(["eta": -NumericDomain.eta.upperBound])),
    Case(
      distribution: .categorical(logits: [logit, logit - 1e-3, -logit], temperature: coldest),
      objective: .linear(weights: [big, -big, big]), options: eta),
    Case(
      distribution: .categorical(
        logits: [0, 0, 0], temperature: Scenario.temperatureRange.upperBound),
      objective: .quadratic(target: [big, big, big]), options: eta),
    Case(
      distribution: .categorical(logits: [logit, 0, -logit], temperature: coldest),
      objective: .table(values: [big, -big, big])),
    Case(
      distribution: .bernoulli(logOdds: logit, temperature: coldest),
      objective: .quadratic(target: [big]), options: eta),
    Case(
      distribution: .bernoulli(logOdds: -logit, temperature: coldest),
      objective: .linear(weights: [-big]),
      options: EstimatorOptions(["eta": -NumericDomain.eta.upperBound])),
    Case(
      distribution: .bernoulli(logOdds: 0, temperature: coldest),
      objective: .quadratic(target: [-big]), options: eta),
    Case(
      distribution: .bernoulli(logOdds: 0, temperature: coldest),
      objective: .table(values: [-big, big])),
    Case(distribution: .gaussian(mean: mean, std: smallStd), objective: .quadratic(target: [-big])),
    Case(distribution: .gaussian(mean: -mean, std: smallStd), objective: .linear(weights: [big])),
    Case(distribution: .gaussian(mean: mean, std: bigStd), objective: .quadratic(target: [-big])),
    Case(distribution: .gaussian(mean: mean, std: bigStd), objective: .cosine(frequency: big)),
    Case(distribution: .gaussian(mean: -mean, std: smallStd), objective: .cosine(frequency: -big)),
    Case(distribution: .gaussian(mean: 0, std: 1), objective: .cosine(frequency: big)),
    Case(distribution: .gaussian(mean: mean, std: smallStd), objective: .step(threshold: -big)),
    Case(distribution: .gaussian(mean: -mean, std: bigStd), objective: .step(threshold: big)),
    Case(
      distribution: .gaussian(mean: 0, std: smallStd), objective: .quadratic(target: [big]),
      options: EstimatorOptions(["draws": 1024])),
    Case(
      distribution: .bernoulli(logOdds: logit, temperature: coldest),
      objective: .quadratic(target: [-big]), options: EstimatorOptions(["eta": 1, "draws": 1024])),
  ]

  @Test(
    "every corner is inside the domain, and everything a run reports there is finite",
    arguments: corners.indices)
  func finiteAtCorners(index: Int) throws {
    let corner = Self.corners[index]
    let scenario = try corner.build()
    // A thousand samples reach every branch; the bounds come from the formulas, and the
    // variance check below scales the result up to the largest sample count.
    let result = try HeadlessRunner.run(scenario, samples: 1000, seed: 11, threads: 1)
    var numbers = result.problem.exact.gradient + [result.problem.exact.loss]
    numbers += result.problem.probabilities + result.histogram.probabilities + result.relaxedMean
    let test = result.histogram.chiSquare
    numbers += [test.statistic] + (test.pValue.map { [$0] } ?? [])
    for e in result.estimators {
      numbers += e.mean + e.variance + e.standardError + e.bias + e.diagnostics.map(\.value)
      // The variance of 1e12 samples, and Chan's merge term `delta^2 n1 n2 / n`, still fit.
      for v in e.variance {
        #expect((v * 2.5e23).isFinite, "\(e.kind.rawValue): variance \(v)")
      }
    }
    let bad = numbers.filter { !$0.isFinite }
    #expect(bad.isEmpty, "\(corner): \(bad)")

    let json = RunReport.json(result).render()
    let table = RunTable.render(result).lowercased()
    #expect(!json.contains("nan") && !json.contains("inf"))
    #expect(!table.contains("nan") && !table.contains("inf"), "\(table)")
    // JSON writes a non-finite number as null. Documented nulls: a test without degrees of
    // freedom, and the ratios to an exact gradient or a standard error of 0.
    let documented = [
      "\"pValue\":", "\"relativeNoise\":", "\"biasStandardErrors\":", "\"meanCosine\":",
    ]
    let nulls = json.split(separator: "\n").filter { line in
      line.contains("null") && !documented.contains { line.contains($0) }
    }
    #expect(nulls.isEmpty, "\(nulls)")
  }

  /// Each key at its edge (accepted) and just past it (refused, naming key and range).
  static let edges: [(key: String, inside: Case, outside: Case)] = {
    let base = Case(
      distribution: .categorical(logits: [1, 0, 0], temperature: 1),
      objective: .quadratic(target: [0, 1, 0]))
    let gaussian = Case(
      distribution: .gaussian(mean: 0, std: 1), objective: .quadratic(target: [0]))
    func past(_ x: Double) -> Double { x > 0 ? x.nextUp : x.nextDown }
    func with(_ c: Case, _ change: (inout Case) -> Void) -> Case {
      var c = c
      change(&c)
      return c
    }
    var cases: [(String, Case, Case)] = []
    for bound in [NumericDomain.logit.lowerBound, NumericDomain.logit.upperBound] {
      cases.append(
        (
          "distribution.logits",
          with(base) { $0.distribution = .categorical(logits: [bound, 0, 0], temperature: 1) },
          with(base) {
            $0.distribution = .categorical(logits: [past(bound), 0, 0], temperature: 1)
          }
        ))
      let bernoulli = with(base) { $0.objective = .quadratic(target: [0]) }
      cases.append(
        (
          "distribution.logits",
          with(bernoulli) { $0.distribution = .bernoulli(logOdds: bound, temperature: 1) },
          with(bernoulli) { $0.distribution = .bernoulli(logOdds: past(bound), temperature: 1) }
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
    for (inside, outside) in [
      (NumericDomain.std.lowerBound, NumericDomain.std.lowerBound.nextDown),
      (NumericDomain.std.upperBound, NumericDomain.std.upperBound.nextUp),
    ] {
      cases.append(
        (
          "distribution.std",
          with(gaussian) { $0.distribution = .gaussian(mean: 0, std: inside) },
          with(gaussian) { $0.distribution = .gaussian(mean: 0, std: outside) }
        ))
    }
    for bound in [NumericDomain.objective.lowerBound, NumericDomain.objective.upperBound] {
      cases.append(
        (
          "objective.target", with(base) { $0.objective = .quadratic(target: [0, bound, 0]) },
          with(base) { $0.objective = .quadratic(target: [0, past(bound), 0]) }
        ))
      cases.append(
        (
          "objective.weights", with(base) { $0.objective = .linear(weights: [bound, 0, 0]) },
          with(base) { $0.objective = .linear(weights: [past(bound), 0, 0]) }
        ))
      cases.append(
        (
          "objective.values", with(base) { $0.objective = .table(values: [bound, 0, 0]) },
          with(base) { $0.objective = .table(values: [past(bound), 0, 0]) }
        ))
      cases.append(
        (
          "objective.frequency", with(gaussian) { $0.objective = .cosine(frequency: bound) },
          with(gaussian) { $0.objective = .cosine(frequency: past(bound)) }
        ))
      cases.append(
        (
          "objective.threshold", with(gaussian) { $0.objective = .step(threshold: bound) },
          with(gaussian) { $0.objective = .step(threshold: past(bound)) }
        ))
    }
    for bound in [NumericDomain.eta.lowerBound, NumericDomain.eta.upperBound] {
      cases.append(
        (
          "options.eta", with(base) { $0.options = EstimatorOptions(["eta": bound]) },
          with(base) { $0.options = EstimatorOptions(["eta": past(bound)]) }
        ))
    }
    for (inside, outside) in [(2, 1), (1024, 1025)] {
      cases.append(
        (
          "options.draws", with(base) { $0.options = EstimatorOptions(["draws": Double(inside)]) },
          with(base) { $0.options = EstimatorOptions(["draws": Double(outside)]) }
        ))
    }
    for (inside, outside) in [(1, 0), (1_000_000_000_000, 1_000_000_000_001)] {
      cases.append(
        ("samples", with(base) { $0.samples = inside }, with(base) { $0.samples = outside }))
    }
    return cases
  }()

  @Test(
    "both sides of every edge: the bound is accepted, the next value is refused",
    arguments: edges.indices)
  func edge(index: Int) {
    let (key, inside, outside) = Self.edges[index]
    #expect(inside.problems.isEmpty, "\(key): \(inside.problems)")
    let problems = outside.problems
    #expect(problems.count == 1, "\(key): \(problems)")
    #expect(problems.first?.key == key)
    #expect(problems.first?.message.hasPrefix("must be between ") == true, "\(problems)")
  }

  @Test("the issue's examples are refused, each naming its key")
  func issueExamples() {
    let refused: [(Case, String)] = [
      (
        Case(
          distribution: .categorical(logits: [1e307, 0, 0, 0], temperature: 0.01),
          objective: .quadratic(target: [0, 0, 1, 0])), "distribution.logits"
      ),
      (
        Case(distribution: .gaussian(mean: 0, std: 1e-300), objective: .quadratic(target: [0])),
        "distribution.std"
      ),
      (
        Case(distribution: .gaussian(mean: 1e154, std: 1), objective: .quadratic(target: [0])),
        "distribution.mean"
      ),
      (
        Case(distribution: .gaussian(mean: 0, std: 1), objective: .quadratic(target: [1e154])),
        "objective.target"
      ),
      (
        Case(
          distribution: .categorical(logits: [0, 0], temperature: 1),
          objective: .quadratic(target: [0, 1]), options: EstimatorOptions(["eta": 1e200])),
        "options.eta"
      ),
      (
        Case(
          distribution: .categorical(logits: [0, 0], temperature: 1),
          objective: .linear(weights: [1e154, 0])), "objective.weights"
      ),
      (
        Case(distribution: .gaussian(mean: 0, std: 1), objective: .cosine(frequency: 1e308)),
        "objective.frequency"
      ),
    ]
    for (corner, key) in refused {
      #expect(corner.problems.map(\.key) == [key])
    }
  }
}
