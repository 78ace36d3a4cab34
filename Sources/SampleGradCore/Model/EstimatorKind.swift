import Foundation

/// The gradient estimators, by the names the CLI, scenario files and JSON use.
public enum EstimatorKind: String, Sendable, CaseIterable, Codable, Hashable {
  case exact
  case scoreFunction = "score-function"
  case scoreFunctionBaseline = "score-function-baseline"
  case reparameterization
  case gumbelSoftmax = "gumbel-softmax"
  case straightThrough = "straight-through"
  case rebar

  /// Whether the estimator's mean is the true gradient of `E[f(x)]`. The relaxed ones are
  /// unbiased only for the relaxed objective, which is the lesson the explorer shows.
  public var isUnbiased: Bool {
    switch self {
    case .exact, .scoreFunction, .scoreFunctionBaseline, .reparameterization, .rebar: true
    case .gumbelSoftmax, .straightThrough: false
    }
  }

  /// Whether this estimator is defined for samples of the given distribution.
  public func applies(to distribution: DistributionKind) -> Bool {
    switch self {
    case .exact, .scoreFunction, .scoreFunctionBaseline: true
    case .reparameterization: distribution == .gaussian
    case .gumbelSoftmax, .straightThrough, .rebar: distribution != .gaussian
    }
  }

  /// Why it does not apply, for the error message.
  public func reasonItDoesNotApply(to distribution: DistributionKind) -> String {
    switch self {
    case .reparameterization:
      "it needs a continuous sample x = mean + std * eps; try gumbel-softmax"
    case .gumbelSoftmax, .straightThrough, .rebar:
      "it relaxes a discrete sample; try reparameterization"
    default: "it is not defined there"
    }
  }

  /// The stream index this estimator draws from, so each has its own random numbers.
  public var streamIndex: UInt64 { UInt64(Self.allCases.firstIndex(of: self)! + 1) }

  /// Parses a name, with a message that lists the valid ones.
  public static func parse(_ name: String) -> EstimatorKind? {
    EstimatorKind(rawValue: name.trimmingCharacters(in: .whitespaces))
  }

  public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
