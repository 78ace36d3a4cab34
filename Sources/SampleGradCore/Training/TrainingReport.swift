import Foundation

/// `samplegrad train` as JSON and CSV, keys and columns in the documented order.
public enum TrainingReport {
  /// `{"scenario", "seed", "optimizer", "learningRate", "batch", "steps", "estimators":
  /// [{"name", "trace": [{"step", "loss", "parameters"}], "final": {...}}]}`, then the
  /// schedule, the trace interval, the start loss and the optimum; per estimator the step it
  /// came within 1% of the optimum (`reachedStep`, null if never) and, if its parameters left
  /// the valid range, why it stopped.
  public static func json(_ r: TrainingResult) -> JSONValue {
    let setup = r.setup
    func point(_ p: TracePoint) -> JSONValue {
      .object([
        ("step", .integer(p.step)), ("loss", .number(p.loss)),
        ("parameters", .numbers(p.parameters)),
      ])
    }
    let estimators: [JSONValue] = r.lanes.map { lane in
      var fields: [(String, JSONValue)] = [
        ("name", .string(lane.kind.rawValue)),
        ("trace", .array(lane.trace.map(point))),
        ("final", point(lane.final)),
        ("reachedStep", lane.reachedStep.map(JSONValue.integer) ?? .null),
      ]
      if let stopped = lane.stopped { fields.append(("stopped", .string(stopped))) }
      return .object(fields)
    }
    var document: [(String, JSONValue)] = [
      ("scenario", .string(r.scenario.name)),
      ("seed", .unsigned(setup.seed)),
      ("optimizer", .string(r.settings.optimizer.rawValue)),
      ("learningRate", .number(r.settings.learningRate)),
      ("batch", .integer(r.settings.batch)),
      ("steps", .integer(r.settings.steps)),
      ("estimators", .array(estimators)),
    ]
    if let t = r.scenario.distribution.temperature { document.append(("temperature", .number(t))) }
    if case .exponential(let minimum, let rate) = r.settings.anneal {
      document.append(
        (
          "anneal",
          .object([
            ("schedule", .string("exp")), ("tauMin", .number(minimum)), ("rate", .number(rate)),
          ])
        ))
    }
    document += [
      ("every", setup.every.map(JSONValue.integer) ?? .null),
      ("startLoss", .number(setup.startLoss)),
      ("optimum", setup.optimum.map(JSONValue.number) ?? .null),
    ]
    return .object(document)
  }

  /// One row per (estimator, trace step): `estimator,step,loss,<parameters...>`, the
  /// parameters named as the table names them (`logit_1`, `log_odds`, `mean`, `std`).
  public static func csv(_ r: TrainingResult) -> String {
    let names = r.scenario.distribution.parameterNames.map {
      $0.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }
    var lines = [(["estimator", "step", "loss"] + names).joined(separator: ",")]
    for lane in r.lanes {
      for p in lane.trace {
        let fields =
          [lane.kind.rawValue, String(p.step), number(p.loss)] + p.parameters.map(number)
        lines.append(fields.joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n")
  }

  /// Swift's shortest round-trip form, as in the JSON.
  private static func number(_ x: Double) -> String { JSONValue.number(x).render() }
}
