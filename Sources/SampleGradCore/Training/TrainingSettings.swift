import Foundation

/// How a training race runs: steps, optimiser, step size, batch and temperature schedule.
/// A scenario's `[training]` table gives the defaults; flags and the live view's keys change
/// them, checked by the same rules.
public struct TrainingSettings: Sendable, Equatable {
  /// Updates per estimator; "step t" is the state after t updates, step 0 the start.
  public var steps: Int
  public var learningRate: Double
  public var optimizer: OptimizerKind
  /// Estimates averaged per update.
  public var batch: Int
  public var anneal: Annealing
  public var adam: AdamSettings

  public init(
    steps: Int = 1000, learningRate: Double = 0.01, optimizer: OptimizerKind = .adam,
    batch: Int = 1, anneal: Annealing = .none, adam: AdamSettings = AdamSettings()
  ) {
    self.steps = steps
    self.learningRate = learningRate
    self.optimizer = optimizer
    self.batch = batch
    self.anneal = anneal
    self.adam = adam
  }

  /// The settings' own rules (ranges in `ScenarioRules`), each with its key in a scenario's
  /// `[training]` table, and whether they fit the distribution (a gaussian has no
  /// temperature to anneal).
  /// Without a distribution (a file whose `[distribution]` is broken), the rules that need
  /// none.
  public func problems(for distribution: DistributionSpec?) -> [ScenarioProblem] {
    var found = ScenarioRules.inRange(
      steps, ScenarioRules.trainingStepsRange, key: "training.steps")
    found += ScenarioRules.inRange(
      [learningRate], ScenarioRules.learningRateRange, key: "training.learning_rate")
    found += ScenarioRules.inRange(batch, ScenarioRules.batchRange, key: "training.batch")
    if case .exponential(let minimum, let rate) = anneal {
      if let distribution, distribution.temperature == nil {
        found.append(
          ScenarioProblem(
            key: "training.anneal",
            message: "a \(distribution.kind.rawValue) has no temperature to anneal"))
      }
      found += ScenarioRules.inRange(
        [minimum], ScenarioRules.temperatureRange, key: "training.tau_min")
      found += ScenarioRules.inRange([rate], ScenarioRules.annealRateRange, key: "training.rate")
    }
    let b = adam
    if optimizer == .adam,
      !(b.beta1 >= 0 && b.beta1 < 1 && b.beta2 >= 0 && b.beta2 < 1 && b.epsilon > 0
        && b.epsilon.isFinite)
    {
      found.append(
        ScenarioProblem(
          key: "training.optimizer", message: "adam needs 0 <= beta1, beta2 < 1 and epsilon > 0"))
    }
    return found
  }

  /// Every rule a race from `distribution` must meet: the settings' own (`problems(for:)`)
  /// and starting from its current temperature (`startProblems(temperature:)`). The one
  /// check before a race is set up, for files, flags and the explorer alike.
  public func raceProblems(for distribution: Distribution) -> [ScenarioProblem] {
    problems(for: distribution.spec) + startProblems(temperature: distribution.temperature)
  }

  /// The rule checked when a race starts: annealing only lowers the temperature, so
  /// `tau_min` must not exceed the temperature the race starts from (which the explorer's
  /// keys and `--temperature` can change after the file was read).
  public func startProblems(temperature start: Double?) -> [ScenarioProblem] {
    guard case .exponential(let minimum, _) = anneal, let start, minimum > start else { return [] }
    return [
      ScenarioProblem(
        key: "training.tau_min",
        message:
          "\(NumberFormat.short(minimum)) is above the starting temperature \(NumberFormat.short(start)) (annealing only lowers it)"
      )
    ]
  }
}

/// The temperature schedule of the relaxed estimators during training.
public enum Annealing: Sendable, Equatable {
  /// The scenario's temperature throughout.
  case none
  /// `tau_t = max(minimum, tau_0 exp(-rate t))` (Jang, Gu, Poole 2017), `t` the step.
  case exponential(minimum: Double, rate: Double)

  /// The defaults of `anneal = "exp"` when `tau_min` or `rate` is not given.
  public static let defaultMinimum = 0.1
  public static let defaultRate = 1e-3

  /// The temperature used for the update at step `t` (from the parameters after t updates).
  public func temperature(at t: Int, start: Double) -> Double {
    switch self {
    case .none: start
    case .exponential(let minimum, let rate): max(minimum, start * exp(-rate * Double(t)))
    }
  }

  /// The schedule's name as a scenario file writes it.
  public var name: String { schedule.rawValue }

  /// Which schedule this is, without its numbers.
  public var schedule: AnnealingSchedule {
    switch self {
    case .none: .none
    case .exponential: .exp
    }
  }
}

/// The schedules a scenario file's `training.anneal` names: the one list the decoder reads
/// and its messages quote.
public enum AnnealingSchedule: String, Sendable, CaseIterable {
  case none
  case exp

  public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
