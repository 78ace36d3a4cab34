import Foundation

/// `samplegrad train` as JSON and CSV, keys and columns in the documented order. The whole
/// document of a finished race (`json`, `csv`) and the pieces a race writes as it runs
/// (`TrainingJSONStream`, `csvHeader`, `csvRow`) come from the same members and rows here,
/// so the two are the same bytes.
public enum TrainingReport {
  /// `{"scenario", "seed", "optimizer", "learningRate", "batch", "steps", "estimators":
  /// [{"name", "trace": [{"step", "loss", "parameters"}], "final": {...}}]}`, then the
  /// schedule, the trace interval, the start loss and the optimum; per estimator the step it
  /// came within 1% of the optimum (`reachedStep`, null if never) and, if its parameters left
  /// the valid range, why it stopped.
  public static func json(_ r: TrainingResult) -> JSONValue {
    let estimators: [JSONValue] = r.lanes.map { lane in
      .object(
        [("name", .string(lane.kind.rawValue)), ("trace", .array(lane.trace.map(point)))]
          + laneMembersAfterTrace(lane))
    }
    return .object(
      headMembers(r.setup) + [("estimators", .array(estimators))] + tailMembers(r.setup))
  }

  /// The document's members before `estimators`.
  static func headMembers(_ setup: RaceSetup) -> [(String, JSONValue)] {
    let settings = setup.settings
    return [
      ("scenario", .string(setup.scenario.name)),
      ("seed", .unsigned(setup.seed)),
      ("optimizer", .string(settings.optimizer.rawValue)),
      ("learningRate", .number(settings.learningRate)),
      ("batch", .integer(settings.batch)),
      ("steps", .integer(settings.steps)),
    ]
  }

  /// The document's members after `estimators`.
  static func tailMembers(_ setup: RaceSetup) -> [(String, JSONValue)] {
    var members: [(String, JSONValue)] = []
    if let t = setup.scenario.distribution.temperature {
      members.append(("temperature", .number(t)))
    }
    if case .exponential(let minimum, let rate) = setup.settings.anneal {
      members.append(
        (
          "anneal",
          .object([
            ("schedule", .string("exp")), ("tauMin", .number(minimum)), ("rate", .number(rate)),
          ])
        ))
    }
    return members + [
      ("every", setup.every.map(JSONValue.integer) ?? .null),
      ("startLoss", .number(setup.startLoss)),
      ("optimum", setup.optimum.map(JSONValue.number) ?? .null),
    ]
  }

  /// A lane's members after its trace.
  static func laneMembersAfterTrace(_ lane: LaneResult) -> [(String, JSONValue)] {
    var members: [(String, JSONValue)] = [
      ("final", point(lane.final)),
      ("reachedStep", lane.reachedStep.map(JSONValue.integer) ?? .null),
    ]
    if let stopped = lane.stopped { members.append(("stopped", .string(stopped))) }
    return members
  }

  static func point(_ p: TracePoint) -> JSONValue {
    .object([
      ("step", .integer(p.step)), ("loss", .number(p.loss)),
      ("parameters", .numbers(p.parameters)),
    ])
  }

  /// One row per (estimator, trace step): `estimator,step,loss,<parameters...>`, the
  /// parameters named as the table names them (`logit_1`, `log_odds`, `mean`, `std`).
  public static func csv(_ r: TrainingResult) -> String {
    var lines = [csvHeader(r.scenario)]
    for lane in r.lanes {
      for p in lane.trace { lines.append(csvRow(lane.kind, p)) }
    }
    return lines.joined(separator: "\n")
  }

  /// The CSV's first line.
  public static func csvHeader(_ scenario: Scenario) -> String {
    let names = scenario.distribution.parameterNames.map {
      $0.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }
    return (["estimator", "step", "loss"] + names).joined(separator: ",")
  }

  /// The CSV row of `kind`'s trace point `p`.
  public static func csvRow(_ kind: EstimatorKind, _ p: TracePoint) -> String {
    ([kind.rawValue, String(p.step), number(p.loss)] + p.parameters.map(number))
      .joined(separator: ",")
  }

  /// Swift's shortest round-trip form, as in the JSON.
  private static func number(_ x: Double) -> String { JSONValue.number(x).render() }
}

/// `TrainingReport.json` written as the race runs: the head, then each lane's object as its
/// trace comes (`TrainingLaneJSON`), then the tail. The same bytes as `json(...).render()`
/// followed by a newline, without holding the trace.
public struct TrainingJSONStream: Sendable {
  let setup: RaceSetup
  private var document = JSONObjectText(indent: "")
  private var lanes = JSONArrayText(indent: "  ")

  public init(setup: RaceSetup) { self.setup = setup }

  /// Everything before the first lane.
  public mutating func head() -> String {
    TrainingReport.headMembers(setup).map { document.member($0.0, $0.1) }.joined()
      + document.key("estimators")
  }

  /// The text before the next lane's object.
  public mutating func nextLane() -> String { lanes.next() }

  /// Everything after the last lane, with the newline that ends the output.
  public mutating func tail() -> String {
    lanes.close() + TrainingReport.tailMembers(setup).map { document.member($0.0, $0.1) }.joined()
      + document.close() + "\n"
  }
}

/// One lane's object of `TrainingJSONStream`: `open`, its trace points as they come, `close`.
public struct TrainingLaneJSON: Sendable {
  private var object = JSONObjectText(indent: "    ")
  private var trace = JSONArrayText(indent: "      ")

  public init() {}

  public mutating func open(_ kind: EstimatorKind) -> String {
    object.member("name", .string(kind.rawValue)) + object.key("trace")
  }

  public mutating func points(_ points: [TracePoint]) -> String {
    points.map { trace.item(TrainingReport.point($0)) }.joined()
  }

  /// The end of the trace and the lane's final members (`lane`'s own trace is not read).
  public mutating func close(_ lane: LaneResult) -> String {
    trace.close()
      + TrainingReport.laneMembersAfterTrace(lane).map { object.member($0.0, $0.1) }.joined()
      + object.close()
  }
}
