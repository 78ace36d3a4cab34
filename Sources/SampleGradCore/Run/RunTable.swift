import Foundation

/// `samplegrad run --format table`: the same numbers as the JSON, laid out for a handout.
public enum RunTable {
  /// Outcome rows a table lists before it points at the JSON.
  static let outcomeRows = 64

  public static func render(_ r: RunResult) -> String {
    var lines: [String] = []
    let s = r.scenario
    lines.append("\(s.displayTitle)  (\(s.name))")
    var header = "\(describe(s.distribution.spec))  objective: \(describe(s.objective.spec))"
    if let t = s.distribution.temperature { header += "  temperature: \(NumberFormat.short(t))" }
    lines.append(header)
    lines.append("seed \(r.seed), \(NumberFormat.count(r.samples, "sample")) per estimator")
    lines.append("")

    let names = s.distribution.parameterNames
    if !r.problem.probabilities.isEmpty {
      let outcomes = s.distribution.spec.family.outcomeNames
      let total = max(r.histogram.total, 1)
      var rows = [["outcome", "p exact", "frequency", "relaxed mean"]]
      let shown = min(r.problem.probabilities.count, Self.outcomeRows)
      for i in 0..<shown {
        rows.append([
          outcomes[i], NumberFormat.fixed(r.problem.probabilities[i]),
          NumberFormat.fixed(Double(r.histogram.counts[i]) / Double(total)),
          r.relaxedMean.indices.contains(i) ? NumberFormat.fixed(r.relaxedMean[i]) : "",
        ])
      }
      lines += align(rows)
      if shown < r.problem.probabilities.count {
        lines.append("(and \(r.problem.probabilities.count - shown) more outcomes: see the JSON)")
      }
    } else {
      let inside =
        Double(r.histogram.total - r.histogram.outside) / Double(max(r.histogram.total, 1))
      lines.append(
        "histogram: \(r.histogram.counts.count) bins, \(NumberFormat.fixed(inside)) of samples inside mean +/- 4 std"
      )
    }
    let test = r.histogram.chiSquare
    if let reason = test.skipped {
      lines.append("chi-square against the exact probabilities: not computed (\(reason))")
    } else if let p = test.pValue {
      lines.append(
        "chi-square against the exact probabilities: \(NumberFormat.short(test.statistic))"
          + " on \(test.degreesOfFreedom) df, p = \(NumberFormat.short(p))")
    }
    lines.append("")
    lines.append("exact loss \(NumberFormat.short(r.problem.exact.loss))")

    var rows = [
      [
        "estimator", "parameter", "exact", "mean", "+/- 2 SE", "bias", "verdict", "variance", "SD",
        "SD/|exact|", "n for 10%", "MSE",
      ]
    ]
    let summaries = r.estimators.map(\.summaries)
    let lowest = names.indices.map { MeanSquaredErrorRanking.lowest(r.estimators, component: $0) }
    for (row, e) in r.estimators.enumerated() {
      for (i, name) in names.enumerated() {
        let s = summaries[row][i]
        rows.append([
          i == 0 ? e.kind.rawValue : "", name, NumberFormat.short(s.exact),
          NumberFormat.short(s.mean), NumberFormat.short(2 * s.standardError),
          NumberFormat.short(s.bias), s.verdict.text, NumberFormat.short(s.variance),
          NumberFormat.short(s.standardDeviation), s.relativeNoise.map(NumberFormat.short) ?? "-",
          samplesNeeded(s.samplesForTenPercentError),
          NumberFormat.short(s.meanSquaredError) + (lowest[i] == row ? " *" : "  "),
        ])
      }
    }
    lines += align(rows, leftAligned: [0, 1, 6])
    lines += r.estimators.compactMap { ConstantMiss.note(for: $0, in: r) }
    lines.append("")
    lines += legend(r)
    return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
      .joined(separator: "\n")
  }

  /// What the columns mean, and what theory says about each estimator's bias.
  static func legend(_ r: RunResult) -> [String] {
    let threshold = NumberFormat.short(BiasVerdict.threshold)
    let objective = r.scenario.objective.kind
    let unbiased = r.estimators.filter { $0.kind.descriptor.isUnbiased(on: objective) }
      .map(\.kind.rawValue)
    let biased = r.estimators.filter { !$0.kind.descriptor.isUnbiased(on: objective) }
      .map(\.kind.rawValue)
    var lines = [
      "verdict: the bias in standard errors of the mean; beyond \(threshold) SE the data show a bias.",
      "SD/|exact|: the noise of one estimate against the gradient; n for 10%: estimates to average",
      "  for an error of 10% of the gradient, (10 SD/|exact|)^2 (never: the bias alone is larger).",
      "MSE = bias^2 + variance of one estimate; * marks the lowest for each parameter.",
    ]
    if !unbiased.isEmpty { lines.append("theory: unbiased: \(unbiased.joined(separator: ", "))") }
    if !biased.isEmpty {
      lines.append("theory: biased for L: \(biased.joined(separator: ", "))")
    }
    return lines
  }

  /// `n for 10%` as a count: `1,234`, `2.1e+09`, `never`, or `-` when it cannot be said.
  static func samplesNeeded(_ needed: EstimateSummary.SamplesNeeded) -> String {
    switch needed {
    case .never: return "never"
    case .unknown: return "-"
    case .samples(let n):
      return n < 1e7 ? NumberFormat.grouped(Int(n)) : NumberFormat.short(n)
    }
  }

  static func describe(_ d: DistributionSpec) -> String { d.summary }

  static func describe(_ o: ObjectiveSpec) -> String {
    switch o {
    case .linear(let w): "linear, weights [\(w.map(NumberFormat.short).joined(separator: ", "))]"
    case .quadratic(let t):
      t.count == 1
        ? "(x - \(NumberFormat.short(t[0])))^2"
        : "quadratic, target [\(t.map(NumberFormat.short).joined(separator: ", "))]"
    case .cosine(let w): "cos(\(NumberFormat.short(w)) x)"
    case .table(let v): "table, values [\(v.map(NumberFormat.short).joined(separator: ", "))]"
    case .step(let c): "1[x > \(NumberFormat.short(c))]"
    case .meanSquared(let t, let v):
      "mean-squared, target \(NumberFormat.short(t))" + valuesText(v)
    case .squaredMean(let t, let v):
      "squared-mean, target \(NumberFormat.short(t))" + valuesText(v)
    case .model(let m): m.name
    }
  }

  private static func valuesText(_ values: [Double]?) -> String {
    guard let values else { return "" }
    return ", values [\(values.map(NumberFormat.short).joined(separator: ", "))]"
  }

  /// Left-aligns text columns and right-aligns numeric ones.
  static func align(_ rows: [[String]], leftAligned: Set<Int> = [0, 1]) -> [String] {
    guard let width = rows.map(\.count).max() else { return [] }
    var widths = [Int](repeating: 0, count: width)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    return rows.map { row in
      row.enumerated().map { i, cell in
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        return leftAligned.contains(i) ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }
  }
}
