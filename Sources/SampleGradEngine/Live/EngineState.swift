import Dispatch
import Foundation
import SampleGradCore

/// The engine's numbers as a plain value: apply a command, step a batch, take a snapshot.
/// Tests drive it synchronously; `SamplingEngine` runs it on a background queue.
package struct EngineState {
  package private(set) var scenario: Scenario
  /// The scenario as loaded, which `restoreParameters` goes back to.
  package private(set) var loaded: Scenario
  package private(set) var isPaused = false
  package private(set) var generation = 0
  package private(set) var message: String?
  var enabled: Set<EstimatorKind>
  var samplers: [EstimatorKind: GradientSampler] = [:]
  var moments: [EstimatorKind: RunningMoments] = [:]
  var history = VarianceHistory()
  /// Estimates drawn per enabled row since the history began (the chart's x axis).
  var drawn = 0
  var outcomeSampler: OutcomeSampler
  var histogram: Histogram
  var relaxed: RunningMoments
  var relaxedRows: [[Double]] = []
  var outcomeStream: Xoshiro256StarStar
  var streams: [EstimatorKind: Xoshiro256StarStar] = [:]
  let seed: UInt64
  var problem: GradientProblem
  /// The estimators shown: every one whose distribution needs are met, in registry order
  /// (one the objective cannot serve is listed with the reason instead of numbers). Kept
  /// with the scenario (`rebuild`), not filtered from the registry at every step.
  package private(set) var rows: [EstimatorKind] = []
  package private(set) var samplesPerSecond = 0.0

  /// Relaxed rows kept for the screen.
  package static let relaxedRowLimit = 12
  package init(scenario: Scenario, seed: UInt64 = Scenario.defaultSeed) {
    self.scenario = scenario
    loaded = scenario
    self.seed = seed
    outcomeStream = Xoshiro256StarStar(seed: seed)
    problem = scenario.problem
    enabled = Set(scenario.estimators)
    outcomeSampler = OutcomeSampler(problem: problem)
    histogram = outcomeSampler.makeHistogram()
    relaxed = RunningMoments(dimension: problem.probabilities.count)
    rebuild(keepHistory: false)
  }

  /// Applies one command. Returns false (and sets `message`) if it was refused.
  @discardableResult
  package mutating func apply(_ command: EngineCommand) -> Bool {
    message = nil
    switch command {
    case .setParameter(let index, let value):
      return setParameter(index, value)
    case .nudgeParameter(let index, let delta):
      guard scenario.distribution.parameters.indices.contains(index) else { return false }
      return setParameter(index, scenario.distribution.parameters[index] + delta)
    case .stepParameter(let index, let up, let size):
      switch ParameterStep.next(scenario.distribution.spec, parameter: index, up: up, size: size) {
      case .success(let value): return setParameter(index, value)
      case .failure(let refusal): return refuse(refusal.description)
      }
    case .restoreParameters:
      guard scenario.distribution != loaded.distribution else {
        return refuse("the parameters are the preset's already")
      }
      let restored = loaded.distribution.spec
      return change { s throws(InvalidScenario) in try s.with(distribution: restored) }
    case .setTemperature(let t):
      return setTemperature(t)
    case .setLogits(let values):
      return change { s throws(InvalidScenario) in try s.with(logits: values) }
    case .set(let setting, let value):
      return change { s throws(InvalidScenario) in try s.with(setting, value: value) }
    case .scaleTemperature(let factor):
      guard let t = scenario.distribution.temperature else {
        return refuse("a \(scenario.distribution.kind.rawValue) has no temperature")
      }
      let range = Scenario.temperatureRange
      let next = min(max(t * factor, range.lowerBound), range.upperBound)
      if next == t {
        return refuse(
          "temperature is already at its \(factor < 1 ? "minimum" : "maximum") (\(NumberFormat.short(t)))"
        )
      }
      return setTemperature(next)
    case .toggleEstimator(let kind):
      if let reason = EstimatorNotApplicable.check(
        kind, distribution: scenario.distribution.spec, objective: scenario.objective.kind)
      {
        return refuse(reason.description)
      }
      if enabled.contains(kind) { enabled.remove(kind) } else { enabled.insert(kind) }
      return true
    case .pause: isPaused = true
    case .resume: isPaused = false
    case .togglePause: isPaused.toggle()
    case .step:
      return true
    case .resetStatistics:
      resetStatistics(keepHistory: false)
    case .load(let scenario):
      self.scenario = scenario
      loaded = scenario
      enabled = Set(scenario.estimators)
      rebuild(keepHistory: false)
    }
    return true
  }

  private mutating func refuse(_ text: String) -> Bool {
    message = text
    return false
  }

  private mutating func setParameter(_ index: Int, _ value: Double) -> Bool {
    guard scenario.distribution.parameters.indices.contains(index) else {
      return refuse("no parameter \(index + 1)")
    }
    return change { s throws(InvalidScenario) in try s.with(parameter: index, value: value) }
  }

  private mutating func setTemperature(_ t: Double) -> Bool {
    guard scenario.distribution.temperature != nil else {
      return refuse("a \(scenario.distribution.kind.rawValue) has no temperature")
    }
    return change { s throws(InvalidScenario) in try s.with(temperature: t) }
  }

  /// Moves to new parameters if the scenario's own rules accept them (the same rules a
  /// scenario file must pass); otherwise keeps the state and says why.
  private mutating func change(_ edit: (Scenario) throws(InvalidScenario) -> Scenario) -> Bool {
    let before = scenario.distribution.spec
    do throws(InvalidScenario) {
      scenario = try edit(scenario)
    } catch {
      return refuse(error.problems.first.map(Self.plainWords) ?? error.description)
    }
    history.markChange(from: before, to: scenario.distribution.spec)
    rebuild(keepHistory: true)
    return true
  }

  /// A rule the new parameters break, without the file's key prefix: `std must be greater
  /// than 0, got -0.1` rather than `distribution.std: must be ...`.
  static func plainWords(_ problem: ScenarioProblem) -> String {
    let prefix = "distribution."
    let name =
      problem.key.hasPrefix(prefix) ? String(problem.key.dropFirst(prefix.count)) : problem.key
    return name.isEmpty ? problem.message : "\(name) \(problem.message)"
  }

  /// New parameters: new samplers and fresh statistics, keeping (or not) the history.
  private mutating func rebuild(keepHistory: Bool) {
    problem = scenario.problem
    rows = EstimatorRegistry.kinds(for: scenario.distribution.spec)
    outcomeSampler = OutcomeSampler(problem: problem)
    samplers = [:]
    for kind in rows {
      samplers[kind] = try? GradientSampler(problem: problem, kind: kind)
      if streams[kind] == nil {
        // The estimator's own stream, as in `run`; the last chunk index keeps the live
        // explorer's numbers apart from a headless run's.
        streams[kind] = Xoshiro256StarStar(seed: seed, stream: kind.streamIndex, chunk: .max)
      }
    }
    generation += 1
    resetStatistics(keepHistory: keepHistory)
  }

  private mutating func resetStatistics(keepHistory: Bool) {
    histogram = outcomeSampler.makeHistogram()
    relaxed = RunningMoments(dimension: problem.probabilities.count)
    relaxedRows = []
    moments = [:]
    for kind in rows {
      moments[kind] = RunningMoments(estimatesOf: problem)
      samplers[kind]?.resetState()
    }
    if !keepHistory {
      history = VarianceHistory()
      drawn = 0
    }
  }

  /// Draws `samples` outcomes and `samples` estimates from each enabled estimator, the
  /// estimators in parallel (each has its own sampler, generator and accumulator).
  package mutating func step(samples: Int) {
    var relaxedMoments = relaxed
    outcomeSampler.run(
      count: samples, using: &outcomeStream, histogram: &histogram, relaxed: &relaxedMoments)
    relaxed = relaxedMoments
    if outcomeSampler.relaxedDimension > 0 {
      relaxedRows.append(outcomeSampler.latestRelaxed)
      if relaxedRows.count > Self.relaxedRowLimit { relaxedRows.removeFirst() }
    }
    let lanes = rows.filter { enabled.contains($0) }.compactMap { kind -> EstimatorLane? in
      guard let sampler = samplers[kind], let m = moments[kind], let stream = streams[kind] else {
        return nil
      }
      return EstimatorLane(sampler: sampler, moments: m, rng: stream)
    }
    if lanes.count > 1 {
      DispatchQueue.concurrentPerform(iterations: lanes.count) { lanes[$0].run(samples) }
    } else {
      lanes.first?.run(samples)
    }
    for lane in lanes {
      moments[lane.sampler.kind] = lane.moments
      streams[lane.sampler.kind] = lane.rng
    }
    drawn += samples
  }

  /// Adds one point to the variance history: the running variances of the enabled rows that
  /// have enough estimates since their last restart.
  package mutating func recordHistory() {
    var variances: [EstimatorKind: [Double]] = [:]
    for kind in rows where enabled.contains(kind) {
      guard let m = moments[kind], m.count >= VarianceHistory.minimumSamples else { continue }
      variances[kind] = m.variance
    }
    history.append(drawn: drawn, rows: rows, variances: variances)
  }

  mutating func setRate(_ perSecond: Double) { samplesPerSecond = perSecond }

  /// An immutable picture of everything the screen shows.
  package func snapshot() -> Snapshot {
    let test = histogram.chiSquare
    return Snapshot(
      scenario: scenario, seed: seed, exact: problem.exact, probabilities: problem.probabilities,
      isPaused: isPaused, samples: histogram.total, samplesPerSecond: samplesPerSecond,
      histogram: histogram, chiSquare: test, relaxedRows: relaxedRows,
      relaxedMean: relaxed.count > 0 ? relaxed.mean : [],
      estimators: rows.map { kind in
        let m = moments[kind] ?? RunningMoments(dimension: problem.dimension)
        return EstimatorSnapshot(
          kind: kind, isEnabled: enabled.contains(kind) && samplers[kind] != nil,
          samples: m.count, mean: m.mean, variance: m.variance, standardError: m.standardError,
          exact: problem.exact.gradient, varianceHistory: history.series[kind] ?? [],
          isUnbiased: kind.descriptor.isUnbiased(on: scenario.objective.kind),
          unavailable: EstimatorNotApplicable.check(
            kind, distribution: scenario.distribution.spec, objective: scenario.objective.kind)?
            .shortReason, diagnostics: samplers[kind]?.diagnostics ?? [], moments: m)
      },
      historySamples: history.samples, historyMarks: history.marks,
      loaded: loaded.distribution.spec,
      message: message, generation: generation, problem: problem, surrogate: surrogateCurve())
  }

  /// The learned control variate of the first enabled row that has one, in display order.
  private func surrogateCurve() -> SurrogateCurve? {
    for kind in rows where enabled.contains(kind) {
      if let curve = samplers[kind]?.surrogateCurve() { return curve }
    }
    return nil
  }
}

/// One estimator's share of a batch, run on whichever core is free.
///
/// `@unchecked Sendable`: each lane is touched by exactly one `concurrentPerform` iteration,
/// and read back only after `concurrentPerform` returns, which joins every iteration.
final class EstimatorLane: @unchecked Sendable {
  let sampler: GradientSampler
  var moments: RunningMoments
  var rng: Xoshiro256StarStar

  init(sampler: GradientSampler, moments: RunningMoments, rng: Xoshiro256StarStar) {
    self.sampler = sampler
    self.moments = moments
    self.rng = rng
  }

  func run(_ samples: Int) {
    sampler.run(count: samples, using: &rng, into: &moments)
  }
}
