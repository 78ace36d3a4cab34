/// Builds the `Overview` from two runs: the scenario as it is, with every estimator whose
/// needs it meets, and a probe of the same distribution with an objective that has no useful
/// derivative (a reward table with the same f at each outcome, or a step for a gaussian), which
/// is what the df/dx column is measured on.
public enum OverviewMeasurement {
  /// The scenario the overview runs: the current one with every estimator that can run on it.
  public static func fullScenario(_ scenario: Scenario) -> Scenario {
    let kinds = EstimatorRegistry.kinds(
      for: scenario.distribution.spec, objective: scenario.objective.kind)
    return (try? scenario.with(estimators: kinds)) ?? scenario
  }

  /// The probe: the same distribution with f kept at the outcomes but no derivative (a table),
  /// or, for a gaussian, a step one standard deviation above the mean (derivative 0 almost
  /// everywhere, gradient not).
  public static func probeScenario(_ scenario: Scenario) -> (Scenario, String)? {
    let distribution = scenario.distribution
    let objective: ObjectiveSpec
    let description: String
    if distribution.isDiscrete {
      objective = .table(values: scenario.objective.outcomeValues)
      description = "a reward table with the same f at each outcome (no df/dx)"
    } else {
      let p = distribution.parameters
      let threshold = p[0] + p[1]
      objective = .step(threshold: threshold)
      description = "a step at mean + std, 1[x > \(NumberFormat.short(threshold))] (df/dx = 0)"
    }
    let kinds = EstimatorRegistry.kinds(for: distribution.spec, objective: objective.kind)
    guard
      let probe = try? Scenario(
        name: scenario.name, estimators: kinds, distribution: distribution.spec,
        objective: objective, options: scenario.options)
    else { return nil }
    return (probe, description)
  }

  /// The table, from the full run and the probe run, for component `component`.
  public static func overview(
    scenario: Scenario, run: RunResult, probe: RunResult?, probeDescription: String,
    component: Int = 0
  ) -> Overview {
    let i = min(max(component, 0), scenario.distribution.parameterCount - 1)
    let distribution = scenario.distribution
    let sampleTest =
      run.histogram.chiSquare.pValue.map { "χ² p \(NumberFormat.short($0))" } ?? "χ² not computed"
    let relaxedGap = zip(run.relaxedMean, run.problem.probabilities).map { abs($0 - $1) }.max()
    let rows = EstimatorRegistry.all.map(\.kind).map { kind -> Overview.Row in
      let descriptor = kind.descriptor
      var cells: [Overview.Column: Overview.Cell] = [:]
      cells[.samples] = samplesCell(kind, distribution: distribution)
      cells[.needsDerivative] = derivativeCell(kind, probe: probe, component: i)
      let here = EstimatorNotApplicable.check(
        kind, distribution: distribution.spec, objective: scenario.objective.kind)
      guard here == nil, let result = run.estimators.first(where: { $0.kind == kind }) else {
        let reason =
          here.map {
            $0.isObjectiveNeed
              ? "cannot run here, \($0.shortReason)" : "not for a \(distribution.kind.rawValue)"
          }
          ?? "not run"
        for column in [Overview.Column.differentiable, .exactDistribution, .unbiased] {
          cells[column] = .unmeasured(reason)
        }
        return Overview.Row(kind: kind, cells: cells, variance: nil, relativeNoise: nil)
      }
      let summary = result.summaries[i]
      let constant = summary.variance == 0 && summary.samples >= BiasVerdict.minimumSamples
      // Differentiable: does a gradient signal come out at all?
      if kind == .exact {
        cells[.differentiable] = .yes("enumeration or closed form")
      } else if constant, summary.mean == 0, summary.exact != 0 {
        cells[.differentiable] = .no("gradient 0 ± 0")
      } else {
        cells[.differentiable] = .yes(
          "mean \(NumberFormat.short(summary.mean)) ± \(NumberFormat.short(2 * summary.standardError))"
        )
      }
      // Exact distribution: is f evaluated at exact samples, or at relaxed points?
      if descriptor.needs.objective.contains(.relaxedPoints) && !descriptor.isUnbiased {
        let gap = relaxedGap.map { ", max |E[y] - p| \(NumberFormat.short($0))" } ?? ""
        cells[.exactDistribution] = .no("f at relaxed y\(gap)")
      } else if descriptor.needs.objective.contains(.relaxedPoints) {
        cells[.exactDistribution] = .yes("f(b) at exact b; \(sampleTest)")
      } else {
        cells[.exactDistribution] = .yes(sampleTest)
      }
      cells[.unbiased] = unbiasedCell(summary)
      return Overview.Row(
        kind: kind, cells: cells, variance: summary.variance,
        relativeNoise: summary.relativeNoise)
    }
    return Overview(
      title: scenario.displayTitle, distribution: distribution.kind.rawValue,
      componentName: distribution.parameterNames[i], probeDescription: probeDescription,
      samples: run.samples, rows: rows)
  }

  private static func samplesCell(_ kind: EstimatorKind, distribution: Distribution)
    -> Overview.Cell
  {
    let families = DistributionSpec.examples.filter {
      EstimatorNotApplicable.check(kind, distribution: $0, objective: nil) == nil
    }
    let discrete = families.contains { $0.capabilities.contains(.discrete) }
    let continuous = families.contains { $0.capabilities.contains(.continuous) }
    let kinds = discrete && continuous ? "both" : discrete ? "discrete" : "continuous"
    let runsHere =
      EstimatorNotApplicable.check(kind, distribution: distribution.spec, objective: nil) == nil
    return Overview.Cell(
      kinds, runsHere ? "runs here" : "not for a \(distribution.kind.rawValue)",
      tone: runsHere ? .good : .none)
  }

  private static func derivativeCell(_ kind: EstimatorKind, probe: RunResult?, component i: Int)
    -> Overview.Cell
  {
    guard let probe else { return .unmeasured("no probe run") }
    if kind == .exact { return .no("enumerates f at the outcomes", good: true) }
    if let reason = EstimatorNotApplicable.check(
      kind, distribution: probe.scenario.distribution.spec,
      objective: probe.scenario.objective.kind)
    {
      return reason.isObjectiveNeed
        ? .yes("cannot run on the probe", good: false)
        : .unmeasured("not for a \(probe.scenario.distribution.kind.rawValue)")
    }
    guard let result = probe.estimators.first(where: { $0.kind == kind }) else {
      return .unmeasured("not run on the probe")
    }
    let summary = result.summaries[min(i, result.summaries.count - 1)]
    if let bias = measuredBias(summary) {
      return .yes("on the probe: \(bias)", good: false)
    }
    return .no(
      "unbiased on the probe (\(NumberFormat.short(summary.verdict.standardErrors ?? 0)) SE)",
      good: true)
  }

  private static func unbiasedCell(_ summary: EstimateSummary) -> Overview.Cell {
    if let bias = measuredBias(summary) { return .no(bias) }
    if case .tooFewSamples = summary.verdict { return .unmeasured("too few samples") }
    return .yes(seenText(summary))
  }

  /// The bias the data show, in words ("bias 14 SE", or "always 0, bias -100%" for an
  /// estimate that never varies), or nil when none is seen.
  private static func measuredBias(_ summary: EstimateSummary) -> String? {
    if summary.variance == 0, summary.samples >= BiasVerdict.minimumSamples,
      summary.bias != 0, summary.exact != 0
    {
      let percent = NumberFormat.short(100 * summary.bias / abs(summary.exact))
      return "always \(NumberFormat.short(summary.mean)), bias \(percent)%"
    }
    guard case .biased(let z) = summary.verdict else { return nil }
    return "bias \(NumberFormat.short(z)) SE"
  }

  private static func seenText(_ summary: EstimateSummary) -> String {
    switch summary.verdict {
    case .exact: "every estimate exact"
    case .noBiasSeen(let z): "no bias seen, \(NumberFormat.short(z)) SE"
    case .biased(let z): "bias \(NumberFormat.short(z)) SE"
    case .tooFewSamples: "too few samples"
    }
  }
}

extension DistributionSpec {
  /// One member of each family, to ask what an estimator works on.
  static let examples: [DistributionSpec] = [
    .categorical(logits: [0, 0], temperature: 1), .bernoulli(logOdds: 0, temperature: 1),
    .gaussian(mean: 0, std: 1),
  ]
}
