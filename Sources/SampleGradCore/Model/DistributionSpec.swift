/// A distribution as a scenario file or a flag writes it, before any rule is checked.
/// `Distribution` is the validated form every sampler takes.
public enum DistributionSpec: Sendable, Equatable {
  /// `p = softmax(logits)`; relaxed samples use `temperature`.
  case categorical(logits: [Double], temperature: Double)
  /// `p = sigmoid(logOdds)`; relaxed samples (binary Concrete) use `temperature`.
  case bernoulli(logOdds: Double, temperature: Double)
  /// `x = mean + std * eps`; gradients are taken against `(mean, std)`.
  case gaussian(mean: Double, std: Double)

  public var kind: DistributionKind {
    switch self {
    case .categorical: .categorical
    case .bernoulli: .bernoulli
    case .gaussian: .gaussian
    }
  }

  /// Number of gradient components: K logits, one log-odds, or (mean, std).
  public var parameterCount: Int {
    switch self {
    case .categorical(let logits, _): logits.count
    case .bernoulli: 1
    case .gaussian: 2
    }
  }

  /// Short labels for the gradient components, as the table and the screen show them.
  public var parameterNames: [String] {
    switch self {
    case .categorical(let logits, _): (1...max(logits.count, 1)).map { "logit \($0)" }
    case .bernoulli: ["log-odds"]
    case .gaussian: ["mean", "std"]
    }
  }

  /// The parameters as one vector (the order of `parameterNames`).
  public var parameters: [Double] {
    switch self {
    case .categorical(let logits, _): logits
    case .bernoulli(let l, _): [l]
    case .gaussian(let mean, let std): [mean, std]
    }
  }

  /// The relaxation temperature, or nil for a distribution without a relaxation.
  public var temperature: Double? {
    switch self {
    case .categorical(_, let t), .bernoulli(_, let t): t
    case .gaussian: nil
    }
  }

  /// What this family offers estimators.
  public var capabilities: DistributionCapabilities {
    switch self {
    case .categorical: [.discrete, .relaxation, .conditionalRelaxation]
    case .bernoulli: [.discrete, .relaxation, .conditionalRelaxation, .binary]
    case .gaussian: [.continuous, .measureValued]
    }
  }

  /// A copy with a new temperature (unchanged for a distribution without one).
  public func with(temperature: Double) -> DistributionSpec {
    switch self {
    case .categorical(let logits, _): .categorical(logits: logits, temperature: temperature)
    case .bernoulli(let l, _): .bernoulli(logOdds: l, temperature: temperature)
    case .gaussian: self
    }
  }

  /// A copy with parameter `index` set to `value` (a logit, the log-odds, the mean or the std).
  /// An index out of range leaves it unchanged.
  public func with(parameter index: Int, value: Double) -> DistributionSpec {
    guard parameters.indices.contains(index) else { return self }
    switch self {
    case .categorical(var logits, let t):
      logits[index] = value
      return .categorical(logits: logits, temperature: t)
    case .bernoulli(_, let t):
      return .bernoulli(logOdds: value, temperature: t)
    case .gaussian(let mean, let std):
      return index == 0 ? .gaussian(mean: value, std: std) : .gaussian(mean: mean, std: value)
    }
  }
}

/// The three families samplegrad knows, by the names scenario files use.
public enum DistributionKind: String, Sendable, CaseIterable, Codable {
  case categorical, bernoulli, gaussian
}
