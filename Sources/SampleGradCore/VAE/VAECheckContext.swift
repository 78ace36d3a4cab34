/// What a model preset's checks (in the tour's check language) read: a race's last trace
/// point per lane and a `run` of each estimator's encoder gradient at the start.
///
/// References: `LANE.trainElbo`, `LANE.testElbo`, `LANE.testNll` (the lane's last trace
/// point: exact negative ELBOs and NLL), `LANE.evaluations` (its evaluations of f in the
/// race); `LANE.relativeNoise`, `LANE.meanCosine`, `LANE.squaredBias`, `LANE.variance`,
/// `LANE.mse` (the totals of `run` over the 65 D encoder components), `LANE.bias[i]` and
/// `LANE.mean[i]` (one component, with its standard error for `N se`); `exact.loss` (the
/// batch's exact negative ELBO at the start). LANE is an estimator's name, or `exact`.
public struct VAECheckContext: Sendable {
  public let lanes: [VAELaneResult]
  public let run: [VAEEstimatorRun]
  public let exact: ExactSolution
  public let parameters: VAEParameters

  public init(
    lanes: [VAELaneResult], run: [VAEEstimatorRun], exact: ExactSolution,
    parameters: VAEParameters
  ) {
    self.lanes = lanes
    self.run = run
    self.exact = exact
    self.parameters = parameters
  }

  static let raceFields = ["trainElbo", "testElbo", "testNll", "evaluations"]
  static let runFields = ["relativeNoise", "meanCosine", "squaredBias", "variance", "mse"]
  static let componentFields = ["bias", "mean"]

  /// Why `check` cannot be read here, or nil.
  public func problem(_ check: CheckExpression) -> String? {
    Self.problem(
      check, lanes: lanes.map(\.kind), run: run.map(\.kind),
      encoderCount: parameters.encoderCount)
  }

  /// Why `check` cannot be read in a race of `preset`'s lanes and a `run` of its estimators
  /// (a tour step on a model preset, before anything runs), or nil.
  public static func problem(_ check: CheckExpression, preset: VAEPreset) -> String? {
    let kinds = preset.race.estimators
    return problem(
      check, lanes: kinds, run: kinds,
      encoderCount: VAEParameters.pixels * preset.race.latents + preset.race.latents)
  }

  /// Whether any check reads a race (a lane's last trace point or its evaluations).
  public static func readsRace(_ checks: [CheckExpression]) -> Bool {
    checks.contains { $0.references.contains { raceFields.contains($0.field) } }
  }

  static func problem(
    _ check: CheckExpression, lanes: [EstimatorKind], run: [EstimatorKind], encoderCount: Int
  ) -> String? {
    for r in check.references {
      if r.name == "exact" && r.field == "loss" { continue }
      guard let kind = EstimatorKind(rawValue: r.name) else {
        return "check '\(check.text)': unknown estimator '\(r.name)'"
      }
      if Self.raceFields.contains(r.field) {
        guard lanes.contains(kind) else {
          return "check '\(check.text)': '\(r.name)' is not a lane of the race"
        }
      } else if Self.runFields.contains(r.field) || Self.componentFields.contains(r.field) {
        guard run.contains(kind) else {
          return "check '\(check.text)': '\(r.name)' was not run"
        }
        if Self.componentFields.contains(r.field), !(0..<encoderCount).contains(r.index ?? -1) {
          return "check '\(check.text)': '\(r)' needs a component 0 to \(encoderCount - 1)"
        }
      } else {
        let known = Self.raceFields + Self.runFields + Self.componentFields
        return
          "check '\(check.text)': unknown field '\(r.field)' (known: \(known.joined(separator: ", ")))"
      }
    }
    return nil
  }

  public func evaluate(_ check: CheckExpression) -> CheckOutcome {
    check.evaluate(read: value, standardError: standardError)
  }

  private var reference: [Double] {
    VAEGradientStatistics.encoderBlock(exact.gradient, parameters)
  }

  func value(_ r: CheckReference) -> Double {
    if r.name == "exact" && r.field == "loss" { return exact.loss }
    if let lane = lanes.first(where: { $0.kind.rawValue == r.name }),
      Self.raceFields.contains(r.field)
    {
      guard let last = lane.trace.last else { return .nan }
      switch r.field {
      case "trainElbo": return last.trainElbo
      case "testElbo": return last.testElbo
      case "testNll": return last.testNll ?? .nan
      default: return Double(lane.evaluations)
      }
    }
    guard let e = run.first(where: { $0.kind.rawValue == r.name }) else { return .nan }
    let total = TotalSummary(moments: e.moments, exact: reference)
    switch r.field {
    case "relativeNoise": return total.relativeNoise ?? .nan
    case "meanCosine": return total.meanCosine ?? .nan
    case "squaredBias": return total.squaredBias
    case "variance": return total.variance
    case "mse": return total.meanSquaredError
    case "bias": return e.moments.mean[r.index ?? 0] - reference[r.index ?? 0]
    case "mean": return e.moments.mean[r.index ?? 0]
    default: return .nan
    }
  }

  func standardError(_ r: CheckReference) -> Double {
    guard let e = run.first(where: { $0.kind.rawValue == r.name }) else { return .nan }
    return e.moments.standardError[r.index ?? 0]
  }
}
