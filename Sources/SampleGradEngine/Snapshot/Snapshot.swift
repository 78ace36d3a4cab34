import SampleGradCore

/// Everything the screen draws, as one immutable value published by the engine.
package struct Snapshot: Sendable {
  package var scenario: Scenario
  /// The distribution as it is now (after the user's tweaks).
  package var distribution: DistributionSpec { scenario.distribution.spec }
  /// The seed the engine's streams were made from.
  package var seed: UInt64
  package var exact: ExactSolution
  /// The compiled distribution and objective the statistics were drawn from (what an export
  /// needs to report them as `samplegrad run` does, without solving the problem again).
  package var problem: GradientProblem
  /// Probabilities of the discrete outcomes (empty for a gaussian).
  package var probabilities: [Double]
  package var isPaused: Bool
  /// Samples of the distribution drawn since the statistics were last reset.
  package var samples: Int
  package var samplesPerSecond: Double
  package var histogram: Histogram
  package var chiSquare: ChiSquareTest
  /// The latest relaxed samples, newest last (K values each; empty for a gaussian).
  package var relaxedRows: [[Double]]
  /// Mean of all relaxed samples since the reset, beside `probabilities`.
  package var relaxedMean: [Double]
  /// One row per estimator that applies to the distribution, enabled or not.
  package var estimators: [EstimatorSnapshot]
  /// The variance history's x axis: estimates drawn per row at each point (the rows'
  /// `varianceHistory` have one entry per point).
  package var historySamples: [Int]
  /// Where the parameters changed, by point.
  package var historyMarks: [VarianceHistory.Mark]
  /// The distribution as the scenario was loaded (what `restoreParameters` goes back to).
  package var loaded: DistributionSpec
  /// A status or error line for the user (e.g. "temperature is already at its minimum").
  package var message: String?
  /// Increases whenever the parameters change, so the screen can tell a fresh start.
  package var generation: Int
  /// The parts of the other jobs (a sweep, a race, the overview), each once its view has
  /// been opened.
  package var parts = JobParts()
  /// What the first enabled learned control variate (RELAX, LAX) has learned so far, beside
  /// `f`; nil when none is on.
  package var surrogate: SurrogateCurve?

  package init(
    scenario: Scenario, seed: UInt64 = Scenario.defaultSeed, exact: ExactSolution,
    probabilities: [Double], isPaused: Bool = false, samples: Int, samplesPerSecond: Double = 0,
    histogram: Histogram, chiSquare: ChiSquareTest, relaxedRows: [[Double]] = [],
    relaxedMean: [Double] = [], estimators: [EstimatorSnapshot], historySamples: [Int] = [],
    historyMarks: [VarianceHistory.Mark] = [], loaded: DistributionSpec? = nil,
    message: String? = nil, generation: Int = 0, problem: GradientProblem? = nil,
    surrogate: SurrogateCurve? = nil
  ) {
    self.scenario = scenario
    self.seed = seed
    self.exact = exact
    // The engine passes its own; a snapshot built by hand compiles the scenario's.
    self.problem = problem ?? scenario.problem
    self.probabilities = probabilities
    self.isPaused = isPaused
    self.samples = samples
    self.samplesPerSecond = samplesPerSecond
    self.histogram = histogram
    self.chiSquare = chiSquare
    self.relaxedRows = relaxedRows
    self.relaxedMean = relaxedMean
    self.estimators = estimators
    self.historySamples = historySamples
    self.historyMarks = historyMarks
    self.loaded = loaded ?? scenario.distribution.spec
    self.message = message
    self.generation = generation
    self.surrogate = surrogate
  }

  package var parameterNames: [String] { distribution.parameterNames }

  /// What decides whether this snapshot needs a new frame: the live statistics' progress and
  /// every part's own key.
  package var redrawKey: RedrawKey {
    RedrawKey(
      generation, samples, isPaused, samplesPerSecond, message, estimators.map(\.samples),
      estimators.map(\.isEnabled), parts.redrawKeys)
  }
}

/// One estimator's running statistics, per gradient component.
package struct EstimatorSnapshot: Sendable {
  package var kind: EstimatorKind
  package var isEnabled: Bool
  package var samples: Int
  package var mean: [Double]
  package var variance: [Double]
  package var standardError: [Double]
  package var exact: [Double]
  /// Running variance over time, oldest first, one entry per history point (empty where the
  /// row had no numbers), aligned with `Snapshot.historySamples`.
  package var varianceHistory: [[Double]]
  /// Whether theory says this estimator is unbiased for this objective.
  package var isUnbiased: Bool
  /// Why this estimator cannot run here ("needs df/dx"), shown instead of numbers.
  package var unavailable: String?
  /// The estimator's diagnostics now (rebar's eta, rebar-auto's running value).
  package var diagnostics: [DiagnosticReading]
  /// The running moments the numbers above come from, which also hold each estimate's cosine
  /// with the exact gradient: on D variables the screen ranks rows by their error over every
  /// component at once (`total`), and an export reports that cosine as `run` does. Nil in a
  /// snapshot built from numbers alone.
  package var moments: RunningMoments?

  package init(
    kind: EstimatorKind, isEnabled: Bool, samples: Int, mean: [Double], variance: [Double],
    standardError: [Double], exact: [Double], varianceHistory: [[Double]] = [],
    isUnbiased: Bool? = nil, unavailable: String? = nil, diagnostics: [DiagnosticReading] = [],
    moments: RunningMoments? = nil
  ) {
    self.kind = kind
    self.isEnabled = isEnabled
    self.samples = samples
    self.mean = mean
    self.variance = variance
    self.standardError = standardError
    self.exact = exact
    self.varianceHistory = varianceHistory
    self.isUnbiased = isUnbiased ?? kind.isUnbiased
    self.unavailable = unavailable
    self.diagnostics = diagnostics
    self.moments = moments
  }

  /// The error over every component at once (total variance, squared bias, relative noise,
  /// mean cosine), or nil before the row has numbers. Without `moments` the mean cosine is
  /// unknown (nil).
  package var total: TotalSummary? {
    guard samples > 0, mean.count == exact.count else { return nil }
    let source = moments ?? RunningMoments(count: samples, mean: mean, variance: variance)
    return TotalSummary(moments: source, exact: exact)
  }

  /// The diagnostic called `key`, if the estimator reports one.
  public func diagnostic(_ key: String) -> Double? {
    diagnostics.first { $0.key == key }?.value
  }

  package var bias: [Double] { zip(mean, exact).map { $0 - $1 } }

  /// Component `i`'s numbers with what they mean (relative noise, MSE, bias verdict), or nil
  /// when the row has none for it.
  package func summary(_ i: Int) -> EstimateSummary? {
    guard mean.indices.contains(i), variance.indices.contains(i),
      standardError.indices.contains(i), exact.indices.contains(i), samples > 0
    else { return nil }
    return EstimateSummary(
      mean: mean[i], exact: exact[i], variance: variance[i], standardError: standardError[i],
      samples: samples, unbiasedInTheory: isUnbiased)
  }
}
