import Foundation

/// `samplegrad train --format table`: a handout of the race. The loss of every estimator at
/// each trace step, then each estimator's final loss, the share of the gap to the optimum it
/// closed, the step it came within 1% of the optimum, and where its parameters ended.
public enum TrainingTable {
  public static func render(_ r: TrainingResult) -> String {
    var columns = TrainingLossColumns(setup: r.setup)
    for (k, lane) in r.lanes.enumerated() {
      for p in lane.trace { columns.include(lane: k, p) }
    }
    // Each lane's loss by step (the first point at a step, as the trace lists them).
    let losses = r.lanes.map { lane in
      Dictionary(lane.trace.map { ($0.step, $0.loss) }, uniquingKeysWith: { first, _ in first })
    }
    let steps = Array(Set(losses.flatMap(\.keys))).sorted()
    let rows = steps.map { step in columns.row(step: step, losses: losses.map { $0[step] }) }
    let lines = headLines(r.setup) + [columns.header()] + rows + tailLines(r.setup, r.lanes)
    return lines.map(trimmed).joined(separator: "\n")
  }

  /// The lines before the loss table's header: the scenario, the settings, the start and
  /// the optimum, and the loss table's title.
  public static func headLines(_ setup: RaceSetup) -> [String] {
    let s = setup.scenario
    let settings = setup.settings
    var lines: [String] = []
    lines.append("\(s.displayTitle)  (\(s.name))")
    var header =
      "\(RunTable.describe(s.distribution.spec))  objective: \(RunTable.describe(s.objective.spec))"
    if let t = s.distribution.temperature { header += "  temperature: \(NumberFormat.short(t))" }
    lines.append(header)
    var run =
      "\(settings.optimizer.rawValue), learning rate \(NumberFormat.short(settings.learningRate)),"
      + " batch \(settings.batch), \(NumberFormat.count(settings.steps, "step")), seed \(setup.seed)"
    if case .exponential(let minimum, let rate) = settings.anneal {
      run +=
        ", temperature annealed to \(NumberFormat.short(minimum)) at rate \(NumberFormat.short(rate))"
    }
    lines.append(run)
    let loss = TrainingLossColumns.lossFormat(setup)
    if let optimum = setup.optimum {
      lines.append(
        "exact loss at the start \(loss(setup.startLoss)), optimum \(loss(optimum))"
          + " (within 1%: 99% of the gap closed)")
    } else {
      lines.append("exact loss at the start \(loss(setup.startLoss)); no finite optimum")
    }
    lines.append("")
    lines.append("exact loss by step")
    return lines
  }

  /// The lines after the loss table: each lane's final state, and why a lane stopped.
  /// (`lanes`' traces are not read.)
  public static func tailLines(_ setup: RaceSetup, _ lanes: [LaneResult]) -> [String] {
    let s = setup.scenario
    let loss = TrainingLossColumns.lossFormat(setup)
    // Discrete: p of the best outcome (or of b = 1) says more than the logits do.
    let family = s.distribution.spec.family
    let outcome = family.trainingSummary(s.objective)
    var summary = [
      ["estimator", "final loss", "gap closed", "within 1% at step"]
        + (outcome.map { [$0.header] } ?? []) + [family.parametersLabel]
    ]
    for lane in lanes {
      let closed = LossFormat.gapClosed(
        lane.final.loss, start: setup.startLoss, optimum: setup.optimum)
      summary.append(
        [
          lane.kind.rawValue, loss(lane.final.loss), closed,
          lane.reachedStep.map(String.init) ?? "never",
        ] + (outcome.map { [NumberFormat.short($0.value(lane.final.parameters))] } ?? [])
          + [parametersText(lane.final.parameters)])
    }
    var lines = [""] + RunTable.align(summary, leftAligned: [0, summary[0].count - 1])
    for lane in lanes {
      if let stopped = lane.stopped { lines.append("\(lane.kind.rawValue): \(stopped)") }
    }
    return lines
  }

  /// A line without the spaces an empty last column leaves at its end.
  public static func trimmed(_ line: String) -> String {
    line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
  }

  /// The parameters as a list, the first 8 of one longer than a single variable can be.
  private static func parametersText(_ parameters: [Double]) -> String {
    guard parameters.count > 64 else {
      return parameters.map(NumberFormat.short).joined(separator: ", ")
    }
    let shown = parameters.prefix(8).map(NumberFormat.short).joined(separator: ", ")
    return shown + ", … (\(parameters.count) in all)"
  }
}
