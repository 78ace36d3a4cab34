/// The function whose expectation is differentiated, `L = E[f(x)]`.
public enum ObjectiveSpec: Sendable, Equatable {
  /// `f(x) = w . x` (categorical: one weight per category; bernoulli and gaussian: one weight).
  case linear(weights: [Double])
  /// `f(x) = ||x - target||^2` (categorical: a vector; bernoulli and gaussian: one number).
  case quadratic(target: [Double])
  /// `f(x) = cos(frequency * x)` (gaussian only).
  case cosine(frequency: Double)

  public var kind: ObjectiveKind {
    switch self {
    case .linear: .linear
    case .quadratic: .quadratic
    case .cosine: .cosine
    }
  }
}

/// Objective names as scenario files spell them.
public enum ObjectiveKind: String, Sendable, CaseIterable, Codable {
  case linear, quadratic, cosine

  /// The distributions this objective is defined for.
  public func applies(to distribution: DistributionKind) -> Bool {
    switch self {
    case .linear, .quadratic: true
    case .cosine: distribution == .gaussian
    }
  }
}
