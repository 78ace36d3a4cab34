import Foundation

/// `samplegrad run --format table`: the same numbers as the JSON, laid out for a handout.
public enum RunTable {
  public static func render(_ r: RunResult) -> String {
    var lines: [String] = []
    let s = r.scenario
    lines.append("\(s.displayTitle)  (\(s.name))")
    var header = "\(describe(s.distribution.spec))  objective: \(describe(s.objective.spec))"
    if let t = s.distribution.temperature { header += "  temperature: \(NumberFormat.short(t))" }
    lines.append(header)
    lines.append("seed \(r.seed), \(r.samples) samples per estimator")
    lines.append("")

    let names = s.distribution.parameterNames
    if !r.problem.probabilities.isEmpty {
      let outcomes =
        s.distribution.kind == .bernoulli
        ? ["b = 0", "b = 1"] : names.indices.map { "x = \($0 + 1)" }
      let total = max(r.histogram.total, 1)
      var rows = [["outcome", "p exact", "frequency", "relaxed mean"]]
      for i in r.problem.probabilities.indices {
        rows.append([
          outcomes[i], NumberFormat.fixed(r.problem.probabilities[i]),
          NumberFormat.fixed(Double(r.histogram.counts[i]) / Double(total)),
          r.relaxedMean.indices.contains(i) ? NumberFormat.fixed(r.relaxedMean[i]) : "",
        ])
      }
      lines += align(rows)
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

    var rows = [["estimator", "parameter", "exact", "mean", "+/- 2 SE", "bias", "variance", ""]]
    for e in r.estimators {
      for (i, name) in names.enumerated() {
        let significant = abs(e.bias[i]) > 5 * e.standardError[i] && e.standardError[i] > 0
        rows.append([
          i == 0 ? e.kind.rawValue : "", name, NumberFormat.short(e.exact[i]),
          NumberFormat.short(e.mean[i]), NumberFormat.short(2 * e.standardError[i]),
          NumberFormat.short(e.bias[i]), NumberFormat.short(e.variance[i]),
          i == 0
            ? (e.kind.descriptor.isUnbiased(on: s.objective.kind) ? "unbiased" : "biased")
              + (significant ? ", bias > 5 SE" : "")
            : "",
        ])
      }
    }
    lines += align(rows, leftAligned: [0, 1, 7])
    return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
      .joined(separator: "\n")
  }

  static func describe(_ d: DistributionSpec) -> String {
    switch d {
    case .categorical(let logits, _):
      "categorical, logits [\(logits.map(NumberFormat.short).joined(separator: ", "))]"
    case .bernoulli(let l, _): "bernoulli, log-odds \(NumberFormat.short(l))"
    case .gaussian(let m, let s):
      "gaussian, mean \(NumberFormat.short(m)), std \(NumberFormat.short(s))"
    }
  }

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
    }
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
