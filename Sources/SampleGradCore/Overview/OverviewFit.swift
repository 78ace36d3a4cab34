import Foundation

/// When the overview's "exact distribution" answer is settled, from a method's own forward
/// samples (`ForwardTally`). Like `OverviewDecision` for "unbiased", a cell samples on until its
/// answer is decisive:
///
/// - **no, relaxed**: some point `f` was evaluated at is not an outcome at all (a relaxed
///   vector between the vertices), so it cannot be a sample of p: decisive at once, and the
///   cell says what share of the points were outcomes (0% for Gumbel-softmax).
/// - **no**: the points are outcomes but Pearson's χ² against the exact probabilities gives
///   `p < rejection` (one in a million for points that do follow p).
/// - **yes**: `p >= acceptance`, at a count large enough that any distribution `resolution`
///   away in total variation would have given a χ² beyond the `acceptance` level (its
///   noncentrality is at least `4 N δ²`; three of its standard deviations to spare).
///
/// Anything else samples on, up to `maximumSamples` passes, and then reads `?`. A gaussian's
/// points are binned (40 bins over mean ± 4 std, and the rest) against N(mean, std).
public enum OverviewFit {
  /// The total-variation distance a "yes" rules out (3% of the probability moved): 16,384
  /// points resolve it on a categorical of K = 4 or a bit, 32,768 on a gaussian's 41 bins.
  public static let resolution = 0.03
  /// Below this p-value the points do not follow p.
  public static let rejection = 1e-6
  /// At least this p-value, at a resolving count, they do.
  public static let acceptance = 0.001
  /// How far a cell grows to settle its answer (1,048,576 forward passes).
  public static let maximumSamples = 1 << 20

  public enum Verdict: Sendable, Equatable {
    /// Some points were not outcomes; the share that were.
    case relaxed(outcomeFraction: Double)
    case mismatch(pValue: Double)
    case follows(pValue: Double)
    /// Neither yet (the p-value, if the test could run).
    case undecided(pValue: Double?)
    /// The χ² test cannot run (bins finer than doubles resolve): why.
    case untestable(String)
  }

  public static func verdict(_ tally: ForwardTally) -> Verdict {
    if tally.offOutcomes > 0 { return .relaxed(outcomeFraction: tally.outcomeFraction) }
    let test = tally.histogram.chiSquare
    if let reason = test.skipped { return .untestable(reason) }
    guard let p = test.pValue else { return .undecided(pValue: nil) }
    if p < rejection { return .mismatch(pValue: p) }
    if p >= acceptance,
      resolves(points: tally.histogram.total, degreesOfFreedom: test.degreesOfFreedom)
    {
      return .follows(pValue: p)
    }
    return .undecided(pValue: p)
  }

  /// Whether the answer is decisive (or can never be: an untestable cell).
  public static func isDecisive(_ tally: ForwardTally) -> Bool {
    if case .undecided = verdict(tally) { return false }
    return true
  }

  /// Whether `points` are enough for a shift of `resolution` in total variation to show: its
  /// χ² noncentrality `λ >= 4 N δ²` (Cauchy-Schwarz: `Σ (q - p)² / p >= (Σ |q - p|)²`), and
  /// the noncentral χ²'s mean `k + λ` less three standard deviations `sqrt(2 (k + 2λ))` must
  /// pass the `acceptance` level's critical value.
  static func resolves(points: Int, degreesOfFreedom k: Int) -> Bool {
    guard k > 0 else { return false }
    let lambda = 4 * Double(points) * resolution * resolution
    let dof = Double(k)
    return dof + lambda - 3 * (2 * (dof + 2 * lambda)).squareRoot()
      >= criticalValue(degreesOfFreedom: k)
  }

  /// The χ² value with upper tail `acceptance` at `k` degrees of freedom, by bisection.
  static func criticalValue(degreesOfFreedom k: Int) -> Double {
    let a = Double(k) / 2
    var low = 0.0
    var high = Double(k) + 20 * (2 * Double(k)).squareRoot() + 50
    for _ in 0..<100 {
      let mid = (low + high) / 2
      if IncompleteGamma.upperRegularized(a, mid / 2) > acceptance { low = mid } else { high = mid }
    }
    return high
  }

  /// The cell: `yes: χ² p 0.41 on 65,536 points`, `no: f at relaxed points, 0% outcomes`,
  /// `no: χ² p < 1e-6 on 4,096 points`, `?: χ² p 0.0004 on 1,048,576 points, a 3% shift not ruled out`.
  public static func cell(_ tally: ForwardTally) -> Overview.Cell {
    let on = " on \(NumberFormat.grouped(tally.points)) points"
    switch verdict(tally) {
    case .relaxed(let fraction):
      let share = percent(fraction)
      return .no("f at relaxed points, \(share) outcomes\(on)", brief: "relaxed")
    case .mismatch:
      return .no("χ² p < 1e-6\(on)", brief: "p < 1e-6")
    case .follows(let p):
      return .yes(
        "χ² p \(NumberFormat.short(p))\(on)", brief: "p \(NumberFormat.significant(p, digits: 2))")
    case .undecided(let p?):
      let shift = NumberFormat.short(100 * resolution)
      return Overview.Cell(
        "?", "χ² p \(NumberFormat.short(p))\(on), a \(shift)% shift not ruled out",
        brief: "undecided", tone: .none)
    case .undecided(nil):
      return .unmeasured("too few points for χ²")
    case .untestable(let reason):
      return .unmeasured(reason)
    }
  }

  /// `0%`, `37%`, `99.9%`: a share that is not exactly 0 or 1 never reads as one.
  static func percent(_ fraction: Double) -> String {
    if fraction == 0 { return "0%" }
    if fraction == 1 { return "100%" }
    let value = 100 * fraction
    let text = NumberFormat.significant(value, digits: value < 1 || value > 99 ? 3 : 2)
    if text == "0" || text == "100" { return value < 50 ? "<0.1%" : ">99.9%" }
    return text + "%"
  }
}
