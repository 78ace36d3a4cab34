/// Everything the lanes of a race on the digits VAE share: the model's size, the estimators,
/// the optimiser's settings, the relaxation temperature, the seed and the trace interval.
/// Immutable, so a headless run can hand it to any worker.
public struct VAERaceSetup: Sendable, Equatable {
  /// Latent bits D.
  public var latents: Int
  /// The lanes, `exact` first when it is raced (D <= 16 only).
  public var estimators: [EstimatorKind]
  public var steps: Int
  /// Images per step B: step t uses training rows `(t B + j) mod 1500`, j = 0..B-1.
  public var batch: Int
  public var learningRate: Double
  /// The binary Concrete temperature of the relaxed estimators (and REBAR's relaxation).
  public var temperature: Double
  public var seed: UInt64
  /// A trace point every `every` steps, plus step 0 and the last.
  public var every: Int
  public var options: EstimatorOptions
  public var adam: AdamSettings

  public init(
    latents: Int, estimators: [EstimatorKind], steps: Int, batch: Int, learningRate: Double,
    temperature: Double, seed: UInt64, every: Int, options: EstimatorOptions = EstimatorOptions(),
    adam: AdamSettings = AdamSettings()
  ) {
    self.latents = latents
    self.estimators = estimators
    self.steps = steps
    self.batch = batch
    self.learningRate = learningRate
    self.temperature = temperature
    self.seed = seed
    self.every = max(every, 1)
    self.options = options
    self.adam = adam
  }

  /// Whether the exact answers (enumeration of `2^D` states) are available.
  public var isExact: Bool { latents <= VAEParameters.exactLatents }

  /// The training rows of step `t` (0-based: the update from step t to t + 1).
  public func rows(step t: Int) -> [Int] {
    (0..<batch).map { (t * batch + $0) % DigitsData.trainingCount }
  }

  /// The steps a trace records: 0, every K, and the last.
  public func isTraced(step: Int) -> Bool {
    step == 0 || step == steps || step % every == 0
  }

  /// The rules, each a problem keyed by the flag or file key it came from.
  public var problems: [ScenarioProblem] {
    var found: [ScenarioProblem] = []
    if !VAEParameters.latentRange.contains(latents) {
      found.append(
        ScenarioProblem(
          key: "model.latents",
          message:
            "must be between 1 and \(VAEParameters.latentRange.upperBound), got \(latents)"))
    }
    if !isExact && estimators.contains(.exact) {
      found.append(
        ScenarioProblem(
          key: "estimators",
          message:
            "exact enumerates 2^D states and needs D <= \(VAEParameters.exactLatents) (D = \(latents))"
        ))
    }
    if !(1...DigitsData.trainingCount).contains(batch) {
      found.append(
        ScenarioProblem(
          key: "training.batch",
          message: "must be between 1 and \(DigitsData.trainingCount) images, got \(batch)"))
    }
    found += ScenarioRules.inRange(
      [temperature], ScenarioRules.temperatureRange, key: "model.temperature")
    for kind in estimators where kind != .exact {
      if let reason = EstimatorNotApplicable.check(
        kind, distribution: .bernoulli(logOdds: [0], temperature: 1), objective: .model)
      {
        found.append(ScenarioProblem(key: "estimators", message: reason.description))
      }
    }
    return found
  }
}
