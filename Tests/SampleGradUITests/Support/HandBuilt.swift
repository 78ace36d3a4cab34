import SampleGradCore
import SampleGradEngine

/// Snapshots written by hand, not sampled: every number on a layout snapshot is chosen here,
/// so a layout file changes only when the layout does. The numbers are close to what the
/// presets really show (seed 7), so the screens also read as the lessons do.
enum HandBuilt {
  /// One estimator row: its per-component mean (as exact + bias) and variance.
  struct Row {
    var kind: EstimatorKind
    var enabled = true
    var bias: [Double]
    var variance: [Double]
    /// Variance history per point (one value per component per point), empty = none.
    var history: [[Double]] = []
  }

  static func estimator(_ row: Row, exact: [Double], samples: Int) -> EstimatorSnapshot {
    let n = row.enabled ? samples : 0
    let mean = row.enabled ? zip(exact, row.bias).map { $0 + $1 } : exact.map { _ in 0 }
    let variance = row.enabled ? row.variance : exact.map { _ in 0 }
    let se = variance.map { n > 1 ? ($0 / Double(n)).squareRoot() : 0 }
    return EstimatorSnapshot(
      kind: row.kind, isEnabled: row.enabled, samples: n, mean: mean, variance: variance,
      standardError: se, exact: exact, varianceHistory: row.history)
  }

  /// Counts close to `probabilities` times `total`, adding up to `total`.
  static func histogram(_ probabilities: [Double], total: Int, wobble: [Int] = []) -> Histogram {
    var histogram = Histogram(probabilities: probabilities)
    var counts = probabilities.map { Int(($0 * Double(total)).rounded()) }
    for (i, w) in wobble.enumerated() where counts.indices.contains(i) { counts[i] += w }
    counts[0] += total - counts.reduce(0, +)
    for (i, c) in counts.enumerated() { histogram.record(category: i, count: c) }
    return histogram
  }

  /// A history of `points` points where the value steps at each mark: `levels[k]` holds
  /// from mark k on; the point right after a mark is empty (a row restarts there).
  static func steps(
    _ levels: [[Double]], marks: [Int], points: Int, wiggle: Double = 0.001
  ) -> [[Double]] {
    (0..<points).map { p in
      if marks.contains(p) { return [] }
      let level = levels[marks.filter { $0 <= p }.count]
      let factor = 1 + wiggle * Double((p * 7) % 5 - 2) / 2
      return level.map { $0 * factor }
    }
  }

  // MARK: - bias-and-variance after m [ [ [

  static let categoricalScenario = try! Scenario(
    name: "bias-and-variance", title: "Bias against variance",
    lesson:
      "Four estimators of the gradient of a quadratic loss; the rows show the selected logit. "
      + "At temperature 0.5 gumbel-softmax and straight-through are biased by many times their "
      + "error bars. Press m to pin these numbers, then press [ seven times (about 0.1): their "
      + "bias on logit 1 shrinks by 70% and their variance grows sixfold, beside the pinned "
      + "values. Score-function and REBAR stay unbiased at every temperature.",
    estimators: [.exact, .scoreFunction, .gumbelSoftmax, .straightThrough, .rebar],
    distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: 0.5),
    objective: .quadratic(target: [0, 0, 1, 0]))

  static let categoricalExact = [0.0924, 0.0560, -0.1825, 0.0340]
  static let categoricalMarks = [60, 80, 100]

  /// The rows at temperature 0.5 (before) and 0.256 (after three presses of `[`).
  static func categoricalRows(after: Bool, history: Bool) -> [Row] {
    let marks = categoricalMarks
    let points = 120
    func h(_ levels: [[Double]]) -> [[Double]] {
      history ? steps(levels, marks: marks, points: points) : []
    }
    let sf = [0.899, 0.765, 0.00376, 0.545]
    let gsBefore = [0.0919, 0.0650, 0.0837, 0.0416]
    let gsAfter = [0.219, 0.153, 0.222, 0.0987]
    let stBefore = [0.325, 0.245, 0.150, 0.162]
    let stAfter = [0.711, 0.539, 0.379, 0.361]
    let rebarBefore = [0.212, 0.168, 0.102, 0.118]
    let rebarAfter = [0.283, 0.209, 0.239, 0.143]
    return [
      Row(
        kind: .exact, bias: [0, 0, 0, 0], variance: [0, 0, 0, 0],
        history: h([[0, 0, 0, 0]] + Array(repeating: [0, 0, 0, 0], count: 3))),
      Row(
        kind: .scoreFunction, bias: [1.3e-4, -2.1e-4, 4e-6, 3.0e-4], variance: sf,
        history: h(Array(repeating: sf, count: 4))),
      Row(
        kind: .scoreFunctionBaseline, enabled: false, bias: [0, 0, 0, 0], variance: [0, 0, 0, 0]),
      Row(
        kind: .gumbelSoftmax,
        bias: after ? [0.0264, 0.0131, -0.0402, 0.0007] : [0.0364, 0.0199, -0.0571, 0.0008],
        variance: after ? gsAfter : gsBefore,
        history: h([
          gsBefore, [0.126, 0.0883, 0.119, 0.0561], [0.167, 0.117, 0.165, 0.0754], gsAfter,
        ])),
      Row(
        kind: .straightThrough,
        bias: after ? [0.0386, 0.0203, -0.0611, 0.0022] : [0.0596, 0.0321, -0.0932, 0.0015],
        variance: after ? stAfter : stBefore,
        history: h([
          stBefore, [0.427, 0.323, 0.208, 0.213], [0.553, 0.418, 0.285, 0.279], stAfter,
        ])),
      Row(
        kind: .rebar,
        bias: after ? [1.7e-4, -3.0e-4, 2.2e-4, -1.1e-4] : [8e-5, 1.2e-4, -3e-4, 5e-5],
        variance: after ? rebarAfter : rebarBefore,
        history: h([
          rebarBefore, [0.224, 0.173, 0.138, 0.121], [0.246, 0.188, 0.183, 0.131], rebarAfter,
        ])),
    ]
  }

  /// bias-and-variance: before (temperature 0.5) or after three presses of `[` (0.256),
  /// with 2,000,000 samples and, after, a history of 120 points with three change marks.
  static func categorical(after: Bool) -> Snapshot {
    let temperature = after ? 0.256 : 0.5
    let scenario = try! categoricalScenario.with(temperature: temperature)
    let exact = categoricalExact
    let p = [0.4551, 0.2760, 0.1015, 0.1674]
    let samples = 2_000_000
    let histogram = histogram(p, total: samples, wobble: [-310, 240, 130, -60])
    let rows = categoricalRows(after: after, history: after)
    var marks: [VarianceHistory.Mark] = []
    if after {
      let settings = [0.5, 0.4, 0.32, 0.256].map {
        DistributionSpec.categorical(logits: [1, 0.5, -0.5, 0], temperature: $0)
      }
      marks = categoricalMarks.enumerated().map {
        VarianceHistory.Mark(
          point: $0.element, before: settings[$0.offset], after: settings[$0.offset + 1])
      }
    }
    let relaxed: [[Double]] = [
      [0.02, 0.95, 0.02, 0.01], [0.91, 0.05, 0.01, 0.03], [0.48, 0.03, 0.02, 0.47],
      [0.01, 0.01, 0.02, 0.96], [0.99, 0.00, 0.00, 0.01], [0.30, 0.62, 0.03, 0.05],
      [0.05, 0.02, 0.90, 0.03], [0.97, 0.01, 0.01, 0.01], [0.12, 0.80, 0.03, 0.05],
      [0.66, 0.04, 0.02, 0.28], [0.02, 0.01, 0.04, 0.93], [0.88, 0.10, 0.01, 0.01],
    ]
    return Snapshot(
      scenario: scenario, exact: ExactSolution(loss: 1.797, gradient: exact), probabilities: p,
      samples: samples, samplesPerSecond: 0, histogram: histogram,
      chiSquare: histogram.chiSquare, relaxedRows: relaxed,
      relaxedMean: after ? [0.4484, 0.2771, 0.1043, 0.1702] : [0.4316, 0.2783, 0.1124, 0.1777],
      estimators: rows.map { estimator($0, exact: exact, samples: samples) },
      historySamples: after ? (0..<120).map { 50_000 * ($0 + 1) } : [],
      historyMarks: marks, loaded: categoricalScenario.distribution.spec,
      generation: after ? 4 : 1)
  }

  // MARK: - relax-toy (bernoulli)

  static func bernoulli() -> Snapshot {
    let scenario = try! Scenario(
      name: "relax-toy", title: "The REBAR and RELAX toy: a tiny gradient in large noise",
      lesson:
        "b ~ Bernoulli(0.5), f(b) = (b - 0.45)^2, gradient 0.025. The score function's standard "
        + "deviation is five times the gradient: its SD/|g| column reads 5. Press k and watch "
        + "the baseline's noise return.",
      estimators: [
        .exact, .scoreFunction, .scoreFunctionBaseline, .gumbelSoftmax, .straightThrough, .rebar,
      ],
      distribution: .bernoulli(logOdds: 0, temperature: 0.5), objective: .quadratic(target: [0.45]))
    let exact = [0.025]
    let samples = 400_000
    let rows = [
      Row(kind: .exact, bias: [0], variance: [0], history: Array(repeating: [0], count: 40)),
      Row(
        kind: .scoreFunction, bias: [4e-5], variance: [0.01594],
        history: Array(repeating: [0.01594], count: 40)),
      Row(
        kind: .scoreFunctionBaseline, bias: [1e-7], variance: [2.1e-6],
        history: (0..<40).map { [2.1e-6 * (1 + 4 / Double($0 + 1))] }),
      Row(
        kind: .gumbelSoftmax, bias: [-0.00355], variance: [0.0129],
        history: Array(repeating: [0.0129], count: 40)),
      Row(
        kind: .straightThrough, bias: [-0.0035], variance: [0.0603],
        history: Array(repeating: [0.0603], count: 40)),
      Row(
        kind: .rebar, bias: [1e-4], variance: [0.0230],
        history: Array(repeating: [0.023], count: 40)),
    ]
    let histogram = histogram([0.5, 0.5], total: samples, wobble: [-120, 120])
    return Snapshot(
      scenario: scenario, exact: ExactSolution(loss: 0.2525, gradient: exact),
      probabilities: [0.5, 0.5], samples: samples, histogram: histogram,
      chiSquare: histogram.chiSquare,
      relaxedRows: [[0.93, 0.07], [0.12, 0.88], [0.55, 0.45], [0.02, 0.98], [0.81, 0.19]],
      relaxedMean: [0.5002, 0.4998],
      estimators: rows.map { estimator($0, exact: exact, samples: samples) },
      historySamples: (0..<40).map { 10_000 * ($0 + 1) })
  }

  // MARK: - gaussian-reparameterization, std stepped down twice (to 0.64)

  static func gaussian() -> Snapshot {
    let loaded = DistributionSpec.gaussian(mean: 1, std: 1)
    let scenario = try! Scenario(
      name: "gaussian-reparameterization",
      title: "Reparameterization against the score function",
      lesson:
        "x = mean + std * eps with f(x) = x^2. Both estimators are unbiased, but the pathwise "
        + "estimator uses f'(x) and has variance 4 for the mean's gradient, the score function "
        + "30. Press PgUp to move the mean to 2.",
      estimators: [.exact, .scoreFunction, .scoreFunctionBaseline, .reparameterization],
      distribution: .gaussian(mean: 1, std: 0.64), objective: .quadratic(target: [0]))
    let exact = [2.0, 1.28]
    let samples = 1_000_000
    let rows = [
      Row(kind: .exact, bias: [0, 0], variance: [0, 0]),
      Row(
        kind: .scoreFunction, bias: [0.0021, -0.004], variance: [13.4, 21.6],
        history: steps([[30, 136], [19.6, 62.1], [13.4, 21.6]], marks: [30, 45], points: 60)),
      Row(
        kind: .scoreFunctionBaseline, bias: [-0.0011, 0.0032], variance: [5.89, 10.9],
        history: steps([[18, 95.9], [9.8, 30.5], [5.89, 10.9]], marks: [30, 45], points: 60)),
      Row(
        kind: .reparameterization, bias: [1e-4, -2e-4], variance: [1.64, 1.15],
        history: steps([[4, 12], [2.56, 5.1], [1.64, 1.15]], marks: [30, 45], points: 60)),
    ]
    var histogram = Histogram(normalMean: 1, std: 0.64)
    // Counts off their expectation by half a standard deviation or less, as a sample is.
    for (i, p) in histogram.probabilities.enumerated() {
      let expected = p * Double(samples)
      let wobble = Double(i % 3 - 1) * 0.5 * expected.squareRoot()
      histogram.record(category: i, count: Int((expected + wobble).rounded()))
    }
    let marks = [
      VarianceHistory.Mark(point: 30, before: loaded, after: .gaussian(mean: 1, std: 0.8)),
      VarianceHistory.Mark(
        point: 45, before: .gaussian(mean: 1, std: 0.8), after: .gaussian(mean: 1, std: 0.64)),
    ]
    return Snapshot(
      scenario: scenario, exact: ExactSolution(loss: 1.4096, gradient: exact), probabilities: [],
      samples: samples, histogram: histogram, chiSquare: histogram.chiSquare,
      estimators: rows.map { estimator($0, exact: exact, samples: samples) },
      historySamples: (0..<60).map { 20_000 * ($0 + 1) }, historyMarks: marks, loaded: loaded,
      generation: 3)
  }
}
