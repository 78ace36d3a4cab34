import Foundation

/// `samplegrad overview --format table`: the measured summary table for a handout.
public enum OverviewTable {
  public static func render(_ overview: Overview) -> String {
    var lines = [
      "\(overview.title): every method, measured on this \(overview.distribution)",
      "numbers for \(overview.componentName), \(NumberFormat.count(overview.samples, "sample")) per estimator"
        + " (more where a row's unbiased answer needed them); df/dx measured on \(overview.probeDescription)",
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
    lines += RunTable.align(rows, leftAligned: Set(0...Overview.Column.allCases.count))
    return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
      .joined(separator: "\n")
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
            fields.append(("samples", row.samples.map(JSONValue.integer) ?? .null))
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
