/// `samplegrad sweep`'s machine-readable forms: the JSON document (keys in the documented
/// order) and CSV with one row per point, estimator and gradient component.
public enum SweepReport {
  public static func json(_ r: SweepResult) -> JSONValue {
    let points: [JSONValue] = r.points.map { point in
      let estimators: [JSONValue] = point.estimators.map { e in
        .object([
          ("name", .string(e.kind.rawValue)),
          ("samples", .integer(e.moments.count)),
          ("mean", .numbers(e.mean)),
          ("variance", .numbers(e.variance)),
          ("standardError", .numbers(e.standardError)),
          ("bias", .numbers(e.bias)),
          ("mse", .numbers(e.meanSquaredError)),
          ("total", RunReport.totalJSON(e.total)),
        ])
      }
      return .object([
        ("value", .number(point.value)),
        (
          "exact",
          .object([
            ("loss", .number(point.exact.loss)), ("gradient", .numbers(point.exact.gradient)),
          ])
        ),
        ("estimators", .array(estimators)),
      ])
    }
    return .object([
      ("scenario", .string(r.plan.scenario.name)),
      ("over", .string(r.plan.setting.name)),
      ("scale", .string(r.plan.grid.scale.rawValue)),
      ("seed", .unsigned(r.seed)),
      ("samples", .integer(r.samples)),
      ("points", .array(points)),
    ])
  }

  /// The CSV header, the columns every row has.
  public static let csvHeader =
    "value,estimator,component,samples,exact,mean,variance,standardError,bias,mse"

  /// One row per (point, estimator, component), numbers in the JSON's round-trip form, ready
  /// for a plotting tool (`component` is the parameter's name: `logit 2`, `mean`).
  public static func csv(_ r: SweepResult) -> String {
    var lines = [csvHeader]
    for (p, point) in r.points.enumerated() {
      // Each point's own names: a dimension sweep changes how many there are.
      let names = r.plan.scenarios[p].distribution.parameterNames
      let value = number(point.value)
      for e in point.estimators {
        let mse = e.meanSquaredError
        for (i, name) in names.enumerated() {
          let fields = [
            value, e.kind.rawValue, name, String(e.moments.count), number(e.exact[i]),
            number(e.mean[i]), number(e.variance[i]), number(e.standardError[i]),
            number(e.bias[i]), number(mse[i]),
          ]
          lines.append(fields.joined(separator: ","))
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  private static func number(_ x: Double) -> String { JSONValue.number(x).render() }
}
