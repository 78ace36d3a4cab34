import Foundation

/// What the data say about an estimator's bias on one component: the one rule the live screen
/// and `samplegrad run` share, so a verdict reads the same everywhere.
///
/// The measured bias, `mean - exact`, is compared with the standard error of the mean. Beyond
/// `threshold` standard errors the data show a bias; within it no bias is seen, which is not a
/// proof that there is none (a small bias needs many samples to show). Five, not two or three:
/// the screen shows a running mean, re-judged every frame for minutes and on every component,
/// and an unbiased running mean wanders past 3 SE now and then (the law of the iterated
/// logarithm); past 5 SE it practically never does (about 6e-7 per look).
public enum BiasVerdict: Sendable, Equatable {
  /// Too few estimates for a standard error to mean anything: nothing can be said.
  case tooFewSamples
  /// Every estimate equals the exact value: no noise and no bias (the `exact` reference row).
  case exact
  /// The bias is within `threshold` standard errors of zero.
  case noBiasSeen(standardErrors: Double)
  /// The bias is more than `threshold` standard errors from zero.
  case biased(standardErrors: Double)
  /// Every one of at least `minimumSamples` estimates is the same value, and not the exact
  /// one: all the error is bias. From an estimator theory does not call unbiased here, it is
  /// the bias theory predicts (backpropagating through argmax gives 0; so does the pathwise
  /// gradient of a step). From one theory calls unbiased, it is still what the estimates
  /// show, and never "too few samples" (issue 21: measure-valued at mean 1e17 returned 0 for
  /// 100,000 samples, its differences lost to rounding); `ConstantMiss` says why it happened.
  /// `percent` is the bias in % of |exact| (nil when exact is 0).
  case constant(value: Double, percent: Double?)

  /// Standard errors beyond which a bias counts as shown.
  public static let threshold = 5.0
  /// Estimates needed before a standard error is trusted.
  public static let minimumSamples = 100

  /// The verdict on `samples` estimates with this mean and standard error.
  public init(mean: Double, exact: Double, standardError: Double, samples: Int) {
    guard samples >= Self.minimumSamples, mean.isFinite, exact.isFinite, standardError.isFinite
    else {
      self = .tooFewSamples
      return
    }
    let bias = mean - exact
    // The reference row computes the same number the exact gradient does, up to rounding.
    let rounding = 1e-12 * max(abs(exact), abs(mean), Double.leastNormalMagnitude)
    if standardError <= rounding {
      if abs(bias) <= rounding {
        self = .exact
      } else {
        self = .constant(value: mean, percent: exact != 0 ? 100 * bias / abs(exact) : nil)
      }
      return
    }
    let z = abs(bias) / standardError
    self = z > Self.threshold ? .biased(standardErrors: z) : .noBiasSeen(standardErrors: z)
  }

  /// Whether the data show a bias.
  public var isBiased: Bool {
    switch self {
    case .biased, .constant: return true
    case .tooFewSamples, .exact, .noBiasSeen: return false
    }
  }

  /// The bias in standard errors, when there is one to give.
  public var standardErrors: Double? {
    switch self {
    case .noBiasSeen(let z), .biased(let z): z
    case .tooFewSamples, .exact, .constant: nil
    }
  }

  /// A name for scripts (the JSON of `run`): `biased`, `no-bias-seen`, `exact`, `constant`,
  /// `too-few-samples`.
  public var name: String {
    switch self {
    case .tooFewSamples: "too-few-samples"
    case .exact: "exact"
    case .noBiasSeen: "no-bias-seen"
    case .biased: "biased"
    case .constant: "constant"
    }
  }

  /// The verdict in words: `bias 12 SE`, `no bias seen (1.3 SE)`, `exact`, `too few samples`.
  public var text: String {
    switch self {
    case .tooFewSamples: "too few samples"
    case .exact: "exact (no noise)"
    case .noBiasSeen(let z): "no bias seen (\(Self.format(z)) SE)"
    case .biased(let z): "bias \(Self.format(z)) SE"
    case .constant(let value, let percent):
      "always \(NumberFormat.short(value))"
        + (percent.map { ", bias \(NumberFormat.short($0))%" } ?? "")
    }
  }

  /// The verdict in at most 14 characters, for narrow screens: `bias 12 SE`, `no bias 1.3 SE`.
  public var compactText: String {
    switch self {
    case .tooFewSamples: "too few yet"
    case .exact: "exact"
    case .noBiasSeen(let z): "no bias \(Self.format(z)) SE"
    case .biased(let z): "bias \(Self.format(z)) SE"
    case .constant(let value, _): String("always \(NumberFormat.short(value))".prefix(14))
    }
  }

  /// A number of standard errors in at most four characters: `1.3`, `12`, `450`, `>999`.
  static func format(_ z: Double) -> String {
    if z < 9.95 { return String(format: "%.1f", z) }
    if z < 999.5 { return String(Int(z.rounded())) }
    return ">999"
  }
}
