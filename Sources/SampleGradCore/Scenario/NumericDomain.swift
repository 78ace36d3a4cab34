import Foundation

/// The numbers a scenario may hold: inside these ranges every number samplegrad computes
/// (probabilities, the exact loss and gradient, each single-sample estimate, the variance of
/// up to `samples.upperBound` of them, the histogram and its chi-square test) is finite.
/// Outside them something overflows (a square, a product, `1 / std`) or the sampler loses
/// the noise it draws. `ScenarioRules` checks them (through `Distribution`, `Objective`,
/// `EstimatorOptions` and `Scenario`) for files, flags, the explorer's prompts and the
/// engine alike; the README's table lists them.
///
/// The budget, in powers of ten (doubles overflow at 1.8e308):
/// - A run accumulates `sum (x - mean)^2` over up to 1e12 estimates and merges two halves
///   with `delta^2 * n1 * n2 / n` (n1 n2 <= 2.5e23), so each estimate must stay below about
///   1e142. The bounds below keep every estimate under 1e134.
/// - The largest estimate is the gaussian score function, `(f - c)(eps^2 - 1) / std` with
///   `|eps| <= 8.6` (Box-Muller from uniforms in [2^-53, 1 - 2^-53]): for a quadratic,
///   `2 * 73 * (|mean| + 9 std + |target|)^2 / std`. With |mean|, |target| <= 1e50 and
///   std >= 1e-30 that is 6e132; at std = 1e50 it is 2e53. The measure-valued estimator
///   (`(f(x+) - f(x-)) / (std sqrt(2 pi))`) and leave-one-out (`k / (k - 1)` times a score
///   function term) stay below it.
/// - Categorical and bernoulli estimates are at most `2 f (1 + |eta|) + 1.4e4 |eta| |df/dx|`
///   (REBAR at temperature 0.01, K <= 64): with `f <= 64 (1 + |target|)^2` that is 1.3e132
///   at |target| = 1e50, |eta| = 1e30.
/// - The cosine's exact gradient multiplies `frequency^2 * std` by
///   `exp(-frequency^2 std^2 / 2)`: with both at most 1e50 the product is 1e150, never
///   `inf * 0`. The step's uses `s = (threshold - mean) / std`, at most 2e80, and `s^2`.
/// - Logits are bounded by precision, not overflow: a Gumbel-max sample adds noise of order
///   1 to each logit, and above 1e6 the spacing of doubles (1.2e-10 there) starts to blur
///   which logit wins. At 1e17 the noise is lost entirely and the histogram is wrong.
public enum NumericDomain {
  /// Samples per estimator in `run` (at 1e12 the per-sample variance is still finite).
  public static let samples = 1...1_000_000_000_000
  /// Each logit (categorical) and the log-odds (bernoulli).
  public static let logit = -1e6...1e6
  /// The gaussian's mean.
  public static let mean = -1e50...1e50
  /// The gaussian's standard deviation.
  public static let std = 1e-30...1e50
  /// Linear weights, quadratic targets, table values, the cosine's frequency and the step's
  /// threshold.
  public static let objective = -1e50...1e50
  /// REBAR's control-variate scale.
  public static let eta = -1e30...1e30

  /// `between 0.01 and 100`, `between -1e6 and 1e6`: how a range reads in a message.
  public static func describe(_ range: ClosedRange<Double>) -> String {
    "between \(text(range.lowerBound)) and \(text(range.upperBound))"
  }

  public static func describe(_ range: ClosedRange<Int>) -> String {
    "between \(text(Double(range.lowerBound))) and \(text(Double(range.upperBound)))"
  }

  /// A value a message quotes back: `-1`, `0.5`, `1e+307`, `nan`.
  public static func show(_ x: Double) -> String {
    if x == x.rounded(), x.magnitude < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }

  /// A bound as a person writes it: `1e-30`, `1e6`, `-1e50`, `0.01`, `100`.
  static func text(_ x: Double) -> String {
    let magnitude = abs(x)
    let exponent = magnitude > 0 ? Int(log10(magnitude).rounded()) : 0
    if magnitude > 0, abs(exponent) >= 4, pow10(exponent) == magnitude {
      return (x < 0 ? "-" : "") + "1e\(exponent)"
    }
    if x == x.rounded(), magnitude < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }

  private static func pow10(_ exponent: Int) -> Double {
    Double("1e\(exponent)") ?? 0
  }
}
