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

  /// A method that ran here: its five cells and its numbers.
  static func ran(
    _ kind: EstimatorKind, _ samples: String, _ differentiable: Cell, _ exact: Cell,
    _ needs: Cell, _ unbiased: Cell, variance: Double, noise: Double
  ) -> Overview.Row {
    Overview.Row(
      kind: kind,
      cells: [
        .samples: good(samples, "runs here"), .differentiable: differentiable,
        .exactDistribution: exact, .needsDerivative: needs, .unbiased: unbiased,
      ], variance: variance, relativeNoise: noise)
  }

  /// A method for another kind of distribution.
  static func other(_ kind: EstimatorKind, _ samples: String, _ distribution: String)
    -> Overview.Row
  {
    let reason = "not for a \(distribution)"
    return Overview.Row(
      kind: kind,
      cells: [
        .samples: Cell(samples, reason, tone: .none),
        .differentiable: Cell("n/a", reason, tone: .none),
        .exactDistribution: Cell("n/a", reason, tone: .none),
        .needsDerivative: Cell("n/a", reason, tone: .none),
        .unbiased: Cell("n/a", reason, tone: .none),
      ])
  }

  static func mean(_ text: String) -> Cell { good("yes", "mean \(text)") }
  static let enumeration = good("yes", "enumeration or closed form")
  static func seen(_ z: String) -> Cell { good("yes", "no bias seen, \(z) SE", "\(z) SE") }
  static func biased(_ z: String) -> Cell { bad("no", "bias \(z) SE", "\(z) SE") }
  static func chi(_ p: String) -> Cell { good("yes", "χ² p \(p)", "p \(p)") }
  static func rebarExact(_ p: String) -> Cell {
    good("yes", "f(b) at exact b; χ² p \(p)", "p \(p)")
  }
  static let always0 = bad("no", "always 0, bias -100%", "-100%")
  static let exactAll = good("yes", "every estimate exact", "exact")
  static let closedForm = good("no", "enumeration or closed form")

  // MARK: - bias-and-variance (categorical), 262,144 samples

  static let categorical: Overview = {
    let table = "a reward table"
    let cannot = bad("yes", "cannot run on \(table)")
    func fine(_ z: String) -> Cell { good("no", "unbiased on \(table) (\(z) SE)") }
    let p = "0.104"
    return Overview(
      title: "Bias against variance", distribution: "categorical", componentName: "logit 1",
      probeDescription: "a reward table with the same f at each outcome (no df/dx)",
      samples: 262_144,
      rows: [
        ran(.exact, "both", enumeration, chi(p), closedForm, exactAll, variance: 0, noise: 0),
        ran(
          .scoreFunction, "both", mean("0.0936 ± 0.0037"), chi(p), fine("0.632"), seen("0.63"),
          variance: 0.900, noise: 10.3),
        ran(
          .scoreFunctionBaseline, "both", mean("0.0925 ± 0.00102"), chi(p), fine("0.153"),
          seen("0.2"), variance: 0.0687, noise: 2.84),
        other(.reparameterization, "continuous", "categorical"),
        ran(
          .gumbelSoftmax, "discrete", mean("0.128 ± 0.00118"),
          bad("no", "f at relaxed y, max |E[y] - p| 0.0239", "relaxed"), cannot, biased("60"),
          variance: 0.0912, noise: 3.27),
        ran(
          .straightThrough, "discrete", mean("0.152 ± 0.00222"), chi(p), cannot, biased("53"),
          variance: 0.324, noise: 6.16),
        ran(
          .rebar, "discrete", mean("0.0934 ± 0.0018"), rebarExact(p), cannot, seen("1.1"),
          variance: 0.212, noise: 4.98),
        ran(
          .argmax, "discrete", bad("no", "gradient 0 ± 0", "0 ± 0"), chi(p), cannot, always0,
          variance: 0, noise: 0),
        ran(
          .rloo, "both", mean("0.0926 ± 6.24e-04"), chi(p), fine("0.569"), seen("0.6"),
          variance: 0.0255, noise: 1.73),
        other(.arm, "discrete", "categorical"),
        other(.disarm, "discrete", "categorical"),
        ran(
          .gumbelRao, "discrete", mean("0.154 ± 0.00183"), chi(p), cannot, biased("67"),
          variance: 0.220, noise: 5.08),
        ran(
          .rebarAuto, "discrete", mean("0.0928 ± 0.00163"), rebarExact(p), cannot, seen("0.5"),
          variance: 0.175, noise: 4.52),
        other(.measureValued, "continuous", "categorical"),
      ])
  }()

  // MARK: - the RELAX toy (bernoulli), as antithetic-bernoulli measures it, 1,048,576 samples

  static let bernoulli: Overview = {
    let table = "a reward table"
    let cannot = bad("yes", "cannot run on \(table)")
    func fine(_ z: String) -> Cell { good("no", "unbiased on \(table) (\(z) SE)") }
    let p = "0.0702"
    return Overview(
      title: "The REBAR and RELAX toy: a tiny gradient in large noise", distribution: "bernoulli",
      componentName: "log-odds",
      probeDescription: "a reward table with the same f at each outcome (no df/dx)",
      samples: 1_048_576,
      rows: [
        ran(.exact, "both", enumeration, chi(p), closedForm, exactAll, variance: 0, noise: 0),
        ran(
          .scoreFunction, "both", mean("0.025 ± 2.47e-04"), chi(p), fine("0.109"), seen("0.1"),
          variance: 0.0159, noise: 5.05),
        ran(
          .scoreFunctionBaseline, "both", mean("0.025 ± 1.15e-06"), chi(p), fine("0.865"),
          seen("0.9"), variance: 3.48e-07, noise: 0.0236),
        other(.reparameterization, "continuous", "bernoulli"),
        ran(
          .gumbelSoftmax, "discrete", mean("0.0216 ± 2.33e-04"),
          bad("no", "f at relaxed y, max |E[y] - p| 0.00103", "relaxed"), cannot, biased("29"),
          variance: 0.0143, noise: 4.78),
        ran(
          .straightThrough, "discrete", mean("0.0212 ± 5.45e-04"), chi(p), cannot, biased("14"),
          variance: 0.0778, noise: 11.2),
        ran(
          .rebar, "discrete", mean("0.0252 ± 2.94e-04"), rebarExact(p), cannot, seen("1.5"),
          variance: 0.0227, noise: 6.03),
        ran(
          .argmax, "discrete", bad("no", "gradient 0 ± 0", "0 ± 0"), chi(p), cannot, always0,
          variance: 0, noise: 0),
        ran(
          .rloo, "both", mean("0.025 ± 4.88e-05"), chi(p), fine("0.398"), seen("0.4"),
          variance: 6.25e-04, noise: 1.00),
        ran(
          .arm, "discrete", mean("0.025 ± 2.82e-05"), chi(p), fine("1.12"), seen("1.1"),
          variance: 2.09e-04, noise: 0.578),
        ran(
          .disarm, "discrete", mean("0.025 ± 0"), chi(p), fine("0"), exactAll, variance: 0,
          noise: 0),
        ran(
          .gumbelRao, "discrete", mean("0.021 ± 4.86e-04"), chi(p), cannot, biased("16"),
          variance: 0.0620, noise: 9.96),
        ran(
          .rebarAuto, "discrete", mean("0.025 ± 2.47e-04"), rebarExact(p), cannot,
          seen("0.003"), variance: 0.0159, noise: 5.05),
        other(.measureValued, "continuous", "bernoulli"),
      ])
  }()

  // MARK: - a gaussian with every continuous method, as measure-valued measures it

  static let gaussian: Overview = {
    let step = "a step"
    func fine(_ z: String) -> Cell { good("no", "unbiased on \(step) (\(z) SE)") }
    let p = "0.729"
    return Overview(
      title: "Reparameterization against the score function", distribution: "gaussian",
      componentName: "mean", probeDescription: "a step at mean + std, 1[x > 1.64] (df/dx = 0)",
      samples: 1_048_576,
      rows: [
        ran(.exact, "both", enumeration, chi(p), closedForm, exactAll, variance: 0, noise: 0),
        ran(
          .scoreFunction, "both", mean("2.01 ± 0.0107"), chi(p), fine("1.54"), seen("1.2"),
          variance: 30.1, noise: 2.74),
        ran(
          .scoreFunctionBaseline, "both", mean("2 ± 0.0083"), chi(p), fine("1.15"), seen("0.7"),
          variance: 18.1, noise: 2.12),
        ran(
          .reparameterization, "continuous", mean("2 ± 0.00391"), chi(p),
          bad("yes", "on \(step): always 0, bias -100%", "-100%"), seen("0.9"), variance: 4.00,
          noise: 1.00),
        other(.gumbelSoftmax, "discrete", "gaussian"),
        other(.straightThrough, "discrete", "gaussian"),
        other(.rebar, "discrete", "gaussian"),
        other(.argmax, "discrete", "gaussian"),
        ran(
          .rloo, "both", mean("2 ± 0.00451"), chi(p), fine("0.252"), seen("0.06"),
          variance: 5.32, noise: 1.15),
        other(.arm, "discrete", "gaussian"),
        other(.disarm, "discrete", "gaussian"),
        other(.gumbelRao, "discrete", "gaussian"),
        other(.rebarAuto, "discrete", "gaussian"),
        ran(
          .measureValued, "continuous", mean("2 ± 0.00204"), chi(p), fine("0.978"), seen("1.4"),
          variance: 1.09, noise: 0.523),
      ])
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
