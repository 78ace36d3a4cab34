import SampleGradCore

/// What the screen asks of the sampler. Commands queue in the engine's inbox and are applied
/// between batches, in order.
package enum EngineCommand: Sendable, Equatable {
  /// Sets parameter `index` (a logit, the log-odds, the mean or the std) to `value`.
  case setParameter(index: Int, value: Double)
  /// Adds `delta` to parameter `index`.
  case nudgeParameter(index: Int, delta: Double)
  /// Moves parameter `index` one step up or down by `ParameterStep`'s rules (a grid of 0.1 or
  /// 1; a factor for a standard deviation, with bounds).
  case stepParameter(index: Int, up: Bool, size: ParameterStep.Size)
  /// Puts back the parameters and temperature the scenario was loaded with.
  case restoreParameters
  case setTemperature(Double)
  /// Sets every logit at once, as the family takes them (`Scenario.with(logits:)`): one value
  /// for every bit, a row of K for every categorical variable, or all of them. One change,
  /// one mark in the history, however many variables there are.
  case setLogits([Double])
  /// Sets one number of the scenario (the temperature, eta, a parameter, the objective's
  /// target, frequency or threshold), as the sweep view's Enter does.
  case set(ScenarioSetting, to: Double)
  /// Multiplies the temperature by `factor`, clamped to 0.01...100.
  case scaleTemperature(by: Double)
  /// Turns an estimator's sampling on or off.
  case toggleEstimator(EstimatorKind)
  case pause
  case resume
  case togglePause
  /// Draws one batch while paused.
  case step
  /// Forgets the statistics and the variance history.
  case resetStatistics
  case load(Scenario)
}
