import SampleGradCore
import SampleGradEngine

/// Snapshots of D variables written by hand, not sampled, so the layout files change only
/// when the layout does. Each row's statistics come from two estimates on either side of its
/// mean, `exact + bias * r ± spread * r * u` (r the gradient's root mean square, u the
/// pattern +1, -1, +1, ...): its per-component variance, its total error and its mean cosine
/// then agree with each other by construction, and `spread` sets its total noise,
/// `sqrt(2) * spread` times |g|. The spreads are close to what `poly128` really shows.
enum HandBuiltMany {
  struct Row {
    var kind: EstimatorKind
    var spread: Double
    var bias = 0.0
  }

  /// Statistics of `samples` estimates (as the screen reads them) built from two estimates.
  static func estimator(
    _ kind: EstimatorKind, row: Row?, scenario: Scenario, exact: [Double], samples: Int,
    points: Int
  ) -> EstimatorSnapshot {
    let distribution = scenario.distribution.spec
    let objective = scenario.objective.kind
    let unavailable = EstimatorNotApplicable.check(
      kind, distribution: distribution, objective: objective)?.shortReason
    guard let row, unavailable == nil else {
      let zeros = exact.map { _ in 0.0 }
      return EstimatorSnapshot(
        kind: kind, isEnabled: false, samples: 0, mean: zeros, variance: zeros,
        standardError: zeros, exact: exact, unavailable: unavailable)
    }
    let rms = (exact.reduce(0) { $0 + $1 * $1 } / Double(exact.count)).squareRoot()
    var moments = RunningMoments(dimension: exact.count, reference: exact)
    for sign in [1.0, -1.0] {
      moments.add(
        exact.indices.map { i in
          exact[i] + row.bias * rms + sign * row.spread * rms * (i % 2 == 0 ? 1 : -1)
        })
    }
    let variance = moments.variance
    return EstimatorSnapshot(
      kind: kind, isEnabled: true, samples: samples, mean: moments.mean, variance: variance,
      standardError: variance.map { ($0 / Double(samples)).squareRoot() }, exact: exact,
      varianceHistory: Array(repeating: variance, count: points),
      isUnbiased: kind.descriptor.isUnbiased(on: objective), moments: moments)
  }

  /// A snapshot of `scenario` with `rows` enabled (every other applicable estimator off),
  /// `samples` samples whose frequencies wobble around p, and twelve relaxed vectors.
  static func snapshot(
    _ scenario: Scenario, loaded: Scenario, rows: [Row], samples: Int
  ) -> Snapshot {
    let problem = scenario.problem
    let exact = problem.exact.gradient
    let p = problem.probabilities
    let spec = scenario.distribution.spec
    let k = max(spec.outcomes, 1)
    let points = 40
    var histogram = Histogram(probabilities: p, variables: spec.variables)
    for d in 0..<spec.variables {
      // Each variable's counts add up to `samples`, off p by a few hundred.
      var counts = (0..<k).map { Int((p[d * k + $0] * Double(samples)).rounded()) }
      let wobble = ((d * 37) % 21 - 10) * 25
      counts[k - 1] += wobble
      counts[0] += samples - counts.reduce(0, +)
      for (j, c) in counts.enumerated() { histogram.record(category: d * k + j, count: c) }
    }
    let shapes = [0.02, 0.97, 0.55, 0.91, 0.08, 0.99, 0.12, 0.76, 0.03, 0.88, 0.45, 0.95]
    let relaxed: [[Double]] = (0..<12).map { r in
      (0..<spec.variables).flatMap { d -> [Double] in
        let y = shapes[(r + d) % shapes.count]
        guard k > 2 else { return [1 - y, y] }
        // One category takes y, the rest share what is left.
        let hot = (r + d) % k
        return (0..<k).map { $0 == hot ? y : (1 - y) / Double(k - 1) }
      }
    }
    let mean = p.enumerated().map { $0.element + Double($0.offset % 7 - 3) * 4e-4 }
    let estimators = EstimatorRegistry.kinds(for: spec).map { kind in
      estimator(
        kind, row: rows.first { $0.kind == kind }, scenario: scenario, exact: exact,
        samples: samples, points: points)
    }
    return Snapshot(
      scenario: scenario, exact: problem.exact, probabilities: p, samples: samples,
      histogram: histogram, chiSquare: histogram.chiSquare, relaxedRows: relaxed,
      relaxedMean: mean, estimators: estimators,
      historySamples: (0..<points).map { 5_000 * ($0 + 1) },
      loaded: loaded.distribution.spec, generation: 2)
  }

  // MARK: - polynomial-128: 128 bits, bit 37 raised to 1.0

  static let bitsLoaded = try! Scenario(
    name: "polynomial-128", title: "128 bits: the score function's noise against the dimension",
    lesson:
      "f is the mean over 128 bits of (b_d - 0.45)^2. Each row's cos is the mean cosine "
      + "between one estimate and the exact gradient: the score function's is about 0, its "
      + "direction is noise; ARM and DisARM point the right way more often; IndeCateR always.",
    estimators: [.scoreFunction, .rloo, .arm, .disarm, .indecater, .rebar, .straightThrough],
    distribution: .bernoulli(logOdds: [Double](repeating: 0, count: 128), temperature: 0.5),
    objective: .meanSquared(target: 0.45, values: nil))

  static func bits() -> Snapshot {
    let scenario = try! bitsLoaded.with(parameter: 36, value: 1)
    return snapshot(
      scenario, loaded: bitsLoaded,
      rows: [
        Row(kind: .scoreFunction, spread: 457), Row(kind: .rloo, spread: 4.6),
        Row(kind: .arm, spread: 9.2), Row(kind: .disarm, spread: 7.9),
        Row(kind: .indecater, spread: 1e-14), Row(kind: .rebar, spread: 197),
        Row(kind: .straightThrough, spread: 7.9, bias: 0.1),
      ], samples: 200_000)
  }

  // MARK: - four categoricals, K = 3

  static let categoricalsLoaded = try! Scenario(
    name: "four-categoricals", title: "Four categoricals: IndeCateR sums over each variable",
    lesson:
      "Four variables of three categories, f the mean squared distance of their values from "
      + "0.45. IndeCateR enumerates each variable's categories: no noise at all.",
    estimators: [
      .exact, .scoreFunction, .rloo, .gumbelSoftmax, .indecater, .rebar, .straightThrough,
    ],
    distribution: .categorical(
      rows: [[0.5, -0.3, 1.0], [0, 0, 0], [1.5, 0.2, -1.0], [-0.5, 0.5, 0]], temperature: 0.5),
    objective: .meanSquared(target: 0.45, values: nil))

  static func categoricals() -> Snapshot {
    let scenario = try! categoricalsLoaded.with(parameter: 4, value: 0.5)
    return snapshot(
      scenario, loaded: categoricalsLoaded,
      rows: [
        Row(kind: .exact, spread: 0), Row(kind: .scoreFunction, spread: 4.0),
        Row(kind: .rloo, spread: 1.05), Row(kind: .gumbelSoftmax, spread: 0.84, bias: 0.2),
        Row(kind: .indecater, spread: 1e-15), Row(kind: .rebar, spread: 1.85),
        Row(kind: .straightThrough, spread: 1.46, bias: 0.2),
      ], samples: 500_000)
  }
}
