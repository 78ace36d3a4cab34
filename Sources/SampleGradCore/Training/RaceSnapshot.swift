/// Everything the live race view draws, as one immutable value: the settings, the target
/// line, and each estimator's loss curve and current parameters.
public struct RaceSnapshot: Sendable {
  public var title: String
  public var distribution: DistributionKind
  /// The distribution's parameter names ("logit 1", "log-odds", "mean", "std").
  public var parameterNames: [String]
  public var settings: TrainingSettings
  /// Steps taken (every lane advances together).
  public var step: Int
  /// The relaxation temperature at the current step (nil for a gaussian).
  public var temperature: Double?
  public var startLoss: Double
  /// The lowest loss the family reaches, if finite: the target line.
  public var optimum: Double?
  /// The outcome with the lowest `f` (discrete distributions), whose p a lane drives to 1.
  public var bestOutcome: Int?
  public var lanes: [RaceLaneSnapshot]
  /// With many variables, what each lane's `summary` is (`mean p(b = 1)`): one number
  /// instead of D x K probabilities; nil for one variable.
  public var summaryHeader: String?
  public var stepsPerSecond: Double
  public var isPaused: Bool
  public var message: String?
  /// Whether the race view is on screen (so the race is the job that runs); set by the
  /// engine's host.
  public var isOpen = false

  public init(
    title: String, distribution: DistributionKind, parameterNames: [String],
    settings: TrainingSettings, step: Int, temperature: Double?, startLoss: Double,
    optimum: Double?, bestOutcome: Int? = nil, lanes: [RaceLaneSnapshot],
    stepsPerSecond: Double = 0,
    isPaused: Bool = false, message: String? = nil
  ) {
    self.title = title
    self.distribution = distribution
    self.parameterNames = parameterNames
    self.settings = settings
    self.step = step
    self.temperature = temperature
    self.startLoss = startLoss
    self.optimum = optimum
    self.bestOutcome = bestOutcome
    self.lanes = lanes
    self.stepsPerSecond = stepsPerSecond
    self.isPaused = isPaused
    self.message = message
  }

  public var isFinished: Bool {
    lanes.allSatisfy { $0.step >= settings.steps || $0.stopped != nil }
  }

  /// Races longer than this are drawn (and paced live) on a log scale of 1 + step.
  public static let logStepThreshold = 200

  /// Whether the step axis is logarithmic: the first hundred steps, where most of the
  /// learning happens, then get as much room as the last thousands.
  public var hasLogSteps: Bool { settings.steps > Self.logStepThreshold }
}

/// One estimator in the live race.
public struct RaceLaneSnapshot: Sendable {
  public var kind: EstimatorKind
  public var step: Int
  public var loss: Double
  /// The distribution's own parameters (logits, `[log-odds]`, `[mean, std]`).
  public var parameters: [Double]
  /// The outcome probabilities (categorical: K; bernoulli: `[1 - p, p]`; gaussian: none).
  public var probabilities: [Double]
  public var curve: LossCurve
  public var reachedStep: Int?
  public var stopped: String?
  /// With many variables, the family's one-number summary of the parameters
  /// (`RaceSnapshot.summaryHeader`).
  public var summary: Double?

  public init(
    kind: EstimatorKind, step: Int, loss: Double, parameters: [Double], probabilities: [Double],
    curve: LossCurve, reachedStep: Int? = nil, stopped: String? = nil
  ) {
    self.kind = kind
    self.step = step
    self.loss = loss
    self.parameters = parameters
    self.probabilities = probabilities
    self.curve = curve
    self.reachedStep = reachedStep
    self.stopped = stopped
  }
}

extension TrainingRace {
  /// The race as the live view draws it (rate and pause state are the engine's to fill in).
  public func snapshot() -> RaceSnapshot {
    var race = RaceSnapshot(
      title: setup.scenario.displayTitle, distribution: setup.scenario.distribution.kind,
      parameterNames: setup.scenario.distribution.parameterNames, settings: setup.settings,
      step: step, temperature: setup.temperature(at: step), startLoss: setup.startLoss,
      optimum: setup.optimum, bestOutcome: setup.bestOutcome,
      lanes: lanes.map { lane in
        RaceLaneSnapshot(
          kind: lane.kind, step: lane.step, loss: lane.loss,
          parameters: lane.problem.distribution.parameters,
          probabilities: lane.problem.probabilities, curve: lane.curve,
          reachedStep: lane.reachedStep, stopped: lane.stopped)
      })
    if setup.scenario.distribution.variables > 1,
      let summary = setup.scenario.distribution.spec.family.trainingSummary(
        setup.scenario.objective)
    {
      race.summaryHeader = summary.header
      for i in race.lanes.indices {
        race.lanes[i].summary = summary.value(race.lanes[i].parameters)
      }
    }
    return race
  }
}
