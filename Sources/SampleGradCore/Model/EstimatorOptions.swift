/// Settings some estimators read: REBAR's control-variate scale and the number of draws
/// per estimate of the multi-sample estimators.
public struct EstimatorOptions: Sendable, Equatable {
  /// REBAR's control-variate scale `eta`, for `rebar` only: `rebar-auto` ignores it (it
  /// holds eta at 1 for its first 100 samples, then tunes it from its own sums).
  public var eta: Double
  /// Draws per estimate, `k`, for `rloo` and `gumbel-rao`.
  public var draws: Int

  public static let defaultDraws = 4

  public init(eta: Double = 1, draws: Int = EstimatorOptions.defaultDraws) {
    self.eta = eta
    self.draws = draws
  }

  /// The rules on the options, each with its key.
  public var problems: [ScenarioProblem] {
    ScenarioRules.inRange([eta], NumericDomain.eta, key: "options.eta") + ScenarioRules.draws(draws)
  }
}
