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
  /// Too few estimates for a standard error to mean anything, or all of them equal while the
  /// exact value differs (a rare outcome not drawn yet): nothing can be said.
  case tooFewSamples
  /// Every estimate equals the exact value: no noise and no bias (the `exact` reference row).
  case exact
  /// The bias is within `threshold` standard errors of zero.
  case noBiasSeen(standardErrors: Double)
  /// The bias is more than `threshold` standard errors from zero.
  case biased(standardErrors: Double)

  /// Standard errors beyond which a bias counts as shown.
  public static let threshold = 5.0
  /// Estimates needed before a standard error is trusted.
  public static let minimumSamples = 100

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
      self = abs(bias) <= rounding ? .exact : .tooFewSamples
      return
    }
    let z = abs(bias) / standardError
    self = z > Self.threshold ? .biased(standardErrors: z) : .noBiasSeen(standardErrors: z)
  }

  /// Whether the data show a bias.
  public var isBiased: Bool {
    if case .biased = self { return true }
    return false
  }

  /// The bias in standard errors, when there is one to give.
  public var standardErrors: Double? {
    switch self {
    case .noBiasSeen(let z), .biased(let z): z
    case .tooFewSamples, .exact: nil
    }
  }

  /// A name for scripts (the JSON of `run`): `biased`, `no-bias-seen`, `exact`,
  /// `too-few-samples`.
  public var name: String {
    switch self {
    case .tooFewSamples: "too-few-samples"
    case .exact: "exact"
    case .noBiasSeen: "no-bias-seen"
    case .biased: "biased"
    }
  }

  /// The verdict in words: `bias 12 SE`, `no bias seen (1.3 SE)`, `exact`, `too few samples`.
  public var text: String {
    switch self {
    case .tooFewSamples: "too few samples"
    case .exact: "exact (no noise)"
    case .noBiasSeen(let z): "no bias seen (\(Self.format(z)) SE)"
    case .biased(let z): "bias \(Self.format(z)) SE"
    }
  }

  /// The verdict in at most 14 characters, for narrow screens: `bias 12 SE`, `no bias 1.3 SE`.
  public var compactText: String {
    switch self {
    case .tooFewSamples: "too few yet"
    case .exact: "exact"
    case .noBiasSeen(let z): "no bias \(Self.format(z)) SE"
    case .biased(let z): "bias \(Self.format(z)) SE"
    }
  }

  /// A number of standard errors in at most four characters: `1.3`, `12`, `450`, `>999`.
  static func format(_ z: Double) -> String {
    if z < 9.95 { return String(format: "%.1f", z) }
    if z < 999.5 { return String(Int(z.rounded())) }
    return ">999"
  }
}
