import SampleGradCore
import SampleGradEngine

/// Overview tables written by hand, not measured: every cell is chosen here (close to what
/// `samplegrad overview` prints for the presets at seed 7), so an overview snapshot file
/// changes only when the layout does.
enum HandBuiltOverview {
  typealias Cell = Overview.Cell

  static func good(_ answer: String, _ evidence: String, _ brief: String = "") -> Cell {
    Cell(answer, evidence, brief: brief, tone: .good)
  }
  static func bad(_ answer: String, _ evidence: String, _ brief: String = "") -> Cell {
    Cell(answer, evidence, brief: brief, tone: .bad)
  }

  /// A method that ran here (section 0), or on the built-in scenario of section `section`:
  /// its five cells and its numbers.
  static func ran(
    _ kind: EstimatorKind, _ samples: String, _ differentiable: Cell, _ exact: Cell,
    _ needs: Cell, _ unbiased: Cell, variance: Double, noise: Double, section: Int = 0,
    notFor distribution: String = ""
  ) -> Overview.Row {
    Overview.Row(
      kind: kind,
      cells: [
        .samples: good(samples, section == 0 ? "runs here" : "not for a \(distribution)"),
        .differentiable: differentiable, .exactDistribution: exact, .needsDerivative: needs,
        .unbiased: unbiased,
      ], variance: variance, relativeNoise: noise, samples: 262_144, section: section,
      forwardSamples: exact.answer == "-" ? nil : 65_536)
  }

  /// The sections of a table: the scenario on screen, then the built-ins named.
  static func sections(_ current: String, componentName: String, probe: String, _ builtIns: [Int])
    -> [Overview.Section]
  {
    let all = [
      Overview.Section(
        label: "built-in categorical: logits [1, 0, -0.5, -0.5], τ 0.5, f = |x - e1|²",
        scenarioName: "built-in categorical", distribution: "categorical",
        componentName: "logit 1", probeDescription: rewardTable, isCurrent: false),
      Overview.Section(
        label: "built-in bernoulli (RELAX toy): p = 0.5, τ 0.5, f = (b - 0.45)²",
        scenarioName: "built-in bernoulli", distribution: "bernoulli",
        componentName: "log-odds", probeDescription: rewardTable, isCurrent: false),
      Overview.Section(
        label: "built-in gaussian: N(1, 1), f = x²", scenarioName: "built-in gaussian",
        distribution: "gaussian", componentName: "mean",
        probeDescription: "a step at mean + std, 1[x > 2] (df/dx = 0)", isCurrent: false),
    ]
    return [
      Overview.Section(
        label: "this scenario", scenarioName: current, distribution: "",
        componentName: componentName, probeDescription: probe, isCurrent: true)
    ] + builtIns.map { all[$0] }
  }

  static let rewardTable = "a reward table with the same f at each outcome (no df/dx)"

  static func mean(_ text: String) -> Cell { good("yes", "mean \(text)") }
  static let enumeration = good("yes", "enumeration or closed form")
  static func seen(_ z: String) -> Cell { good("yes", "no bias seen, \(z) SE", "\(z) SE") }
  static func biased(_ z: String) -> Cell { bad("no", "bias \(z) SE", "\(z) SE") }
  static func chi(_ p: String, _ points: String = "65,536") -> Cell {
    good("yes", "χ² p \(p) on \(points) points", "p \(p)")
  }
  static let relaxed = bad("no", "f at relaxed points, 0% outcomes on 65,536 points", "relaxed")
  static let notPoints = bad("no", "χ² p < 1e-6 on 65,536 points", "p < 1e-6")
  static let noSamples = Cell("-", "no samples to test", tone: .none)
  static let always0 = bad("no", "always 0, bias -100%", "-100%")
  static let exactAll = good("yes", "every estimate exact", "exact")
  static let closedForm = good("no", "enumeration or closed form")
  static let noGradient = Cell("-", "no gradient at all", tone: .none)

  /// The pathwise and measure-valued rows, on the built-in gaussian (section `section`).
  static func gaussianRows(section: Int, notFor distribution: String) -> [Overview.Row] {
    let step = "a step"
    return [
      ran(
        .reparameterization, "continuous", mean("2 ± 0.00781"), chi("0.512"),
        bad("yes", "on \(step): always 0, bias -100%", "-100%"), seen("0.5"), variance: 4.00,
        noise: 1.00, section: section, notFor: distribution),
      ran(
        .measureValued, "continuous", mean("2 ± 0.00408"), notPoints,
        good("no", "unbiased on \(step) (0.24 SE)"), seen("0.5"), variance: 1.09, noise: 0.523,
        section: section, notFor: distribution),
    ]
  }

  /// ARM and DisARM, on the built-in bernoulli (section `section`).
  static func antitheticRows(section: Int, notFor distribution: String) -> [Overview.Row] {
    func fine(_ z: String) -> Cell { good("no", "unbiased on a reward table (\(z) SE)") }
    return [
      ran(
        .arm, "discrete", mean("0.025 ± 1.79e-04"), chi("1", "131,072"), fine("1.12"),
        seen("1.1"), variance: 2.09e-04, noise: 0.578, section: section, notFor: distribution),
      ran(
        .disarm, "discrete", mean("0.025 ± 0"), chi("1", "131,072"), fine("0"), exactAll,
        variance: 0, noise: 0, section: section, notFor: distribution),
    ]
  }

  // MARK: - bias-and-variance (categorical), 262,144 samples

  static let categorical: Overview = {
    let table = "a reward table"
    let cannot = bad("yes", "cannot run on \(table)")
    func fine(_ z: String) -> Cell { good("no", "unbiased on \(table) (\(z) SE)") }
    return Overview(
      title: "Bias against variance", distribution: "categorical", componentName: "logit 1",
      probeDescription: rewardTable, samples: 262_144,
      rows: [
        ran(.exact, "both", enumeration, noSamples, closedForm, exactAll, variance: 0, noise: 0),
        ran(
          .scoreFunction, "both", mean("0.0936 ± 0.0037"), chi("0.565"), fine("0.632"),
          seen("0.63"), variance: 0.900, noise: 10.3),
        ran(
          .scoreFunctionBaseline, "both", mean("0.0925 ± 0.00102"), chi("0.502"), fine("0.153"),
          seen("0.2"), variance: 0.0687, noise: 2.84),
        ran(
          .gumbelSoftmax, "discrete", mean("0.128 ± 0.00118"), relaxed, cannot, biased("60"),
          variance: 0.0912, noise: 3.27),
        ran(
          .straightThrough, "discrete", mean("0.152 ± 0.00222"), chi("0.281"), cannot,
          biased("53"), variance: 0.324, noise: 6.16),
        ran(
          .rebar, "discrete", mean("0.0934 ± 0.0018"), chi("0.343"), cannot, seen("1.1"),
          variance: 0.212, noise: 4.98),
        ran(
          .argmax, "discrete", bad("no", "gradient 0 ± 0", "0 ± 0"), chi("0.979"), noGradient,
          always0, variance: 0, noise: 0),
        ran(
          .rloo, "both", mean("0.0926 ± 6.24e-04"), chi("0.352", "262,144"), fine("0.569"),
          seen("0.6"), variance: 0.0255, noise: 1.73),
        ran(
          .gumbelRao, "discrete", mean("0.154 ± 0.00183"), chi("0.642"), cannot, biased("67"),
          variance: 0.220, noise: 5.08),
        ran(
          .rebarAuto, "discrete", mean("0.0928 ± 0.00163"), chi("0.85"), cannot, seen("0.5"),
          variance: 0.175, noise: 4.52),
      ] + antitheticRows(section: 1, notFor: "categorical")
        + gaussianRows(section: 2, notFor: "categorical"),
      sections: sections(
        "bias-and-variance", componentName: "logit 1", probe: rewardTable, [1, 2]))
  }()

  // MARK: - the RELAX toy (bernoulli), as antithetic-bernoulli measures it, 1,048,576 samples

  static let bernoulli: Overview = {
    let table = "a reward table"
    let cannot = bad("yes", "cannot run on \(table)")
    func fine(_ z: String) -> Cell { good("no", "unbiased on \(table) (\(z) SE)") }
    return Overview(
      title: "The REBAR and RELAX toy: a tiny gradient in large noise", distribution: "bernoulli",
      componentName: "log-odds", probeDescription: rewardTable, samples: 1_048_576,
      rows: [
        ran(.exact, "both", enumeration, noSamples, closedForm, exactAll, variance: 0, noise: 0),
        ran(
          .scoreFunction, "both", mean("0.025 ± 2.47e-04"), chi("0.0702"), fine("0.109"),
          seen("0.1"), variance: 0.0159, noise: 5.05),
        ran(
          .scoreFunctionBaseline, "both", mean("0.025 ± 1.15e-06"), chi("0.431"), fine("0.865"),
          seen("0.9"), variance: 3.48e-07, noise: 0.0236),
        ran(
          .gumbelSoftmax, "discrete", mean("0.0216 ± 2.33e-04"), relaxed, cannot, biased("29"),
          variance: 0.0143, noise: 4.78),
        ran(
          .straightThrough, "discrete", mean("0.0212 ± 5.45e-04"), chi("0.64"), cannot,
          biased("14"), variance: 0.0778, noise: 11.2),
        ran(
          .rebar, "discrete", mean("0.0252 ± 2.94e-04"), chi("0.11"), cannot, seen("1.5"),
          variance: 0.0227, noise: 6.03),
        ran(
          .argmax, "discrete", bad("no", "gradient 0 ± 0", "0 ± 0"), chi("0.33"), noGradient,
          always0, variance: 0, noise: 0),
        ran(
          .rloo, "both", mean("0.025 ± 4.88e-05"), chi("0.398", "262,144"), fine("0.398"),
          seen("0.4"), variance: 6.25e-04, noise: 1.00),
        ran(
          .arm, "discrete", mean("0.025 ± 2.82e-05"), chi("1", "131,072"), fine("1.12"),
          seen("1.1"), variance: 2.09e-04, noise: 0.578),
        ran(
          .disarm, "discrete", mean("0.025 ± 0"), chi("1", "131,072"), fine("0"), exactAll,
          variance: 0, noise: 0),
        ran(
          .gumbelRao, "discrete", mean("0.021 ± 4.86e-04"), chi("0.29"), cannot, biased("16"),
          variance: 0.0620, noise: 9.96),
        ran(
          .rebarAuto, "discrete", mean("0.025 ± 2.47e-04"), chi("0.77"), cannot,
          seen("0.003"), variance: 0.0159, noise: 5.05),
      ] + gaussianRows(section: 1, notFor: "bernoulli"),
      sections: sections(
        "antithetic-bernoulli", componentName: "log-odds", probe: rewardTable, [2]))
  }()

  // MARK: - a gaussian with every continuous method, as measure-valued measures it

  static let gaussian: Overview = {
    let step = "a step"
    func fine(_ z: String) -> Cell { good("no", "unbiased on \(step) (\(z) SE)") }
    let probe = "a step at mean + std, 1[x > 1.64] (df/dx = 0)"
    let cannot = bad("yes", "cannot run on a reward table")
    return Overview(
      title: "Reparameterization against the score function", distribution: "gaussian",
      componentName: "mean", probeDescription: probe, samples: 1_048_576,
      rows: [
        ran(.exact, "both", enumeration, noSamples, closedForm, exactAll, variance: 0, noise: 0),
        ran(
          .scoreFunction, "both", mean("2.01 ± 0.0107"), chi("0.729"), fine("1.54"),
          seen("1.2"), variance: 30.1, noise: 2.74),
        ran(
          .scoreFunctionBaseline, "both", mean("2 ± 0.0083"), chi("0.21"), fine("1.15"),
          seen("0.7"), variance: 18.1, noise: 2.12),
        ran(
          .reparameterization, "continuous", mean("2 ± 0.00391"), chi("0.512"),
          bad("yes", "on \(step): always 0, bias -100%", "-100%"), seen("0.9"), variance: 4.00,
          noise: 1.00),
        ran(
          .rloo, "both", mean("2 ± 0.00451"), chi("0.88", "262,144"), fine("0.252"),
          seen("0.06"), variance: 5.32, noise: 1.15),
        ran(
          .measureValued, "continuous", mean("2 ± 0.00204"), notPoints, fine("0.978"),
          seen("1.4"), variance: 1.09, noise: 0.523),
        ran(
          .gumbelSoftmax, "discrete", mean("-0.272 ± 0.00422"), relaxed, cannot, biased("38"),
          variance: 0.29, noise: 1.09, section: 1, notFor: "gaussian"),
        ran(
          .straightThrough, "discrete", mean("-0.295 ± 0.00633"), chi("0.49"), cannot,
          biased("24"), variance: 0.66, noise: 1.64, section: 1, notFor: "gaussian"),
        ran(
          .rebar, "discrete", mean("-0.248 ± 0.00382"), chi("0.52"), cannot, seen("0.9"),
          variance: 0.24, noise: 1.98, section: 1, notFor: "gaussian"),
        ran(
          .argmax, "discrete", bad("no", "gradient 0 ± 0", "0 ± 0"), chi("0.07"), noGradient,
          bad("no", "always 0, bias 100%", "100%"), variance: 0, noise: 0, section: 1,
          notFor: "gaussian"),
      ] + antitheticRows(section: 2, notFor: "gaussian"),
      sections: sections("measure-valued", componentName: "mean", probe: probe, [0, 1]))
  }()

  /// `live` with the overview open and `overview` as its table (for every component).
  static func snapshot(_ live: Snapshot, _ overview: Overview, isOpen: Bool = true) -> Snapshot {
    var snapshot = live
    let components = live.parameterNames.count
    snapshot.overview = OverviewSnapshot(
      scenarioName: live.scenario.name, overviews: Array(repeating: overview, count: components),
      samples: overview.samples, target: overview.samples * 2, progress: 0.4,
      maximumSamples: 1 << 20, isPaused: false, isFinished: false, isOpen: isOpen)
    return snapshot
  }
}
