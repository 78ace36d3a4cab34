import Foundation

/// `samplegrad sweep --format table`: the curves as a handout, one block per gradient
/// component. Each row is a point: the exact gradient, each estimator's bias and variance,
/// and which estimator has the lowest mean squared error there; under each block, where each
/// estimator's error is lowest.
public enum SweepTable {
  public static func render(_ r: SweepResult) -> String {
    let plan = r.plan
    let s = plan.scenario
    let label = plan.setting.label(in: s)
    var lines: [String] = []
    lines.append("\(s.displayTitle)  (\(s.name))")
    var header =
      "\(RunTable.describe(s.distribution.spec))  objective: \(RunTable.describe(s.objective.spec))"
    if plan.setting != .temperature, let t = s.distribution.temperature {
      header += "  temperature: \(NumberFormat.short(t))"
    }
    lines.append(header)
    lines.append(
      "swept: \(label) from \(value(plan.grid.from, plan)) to \(value(plan.grid.to, plan)),"
        + " \(plan.grid.points) points (\(plan.grid.scale.rawValue) scale)"
        + (plan.current.map { ", now \(NumberFormat.short($0))" } ?? ""))
    lines.append(
      "seed \(r.seed), \(NumberFormat.count(r.samples, "sample")) per point and estimator,"
        + " the same random numbers at every point")
    lines.append(
      "bias = mean - exact (* more than 5 standard errors from 0); MSE = bias^2 + variance;"
        + " exact^2 is the MSE of always answering 0")
    if plan.setting == .dimension || s.distribution.variables > 1 {
      // Many variables: one block over all components at once.
      lines.append("")
      lines += totalBlock(r, label: label)
    } else {
      for (i, name) in s.distribution.parameterNames.enumerated() {
        lines.append("")
        lines += block(r, component: i, name: name, label: label)
      }
    }
    return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
      .joined(separator: "\n")
  }

  /// A swept value as the table prints it: a number of variables whole (1024, not 1.02e+03).
  static func value(_ x: Double, _ plan: SweepPlan) -> String {
    plan.setting == .dimension ? String(Int(x.rounded())) : NumberFormat.short(x)
  }

  /// All components at once (`TotalSummary`): per estimator the noise of one estimate over
  /// the size of the gradient, sqrt(total variance) / |g|, and the mean cosine between one
  /// estimate and g; the lowest total MSE per point.
  static func totalBlock(_ r: SweepResult, label: String) -> [String] {
    let kinds = r.plan.estimators
    var rows = [
      [label, "|g|"] + kinds.flatMap { _ in ["SD/|g|", "cosine"] } + ["lowest total MSE"]
    ]
    for point in r.points {
      let norm = point.exact.gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
      var row = [value(point.value, r.plan), NumberFormat.short(norm)]
      let totals = point.estimators.map(\.total)
      for t in totals {
        row.append(t.relativeNoise.map(NumberFormat.short) ?? "-")
        row.append(t.meanCosine.map(NumberFormat.short) ?? "-")
      }
      let lowest = TotalSummary.lowest(totals, samples: point.estimators.map(\.moments.count))
      row.append(lowest.map { kinds[$0].rawValue } ?? "")
      rows.append(row)
    }
    var title = ["", ""] + kinds.flatMap { [$0.rawValue, ""] } + [""]
    title[0] = "total"
    return RunTable.align([title] + rows, leftAligned: [0, rows[0].count - 1])
  }

  /// One component: a header naming each estimator over its two columns, a row per point,
  /// and each estimator's lowest error.
  static func block(_ r: SweepResult, component i: Int, name: String, label: String) -> [String] {
    let kinds = r.plan.estimators
    var rows = [
      [label, "exact", "exact^2"] + kinds.flatMap { _ in ["bias", "variance"] } + ["lowest MSE"]
    ]
    for point in r.points {
      let exact = point.exact.gradient[i]
      var row = [
        NumberFormat.short(point.value), NumberFormat.short(exact),
        NumberFormat.short(exact * exact),
      ]
      for e in point.estimators {
        let significant = e.summaries[i].verdict.isBiased
        row.append(NumberFormat.short(e.bias[i]) + (significant ? "*" : " "))
        row.append(NumberFormat.short(e.variance[i]))
      }
      row.append(
        point.lowestMeanSquaredError(component: i).map { point.estimators[$0].kind.rawValue } ?? "")
      rows.append(row)
    }
    var widths = [Int](repeating: 0, count: rows[0].count)
    for row in rows { for (c, cell) in row.enumerated() { widths[c] = max(widths[c], cell.count) } }
    // Widen each estimator's pair of columns to fit its name above them.
    let first = 3
    for (e, kind) in kinds.enumerated() {
      let pair = widths[first + 2 * e] + 2 + widths[first + 1 + 2 * e]
      if kind.rawValue.count > pair { widths[first + 2 * e] += kind.rawValue.count - pair }
    }
    var title = String(repeating: " ", count: widths[0] + 2 + widths[1] + 2 + widths[2])
    for (e, kind) in kinds.enumerated() {
      let pair = widths[first + 2 * e] + 2 + widths[first + 1 + 2 * e]
      title += "  " + String(repeating: " ", count: pair - kind.rawValue.count) + kind.rawValue
    }
    let table = rows.map { row in
      row.enumerated().map { c, cell in
        let pad = String(repeating: " ", count: widths[c] - cell.count)
        return c == row.count - 1 ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }
    var out = ["\(name):", title] + table
    for (e, kind) in kinds.enumerated() {
      let errors = r.points.map { $0.estimators[e].meanSquaredError[i] }
      guard let best = errors.indices.min(by: { errors[$0] < errors[$1] }) else { continue }
      out.append(
        "  \(kind.rawValue): lowest MSE \(NumberFormat.short(errors[best])) at \(label) "
          + NumberFormat.short(r.points[best].value))
    }
    return out
  }
}
