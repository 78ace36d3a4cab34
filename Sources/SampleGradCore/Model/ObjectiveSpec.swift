/// The function whose expectation is differentiated, `L = E[f(x)]`, as a scenario file
/// writes it. `Objective` is the validated form the samplers evaluate.
public enum ObjectiveSpec: Sendable, Equatable {
  /// `f(x) = w . x` (categorical: one weight per category; bernoulli and gaussian: one weight).
  case linear(weights: [Double])
  /// `f(x) = ||x - target||^2` (categorical: a vector; bernoulli and gaussian: one number).
  case quadratic(target: [Double])
  /// `f(x) = cos(frequency * x)` (gaussian only).
  case cosine(frequency: Double)
  /// `f(outcome) = values[outcome]`, defined at the outcomes only, with no derivative
  /// (categorical: one value per category; bernoulli: `[f(0), f(1)]`).
  case table(values: [Double])
  /// `f(x) = 1 if x > threshold else 0` (gaussian only): its derivative is 0 almost everywhere.
  case step(threshold: Double)

  public var kind: ObjectiveKind {
    switch self {
    case .linear: .linear
    case .quadratic: .quadratic
    case .cosine: .cosine
    case .table: .table
    case .step: .step
    }
  }
}

/// Objective names as scenario files spell them.
public enum ObjectiveKind: String, Sendable, CaseIterable, Codable {
  case linear, quadratic, cosine, table, step

  /// What the objective offers estimators.
  public var capabilities: ObjectiveCapabilities {
    switch self {
    case .linear, .quadratic, .cosine: [.relaxedPoints, .derivative, .smooth]
    case .step: [.relaxedPoints, .derivative]
    case .table: []
    }
  }

  /// Whether the objective is defined for samples of the given distribution.
  public func applies(to distribution: DistributionCapabilities) -> Bool {
    switch self {
    case .linear, .quadratic: true
    case .cosine, .step: distribution.contains(.continuous)
    case .table: distribution.contains(.discrete)
    }
  }

  /// The keys of the `[objective]` table this kind reads (besides `kind`).
  public var keys: [String] {
    switch self {
    case .linear: ["weights"]
    case .quadratic: ["target"]
    case .cosine: ["frequency"]
    case .table: ["values"]
    case .step: ["threshold"]
    }
  }
}
