/// Builds the `Overview` from two runs: the scenario as it is, with every estimator whose
/// needs it meets, and a probe of the same distribution with an objective that has no useful
/// derivative (a reward table with the same f at each outcome, or a step for a gaussian), which
/// is what the df/dx column is measured on.
public enum OverviewMeasurement {
  /// The scenario the overview runs: the current one with every estimator that can run on it
  /// (its needs met and its own rules satisfied, as a scenario without a list has them).
  public static func fullScenario(_ scenario: Scenario) -> Scenario {
    let kinds = EstimatorRegistry.kinds(
      for: scenario.distribution.spec, objective: scenario.objective.kind, options: scenario.options
    )
    return (try? scenario.with(estimators: kinds)) ?? scenario
  }

  /// The objective the df/dx column is measured on, and how the table names it.
  public struct Probe: Sendable, Equatable {
    public let scenario: Scenario
    /// "a reward table with the same f at each outcome (no df/dx)".
    public let description: String
    /// "a reward table", "a step": how the cells name it.
    public let name: String
  }

  /// The probe: the same distribution with f kept at the outcomes but no derivative (a table),
  /// or, for a gaussian, a step one standard deviation above the mean (derivative 0 almost
  /// everywhere, gradient not).
  public static func probe(for scenario: Scenario) -> Probe? {
    let distribution = scenario.distribution
    let objective: ObjectiveSpec
    let description: String
    let name: String
    if distribution.isDiscrete {
      objective = .table(values: scenario.objective.outcomeValues)
      description = "a reward table with the same f at each outcome (no df/dx)"
      name = "a reward table"
    } else {
      let p = distribution.parameters
      let threshold = p[0] + p[1]
      objective = .step(threshold: threshold)
      description = "a step at mean + std, 1[x > \(NumberFormat.short(threshold))] (df/dx = 0)"
      name = "a step"
    }
    // Without a list the scenario compares every estimator the registry has for it.
    guard
      let probe = try? Scenario(
        name: scenario.name, distribution: distribution.spec, objective: objective,
        options: scenario.options)
    else { return nil }
    return Probe(scenario: probe, description: description, name: name)
  }

  /// One section's measurements: its scenario's run (settled where needed), the run of its
  /// probe (the methods of the section that run there), and each method's forward samples.
  public struct SectionRun: Sendable {
    public let plan: OverviewSections.Plan
    public let run: RunResult
    public let probeRun: RunResult?
    public let forward: [EstimatorKind: ForwardTally]

    public init(
      plan: OverviewSections.Plan, run: RunResult, probeRun: RunResult?,
      forward: [EstimatorKind: ForwardTally]
    ) {
      self.plan = plan
      self.run = run
      self.probeRun = probeRun
      self.forward = forward
    }
  }

  /// The table from every section's runs: the scenario on screen's rows (numbers for
  /// `component`), then each built-in's (numbers for its first parameter), then any method
  /// that runs on none.
  public static func overview(_ sections: [SectionRun], component: Int = 0) -> Overview {
    let current = sections[0]
    let scenario = current.plan.scenario
    let i = min(max(component, 0), scenario.distribution.parameterCount - 1)
    var rows: [Overview.Row] = []
    var placed = Set<EstimatorKind>()
    let headers = sections.enumerated().map { s, section -> Overview.Section in
      let distribution = section.plan.scenario.distribution
      return Overview.Section(
        label: section.plan.label, scenarioName: section.plan.scenario.name,
        distribution: distribution.kind.rawValue,
        componentName: distribution.parameterNames[s == 0 ? i : 0],
        probeDescription: section.plan.probe?.description ?? "no probe",
        isCurrent: section.plan.isCurrent)
    }
    for (s, section) in sections.enumerated() {
      for result in section.run.estimators where !placed.contains(result.kind) {
        placed.insert(result.kind)
        rows.append(
          row(
            result, in: section, index: s, component: s == 0 ? i : 0, current: scenario))
      }
    }
    for kind in EstimatorRegistry.displayOrder where !placed.contains(kind) {
      var cells: [Overview.Column: Overview.Cell] = [:]
      cells[.samples] = samplesCell(kind, current: scenario, measuredHere: false)
      for column in [
        Overview.Column.differentiable, .exactDistribution, .needsDerivative, .unbiased,
      ] {
        cells[column] = .unmeasured("runs on no scenario here")
      }
      rows.append(Overview.Row(kind: kind, cells: cells, section: nil))
    }
    return Overview(
      title: scenario.displayTitle, distribution: scenario.distribution.kind.rawValue,
      componentName: scenario.distribution.parameterNames[i],
      probeDescription: current.plan.probe?.description ?? "no probe",
      samples: current.run.samples, rows: rows, sections: headers)
  }

  /// One method's row, measured on `section`'s scenario.
  private static func row(
    _ result: EstimatorResult, in section: SectionRun, index: Int, component i: Int,
    current: Scenario
  ) -> Overview.Row {
    let kind = result.kind
    var cells: [Overview.Column: Overview.Cell] = [:]
    cells[.samples] = samplesCell(kind, current: current, measuredHere: index == 0)
    cells[.needsDerivative] = derivativeCell(
      kind, probe: section.plan.probe, probeRun: section.probeRun, component: i)
    let summary = result.summaries[i]
    // Differentiable: does a gradient signal come out at all? Not when every estimate is 0
    // and that is the estimator's bias (the verdict's `constant`; for an estimator unbiased
    // in theory it is a rare outcome not drawn yet).
    if kind == .exact {
      cells[.differentiable] = .yes("enumeration or closed form")
    } else if case .constant(let value, _) = summary.verdict, value == 0 {
      cells[.differentiable] = .no("gradient 0 ± 0", brief: "0 ± 0")
      // The classic table's "-" for Gumbel-max: argmax backpropagates through a function
      // that is flat on every objective, so no gradient comes out to need df/dx. (The
      // pathwise estimator is 0 on a step too, but because df/dx is 0 there: it needs it.)
      if kind == .argmax {
        cells[.needsDerivative] = Overview.Cell("-", "no gradient at all", tone: .none)
      }
    } else {
      cells[.differentiable] = .yes(
        "mean \(NumberFormat.short(summary.mean)) ± \(NumberFormat.short(2 * summary.standardError))"
      )
    }
    // Exact distribution: the method's own forward samples against the exact distribution.
    let forward = section.forward[kind]
    if let forward {
      cells[.exactDistribution] = OverviewFit.cell(forward)
    } else if ForwardSampler(problem: section.run.problem, kind: kind) == nil {
      cells[.exactDistribution] = Overview.Cell("-", "no samples to test", tone: .none)
    } else {
      cells[.exactDistribution] = .unmeasured("no forward samples")
    }
    cells[.unbiased] = unbiasedCell(summary, tableSamples: section.run.samples)
    return Overview.Row(
      kind: kind, cells: cells, variance: summary.variance,
      relativeNoise: summary.relativeNoise, samples: summary.samples, section: index,
      forwardSamples: forward?.passes)
  }

  /// Which samples the method works on, and whether it runs on the scenario on screen (or
  /// why not: another family, or a need the objective does not meet).
  private static func samplesCell(_ kind: EstimatorKind, current: Scenario, measuredHere: Bool)
    -> Overview.Cell
  {
    let families = DistributionSpec.examples.filter {
      EstimatorNotApplicable.check(kind, distribution: $0, objective: nil) == nil
    }
    let discrete = families.contains { $0.capabilities.contains(.discrete) }
    let continuous = families.contains { $0.capabilities.contains(.continuous) }
    let kinds = discrete && continuous ? "both" : discrete ? "discrete" : "continuous"
    if measuredHere { return Overview.Cell(kinds, "runs here", tone: .good) }
    let distribution = current.distribution
    let reason = EstimatorNotApplicable.check(
      kind, distribution: distribution.spec, objective: current.objective.kind)
    let why =
      reason.map {
        $0.isObjectiveNeed
          ? "cannot run here, \($0.shortReason)" : "not for a \(distribution.kind.rawValue)"
      } ?? "not run here (its options)"
    return Overview.Cell(kinds, why, tone: .good)
  }

  private static func derivativeCell(
    _ kind: EstimatorKind, probe: Probe?, probeRun: RunResult?, component i: Int
  ) -> Overview.Cell {
    guard let probe else { return .unmeasured("no probe run") }
    let probeName = probe.name
    if kind == .exact { return .no("enumeration or closed form", good: true) }
    let scenario = probe.scenario
    if let reason = EstimatorNotApplicable.check(
      kind, distribution: scenario.distribution.spec, objective: scenario.objective.kind)
    {
      return reason.isObjectiveNeed
        ? .yes("cannot run on \(probeName)", good: false)
        : .unmeasured("not for a \(scenario.distribution.kind.rawValue)")
    }
    guard let result = probeRun?.estimators.first(where: { $0.kind == kind }) else {
      return .unmeasured("not run on \(probeName)")
    }
    let summary = result.summaries[min(i, result.summaries.count - 1)]
    if let bias = measuredBias(summary) {
      return .yes("on \(probeName): \(bias.text)", brief: bias.brief, good: false)
    }
    let z = NumberFormat.short(summary.verdict.standardErrors ?? 0)
    return .no("unbiased on \(probeName) (\(z) SE)", good: true)
  }

  /// "unbiased": decisive answers only (`OverviewDecision`); a row that needed more samples
  /// than the table's to decide says how many.
  private static func unbiasedCell(_ summary: EstimateSummary, tableSamples: Int) -> Overview.Cell {
    let extra =
      summary.samples > tableSamples ? " at \(NumberFormat.grouped(summary.samples)) samples" : ""
    switch summary.verdict {
    case .tooFewSamples: return .unmeasured("too few samples")
    case .exact: return .yes("every estimate exact", brief: "exact")
    case .noBiasSeen where !OverviewDecision.isDecisive(summary):
      let bound = NumberFormat.short(100 * OverviewDecision.undecidedBound(summary))
      return Overview.Cell(
        "?", "\(bound)% bias not ruled out\(extra)", brief: "undecided", tone: .none)
    case .noBiasSeen(let z):
      return .yes("no bias seen, \(NumberFormat.short(z)) SE\(extra)", brief: briefSE(z))
    case .biased, .constant:
      // A constant off an exact 0 has no percentage to show briefly.
      guard let bias = measuredBias(summary) else { return .no(summary.verdict.text) }
      return .no(bias.text + extra, brief: bias.brief)
    }
  }

  /// The bias the data show, in words ("bias 14 SE", or "always 0, bias -100%" for an
  /// estimate that never varies) and briefly ("14 SE", "-100%"), or nil when none is seen.
  private static func measuredBias(_ summary: EstimateSummary) -> (text: String, brief: String)? {
    switch summary.verdict {
    case .constant(_, let percent?):
      return (summary.verdict.text, "\(NumberFormat.short(percent))%")
    case .biased(let z): return ("bias \(NumberFormat.short(z)) SE", briefSE(z))
    default: return nil
    }
  }

  /// A number of standard errors in at most six characters: `0.9 SE`, `14 SE`, `>999 SE`.
  private static func briefSE(_ z: Double) -> String {
    if !(z < 999.5) { return ">999 SE" }
    if z < 9.95 { return "\(NumberFormat.significant(z, digits: z < 1 ? 1 : 2)) SE" }
    return "\(Int(z.rounded())) SE"
  }
}

extension DistributionSpec {
  /// One member of each family, to ask what an estimator works on.
  static let examples: [DistributionSpec] = [
    .categorical(logits: [0, 0], temperature: 1), .bernoulli(logOdds: 0, temperature: 1),
    .gaussian(mean: 0, std: 1),
  ]
}
