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
  /// `f = (1/D) sum_d (v_d - target)^2` over D discrete variables, `v_d` a variable's value:
  /// the bit, or `values[x_d]` of a categorical (default `0, 1, ..., K-1`); relaxed, `y_d` or
  /// `y_d . values`. A sum of per-variable terms.
  case meanSquared(target: Double, values: [Double]?)
  /// `f = ((1/D) sum_d v_d - target)^2`: the mean couples the variables.
  case squaredMean(target: Double, values: [Double]?)
  /// `f` supplied by a model (`ModelObjective`): never written in a file; a model's
  /// commands build it. The one case that delegates, so no model code lives here.
  case model(ModelObjective)

  public var kind: ObjectiveKind {
    switch self {
    case .linear: .linear
    case .quadratic: .quadratic
    case .cosine: .cosine
    case .table: .table
    case .step: .step
    case .meanSquared: .meanSquared
    case .squaredMean: .squaredMean
    case .model: .model
    }
  }
}

/// Objective names as scenario files spell them.
public enum ObjectiveKind: String, Sendable, CaseIterable, Codable {
  case linear, quadratic, cosine, table, step
  case meanSquared = "mean-squared"
  case squaredMean = "squared-mean"
  /// A model's `f` (see `ModelObjective`); not a kind a scenario file can name.
  case model

  /// The kinds a scenario file's `objective.kind` may name.
  public static var fileKinds: [ObjectiveKind] { allCases.filter { $0 != .model } }

  /// What the objective offers estimators.
  public var capabilities: ObjectiveCapabilities {
    switch self {
    case .linear, .quadratic, .cosine, .meanSquared, .squaredMean, .model:
      [.relaxedPoints, .derivative, .smooth]
    case .step: [.relaxedPoints, .derivative]
    case .table: []
    }
  }

  /// Whether the objective is defined for samples of the given distribution.
  public func applies(to distribution: DistributionCapabilities) -> Bool {
    switch self {
    case .linear, .quadratic: true
    case .cosine, .step: distribution.contains(.continuous)
    case .table, .meanSquared, .squaredMean: distribution.contains(.discrete)
    case .model: distribution.contains(.binary)
    }
  }

  /// Whether it is defined on D independent variables (the others take one variable).
  public var takesManyVariables: Bool {
    self == .meanSquared || self == .squaredMean || self == .model
  }

  /// Whether `f` is a sum of per-variable terms read from a table (`OutcomeTable`).
  var isSumOfTerms: Bool { self == .meanSquared || self == .squaredMean }

  /// The keys of the `[objective]` table this kind reads (besides `kind`).
  public var keys: [String] {
    switch self {
    case .linear: ["weights"]
    case .quadratic: ["target"]
    case .cosine: ["frequency"]
    case .table: ["values"]
    case .step: ["threshold"]
    case .meanSquared, .squaredMean: ["target", "values"]
    case .model: []
    }
  }
}
