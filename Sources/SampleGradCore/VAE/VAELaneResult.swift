/// One lane of a finished (or stopped) race on the VAE: its trace and where it ended.
public struct VAELaneResult: Sendable, Equatable {
  public let kind: EstimatorKind
  public let trace: [VAETracePoint]
  public let parameters: VAEParameters
  public let evaluations: Int
  public let stopped: String?

  public init(
    kind: EstimatorKind, trace: [VAETracePoint], parameters: VAEParameters, evaluations: Int,
    stopped: String?
  ) {
    self.kind = kind
    self.trace = trace
    self.parameters = parameters
    self.evaluations = evaluations
    self.stopped = stopped
  }

  /// Runs one lane of `setup` from `start` to the last step, tracing every `setup.every`.
  /// `first` is the step-0 point when the caller has it: every lane from `start` shares it
  /// (the same parameters, no evaluations yet), and at 16 latents it takes seconds.
  public static func race(
    _ kind: EstimatorKind, setup: VAERaceSetup, start: VAEParameters,
    first: VAETracePoint? = nil
  ) -> VAELaneResult {
    var lane = VAELane(kind: kind, setup: setup, start: start)
    var trace = [first ?? VAEMetrics.point(lane, seed: setup.seed)]
    while lane.step < setup.steps, lane.stopped == nil {
      let next = min((lane.step / setup.every + 1) * setup.every, setup.steps)
      lane.advance(next - lane.step, setup: setup)
      if lane.stopped == nil { trace.append(VAEMetrics.point(lane, seed: setup.seed)) }
    }
    return VAELaneResult(
      kind: kind, trace: trace, parameters: lane.parameters, evaluations: lane.evaluations,
      stopped: lane.stopped)
  }
}

/// The JSON of `samplegrad train --preset digits-vae`.
public enum VAETrainingReport {
  public static func json(_ setup: VAERaceSetup, name: String, lanes: [VAELaneResult]) -> JSONValue
  {
    .object([
      ("scenario", .string(name)),
      ("model", .string(VAEPreset.modelKind)),
      ("latents", .integer(setup.latents)),
      ("seed", .unsigned(setup.seed)),
      ("steps", .integer(setup.steps)),
      ("batch", .integer(setup.batch)),
      ("learningRate", .number(setup.learningRate)),
      ("optimizer", .string("adam")),
      ("temperature", .number(setup.temperature)),
      ("every", .integer(setup.every)),
      ("exact", .bool(setup.isExact)),
      ("estimators", .array(lanes.map(lane))),
    ])
  }

  static func lane(_ r: VAELaneResult) -> JSONValue {
    var fields: [(String, JSONValue)] = [
      ("name", .string(r.kind.rawValue)),
      ("evaluations", .integer(r.evaluations)),
    ]
    if let stopped = r.stopped { fields.append(("stopped", .string(stopped))) }
    fields.append(("trace", .array(r.trace.map(point))))
    return .object(fields)
  }

  static func point(_ p: VAETracePoint) -> JSONValue {
    var fields: [(String, JSONValue)] = [
      ("step", .integer(p.step)), ("trainElbo", .number(p.trainElbo)),
      ("testElbo", .number(p.testElbo)),
    ]
    if let nll = p.testNll { fields.append(("testNll", .number(nll))) }
    fields.append(("evaluations", .integer(p.evaluations)))
    return .object(fields)
  }
}
