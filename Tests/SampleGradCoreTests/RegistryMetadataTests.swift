import Foundation
import Testing

@testable import SampleGradCore

/// The registry is the one source of what samplegrad says about its estimators and families;
/// these tests hold the docs, the options and the families' declarations to it.
@Suite("Registry metadata")
struct RegistryMetadataTests {
  /// docs/ESTIMATORS.md, read from the repository this test file sits in.
  static let docs: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return
      (try? String(contentsOf: root.appendingPathComponent("docs/ESTIMATORS.md"), encoding: .utf8))
      ?? ""
  }()

  /// The rows of the markdown table whose header starts with `first`: cells, code marks
  /// removed.
  static func table(startingWith first: String) -> [[String]] {
    let lines = docs.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let header = lines.firstIndex(where: { $0.hasPrefix("| \(first) |") }) else { return [] }
    var rows: [[String]] = []
    for line in lines[(header + 2)...] {
      guard line.hasPrefix("|") else { break }
      rows.append(
        line.split(separator: "|").map {
          $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "")
        })
    }
    return rows
  }

  @Test(
    "the estimator table in docs/ESTIMATORS.md lists the registry, in display order, with its streams"
  )
  func estimatorTable() {
    let rows = Self.table(startingWith: "name")
    #expect(rows.map { $0[0] } == EstimatorRegistry.displayOrder.map(\.rawValue))
    for row in rows {
      guard let kind = EstimatorKind(rawValue: row[0]) else { continue }
      #expect(row[1] == String(kind.streamIndex), "\(kind)'s stream")
      #expect(row[4].hasPrefix(kind.isUnbiased ? "yes" : "no"), "\(kind)'s unbiasedness")
    }
  }

  @Test("the display order lists every registered estimator once")
  func displayOrder() {
    let order = EstimatorRegistry.displayOrder
    #expect(Set(order).count == order.count)
    #expect(Set(order) == Set(EstimatorRegistry.all.map(\.kind)))
    #expect(EstimatorKind.allCases == order)
  }

  @Test("rows and keys 1..9 follow the display order, whatever the registry's order")
  func rowsFollowTheDisplayOrder() throws {
    let spec = DistributionSpec.categorical(logits: [1, 0, -1], temperature: 0.5)
    let rows = EstimatorRegistry.kinds(for: spec)
    #expect(rows == EstimatorRegistry.displayOrder.filter(rows.contains))
  }

  @Test("the options table in docs/ESTIMATORS.md matches the declarations")
  func optionsTable() {
    let rows = Self.table(startingWith: "option")
    #expect(rows.map { $0[0] } == EstimatorRegistry.options.map(\.key))
    for row in rows {
      guard let option = EstimatorRegistry.option(row[0]) else { continue }
      #expect(
        row[1] == EstimatorRegistry.readers(of: option.key).map(\.rawValue).joined(separator: ", "))
      #expect(row[3] == NumericDomain.show(option.defaultValue), "\(option.key)'s default")
      #expect(row[4] == option.summary, "\(option.key)'s help")
    }
  }

  @Test("estimators that share an option key share its range, default and wholeness")
  func sharedOptionsAgree() {
    let declared = EstimatorRegistry.all.flatMap(\.options)
    for option in declared {
      let first = EstimatorRegistry.option(option.key)
      #expect(
        first?.range == option.range && first?.defaultValue == option.defaultValue
          && first?.isWholeNumber == option.isWholeNumber, "\(option.key)")
    }
  }

  @Test("the diagnostics table in docs/ESTIMATORS.md matches the declarations")
  func diagnosticsTable() {
    let rows = Self.table(startingWith: "diagnostic")
    let keys = EstimatorRegistry.all.flatMap(\.diagnostics).map(\.key)
    #expect(Set(rows.map { $0[0] }) == Set(keys))
    for row in rows {
      let reporters = EstimatorRegistry.displayOrder.filter {
        $0.descriptor.diagnostics.contains { $0.key == row[0] }
      }
      #expect(row[1] == reporters.map(\.rawValue).joined(separator: ", "))
    }
  }

  @Test("every option's default passes its own rule, and the schema takes its key")
  func optionsAreUsable() {
    for option in EstimatorRegistry.options {
      #expect(option.problems(option.defaultValue).isEmpty, "\(option.key)")
      #expect(ScenarioSchema.allowedKeys["options"]?.contains(option.key) == true)
    }
    #expect(EstimatorOptions().problems.isEmpty)
  }
}

/// Each family states what it offers as capabilities and as protocol conformances; the two
/// must agree, or an estimator whose needs are met would find no implementation.
@Suite("Distribution families")
struct DistributionFamilyTests {
  /// One value of each family, one variable and several.
  static let families: [DistributionSpec] = [
    .categorical(logits: [0.5, -0.3, 1], temperature: 0.5),
    .categorical(rows: [[0.5, -0.3, 1], [0, 0, 0]], temperature: 0.5),
    .bernoulli(logOdds: 0.3, temperature: 0.5),
    .bernoulli(logOdds: [0.3, -1.2, 2], temperature: 0.5),
    .gaussian(mean: 1, std: 2),
  ]

  @Test("every registered family has a kind, keys and a shape of its own")
  func registry() {
    let kinds = FamilyRegistry.all.map { $0.kind }
    #expect(Set(kinds).count == kinds.count)
    #expect(Set(Self.families.map(\.kind)) == Set(kinds), "each family is tried below")
  }

  @Test("capabilities agree with the protocols that implement them", arguments: families)
  func capabilitiesMatchConformances(_ spec: DistributionSpec) {
    let family = spec.family
    let offers = spec.capabilities
    #expect(offers.contains(.relaxation) == (family is any RelaxableFamily))
    #expect(offers.contains(.discrete) == (family is any EnumerableFamily))
    #expect(offers.contains(.continuous) == (family is any PathwiseFamily))
  }

  @Test(
    "every estimator whose needs a family meets builds and draws a finite estimate there",
    arguments: families)
  func everyEstimatorBuilds(_ spec: DistributionSpec) throws {
    let objective: ObjectiveSpec =
      spec.variables > 1
      ? .meanSquared(target: 0.45, values: nil)
      : spec.outcomes == 0 ? .quadratic(target: [0.5]) : .meanSquared(target: 0.45, values: nil)
    let problem = try GradientProblem(distribution: spec, objective: objective)
    for kind in EstimatorRegistry.kinds(for: spec, objective: objective.kind) {
      let sampler = try GradientSampler(problem: problem, kind: kind)
      var rng = Xoshiro256StarStar(seed: 3)
      let estimate = sampler.estimate(using: &rng)
      #expect(estimate.count == spec.parameterCount, "\(kind)")
      #expect(estimate.allSatisfy { $0.isFinite }, "\(kind)")
    }
  }

  @Test("parameters, names and probabilities have the documented layout", arguments: families)
  func layout(_ spec: DistributionSpec) {
    #expect(spec.parameterNames.count == spec.parameterCount)
    #expect(Set(spec.parameterNames).count == spec.parameterCount, "names are distinct")
    let p = spec.family.probabilities
    #expect(p.count == spec.variables * spec.outcomes)
    for d in 0..<(spec.outcomes > 0 ? spec.variables : 0) {
      let row = p[(d * spec.outcomes)..<((d + 1) * spec.outcomes)]
      #expect(abs(row.reduce(0, +) - 1) < 1e-12, "each variable's outcomes sum to 1")
    }
    #expect(spec.outcomeNames.count == p.count)
  }

  @Test("a family's words: one variable keeps the classic names, many name the variable")
  func words() {
    #expect(DistributionSpec.bernoulli(logOdds: 0.3, temperature: 1).parameterNames == ["log-odds"])
    #expect(
      DistributionSpec.bernoulli(logOdds: [0, 1, 2], temperature: 1).parameterNames
        == ["log-odds 1", "log-odds 2", "log-odds 3"])
    #expect(
      DistributionSpec.categorical(rows: [[0, 1], [2, 3]], temperature: 1).parameterNames
        == [
          "logit 1 of variable 1", "logit 2 of variable 1", "logit 1 of variable 2",
          "logit 2 of variable 2",
        ])
    #expect(
      DistributionSpec.categorical(logits: [0, 1, 2], temperature: 1).parameterNames
        == ["logit 1", "logit 2", "logit 3"])
  }
}
