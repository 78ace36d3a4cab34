import Foundation

/// Pearson's goodness-of-fit test: do observed counts follow the given probabilities?
///
/// Cells whose expected count is below 5 are pooled into one (the usual rule for the
/// chi-square approximation to hold), and the p-value is the upper tail of the
/// chi-square distribution, `Q(df / 2, statistic / 2)`.
public struct ChiSquareTest: Sendable, Equatable {
  public let statistic: Double
  public let degreesOfFreedom: Int
  /// Probability of a statistic at least this large if the counts follow the probabilities;
  /// nil before there are enough samples for the test to mean anything.
  public let pValue: Double?
  /// Why the test was not run (the bins are finer than doubles resolve), or nil.
  public let skipped: String?

  /// A test not run, with the reason the screen and the reports show instead of a p-value.
  public init(skipped reason: String) {
    statistic = 0
    degreesOfFreedom = 0
    pValue = nil
    skipped = reason
  }

  /// Independent tests as one: their statistics and degrees of freedom add.
  public init(combining tests: [ChiSquareTest]) {
    skipped = nil
    statistic = tests.reduce(0) { $0 + $1.statistic }
    degreesOfFreedom = tests.reduce(0) { $0 + $1.degreesOfFreedom }
    pValue =
      degreesOfFreedom > 0
      ? IncompleteGamma.upperRegularized(Double(degreesOfFreedom) / 2, statistic / 2) : nil
  }

  public init(observed: [Double], probabilities: [Double]) {
    skipped = nil
    let total = observed.reduce(0, +)
    // Pool the smallest cells until each pooled cell expects at least 5 samples.
    let cells = zip(observed, probabilities).map { (o: $0, e: $1 * total) }.sorted { $0.e < $1.e }
    var pooled: [(o: Double, e: Double)] = []
    var pending = (o: 0.0, e: 0.0)
    for cell in cells {
      pending = (pending.o + cell.o, pending.e + cell.e)
      if pending.e >= 5 {
        pooled.append(pending)
        pending = (0, 0)
      }
    }
    if pending.o > 0 || pending.e > 0, !pooled.isEmpty {
      pooled[pooled.count - 1].o += pending.o
      pooled[pooled.count - 1].e += pending.e
    }
    statistic = pooled.reduce(0) { $0 + ($1.o - $1.e) * ($1.o - $1.e) / $1.e }
    degreesOfFreedom = max(pooled.count - 1, 0)
    pValue =
      degreesOfFreedom > 0
      ? IncompleteGamma.upperRegularized(Double(degreesOfFreedom) / 2, statistic / 2) : nil
  }
}

/// The regularized incomplete gamma functions (Numerical Recipes, 3rd ed., 6.2).
enum IncompleteGamma {
  /// `Q(a, x) = Gamma(a, x) / Gamma(a)`.
  static func upperRegularized(_ a: Double, _ x: Double) -> Double {
    guard x > 0 else { return 1 }
    if x < a + 1 { return max(0, 1 - lowerSeries(a, x)) }
    return min(1, upperContinuedFraction(a, x))
  }

  private static func lowerSeries(_ a: Double, _ x: Double) -> Double {
    var term = 1 / a
    var sum = term
    var ap = a
    for _ in 0..<10_000 {
      ap += 1
      term *= x / ap
      sum += term
      if abs(term) < abs(sum) * 1e-15 { break }
    }
    return sum * exp(-x + a * log(x) - lgamma(a))
  }

  private static func upperContinuedFraction(_ a: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1...10_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-15 { break }
    }
    return exp(-x + a * log(x) - lgamma(a)) * h
  }
}
