import Foundation

/// `samplegrad overview --format table`: the measured summary table for a handout.
public enum OverviewTable {
  public static func render(_ overview: Overview) -> String {
    var lines = [
      "\(overview.title): every method, measured on this \(overview.distribution)"
        + (overview.sections.count > 1 ? " (the others on a built-in scenario, below)" : ""),
      "numbers for \(overview.componentName), \(NumberFormat.count(overview.samples, "sample")) per estimator"
        + " (more where a row's unbiased or exact-distribution answer needed them); df/dx measured on \(overview.probeDescription)",
      "",
    ]
    var rows = [["estimator"] + Overview.Column.allCases.map(\.rawValue) + ["variance", "SD/|g|"]]
    for row in overview.rows {
      rows.append(
        [row.kind.rawValue] + Overview.Column.allCases.map { row.cells[$0]?.text ?? "" }
          + [
            row.variance.map(NumberFormat.short) ?? "-",
            row.relativeNoise.map(NumberFormat.short) ?? "-",
          ])
    }
    let aligned = RunTable.align(rows, leftAligned: Set(0...Overview.Column.allCases.count))
    lines.append(aligned[0])
    // Each built-in scenario's rows under a line that names it.
    var section: Int? = 0
    for (row, line) in zip(overview.rows, aligned.dropFirst()) {
      if row.section != section, let header = sectionHeader(row, in: overview) {
        lines.append(header)
      }
      section = row.section
      lines.append(line)
    }
    return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
      .joined(separator: "\n")
  }

  /// `measured on the built-in gaussian: N(1, 1), f = x²; numbers for mean; df/dx on a step
  /// ...`, or `runs on no scenario here` for the rows after the last section.
  static func sectionHeader(_ row: Overview.Row, in overview: Overview) -> String? {
    guard let section = overview.section(of: row) else {
      return row.section == nil ? "-- not measured: runs on none of these scenarios" : nil
    }
    return "-- measured on the \(section.label); numbers for \(section.componentName);"
      + " df/dx measured on \(section.probeDescription)"
  }

  /// The same as JSON: one object per row, each cell `{"answer", "evidence"}`.
  public static func json(_ overview: Overview) -> JSONValue {
    .object([
      ("title", .string(overview.title)),
      ("distribution", .string(overview.distribution)),
      ("component", .string(overview.componentName)),
      ("samples", .integer(overview.samples)),
      ("probe", .string(overview.probeDescription)),
      (
        "scenarios",
        .array(
          overview.sections.map { section in
            .object([
              ("label", .string(section.label)),
              ("name", .string(section.scenarioName)),
              ("distribution", .string(section.distribution)),
              ("component", .string(section.componentName)),
              ("probe", .string(section.probeDescription)),
              ("current", .bool(section.isCurrent)),
            ])
          })
      ),
      (
        "rows",
        .array(
          overview.rows.map { row in
            var fields: [(String, JSONValue)] = [("name", .string(row.kind.rawValue))]
            for column in Overview.Column.allCases {
              let cell = row.cells[column]
              fields.append(
                (
                  column.jsonKey,
                  .object([
                    ("answer", .string(cell?.answer ?? "n/a")),
                    ("evidence", .string(cell?.evidence ?? "")),
                  ])
                ))
            }
            fields.append(("scenario", row.section.map(JSONValue.integer) ?? .null))
            fields.append(("sampleCount", row.samples.map(JSONValue.integer) ?? .null))
            fields.append(("forwardSamples", row.forwardSamples.map(JSONValue.integer) ?? .null))
            fields.append(("variance", row.variance.map(JSONValue.number) ?? .null))
            fields.append(("relativeNoise", row.relativeNoise.map(JSONValue.number) ?? .null))
            return .object(fields)
          })
      ),
    ])
  }
}

extension Overview.Column {
  /// The column's key in JSON.
  public var jsonKey: String {
    switch self {
    case .samples: "samples"
    case .differentiable: "differentiable"
    case .exactDistribution: "exactDistribution"
    case .needsDerivative: "needsDerivative"
    case .unbiased: "unbiased"
    }
  }
}
