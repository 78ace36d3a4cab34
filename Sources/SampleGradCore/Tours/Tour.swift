/// A lecture: steps in order, each a setting of the explorer with a caption for the class and
/// claims about the numbers that a headless check keeps true as the code changes.
public struct Tour: Sendable, Equatable {
  public let name: String
  public let title: String
  public let steps: [TourStep]

  public init(name: String, title: String, steps: [TourStep]) {
    self.name = name
    self.title = title
    self.steps = steps
  }
}

/// What a tour step shows: which view of the explorer.
public enum TourView: String, Sendable, CaseIterable, Codable {
  case live, sweep, race, overview
}

/// One step: a preset, or changes to the previous step's setting, a caption, and checks.
public struct TourStep: Sendable, Equatable {
  public var title: String
  public var caption: String
  /// A preset name or path; the first step must name one.
  public var preset: String?
  public var temperature: Double?
  public var logits: [Double]?
  public var mean: Double?
  public var std: Double?
  public var estimators: [EstimatorKind]?
  public var view: TourView
  /// The parameter the explorer selects, counting from 1 as the screen does.
  public var select: Int?
  /// Samples per estimator for the checks (default: the scenario's, else 100000).
  public var samples: Int?
  public var checks: [CheckExpression]

  public init(
    title: String, caption: String, preset: String? = nil, temperature: Double? = nil,
    logits: [Double]? = nil, mean: Double? = nil, std: Double? = nil,
    estimators: [EstimatorKind]? = nil, view: TourView = .live, select: Int? = nil,
    samples: Int? = nil, checks: [CheckExpression] = []
  ) {
    self.title = title
    self.caption = caption
    self.preset = preset
    self.temperature = temperature
    self.logits = logits
    self.mean = mean
    self.std = std
    self.estimators = estimators
    self.view = view
    self.select = select
    self.samples = samples
    self.checks = checks
  }

  /// This step's scenario: its preset, or `previous` with this step's changes, each checked by
  /// the scenario's own rules. Problems name the step's keys.
  public func scenario(after previous: Scenario?, presets: PresetLibrary) throws(InvalidScenario)
    -> Scenario
  {
    var scenario: Scenario
    if try model(presets: presets) != nil {
      // A model preset's step keeps the explorer's scenario (Escape returns to it).
      guard let previous else {
        throw InvalidScenario(
          key: "preset",
          "'\(preset ?? "")' is a model preset: the first step must name a scenario")
      }
      return previous
    }
    if let preset {
      do throws(ScenarioError) {
        scenario = try presets.load(preset)
      } catch {
        throw InvalidScenario(
          key: "preset", error.problems.first.map { "'\(preset)': \($0.message)" } ?? preset)
      }
    } else if let previous {
      scenario = previous
    } else {
      throw InvalidScenario(key: "preset", "is missing (the first step must name a preset)")
    }
    func change(_ key: String, _ edit: (Scenario) throws(InvalidScenario) -> Scenario)
      throws(InvalidScenario)
    {
      do throws(InvalidScenario) {
        scenario = try edit(scenario)
      } catch {
        throw InvalidScenario(error.problems.map { ScenarioProblem(key: key, message: $0.message) })
      }
    }
    if let temperature {
      try change("temperature") { s throws(InvalidScenario) in try s.with(temperature: temperature)
      }
    }
    if let logits {
      try change("logits") { s throws(InvalidScenario) in try s.with(logits: logits) }
    }
    for (key, value) in [("mean", mean), ("std", std)] {
      guard let value else { continue }
      try change(key) { s throws(InvalidScenario) in
        guard let index = s.distribution.parameterNames.firstIndex(of: key) else {
          throw InvalidScenario(
            key: key, "this step's \(s.distribution.kind.rawValue) distribution has no \(key)")
        }
        return try s.with(parameter: index, value: value)
      }
    }
    if let estimators {
      try change("estimators") { s throws(InvalidScenario) in try s.with(estimators: estimators) }
    }
    if let select {
      let problems = ScenarioRules.inRange(
        select, 1...scenario.distribution.parameterCount, key: "select")
      guard problems.isEmpty else { throw InvalidScenario(problems) }
    }
    for (i, check) in checks.enumerated() {
      if let problem = check.problem(in: scenario) {
        throw InvalidScenario(key: "checks[\(i + 1)]", problem)
      }
    }
    return scenario
  }
}

extension Tour {
  /// Every step's scenario, in order; the error names the step and the key.
  public func scenarios(presets: PresetLibrary) throws(InvalidScenario) -> [Scenario] {
    var result: [Scenario] = []
    var problems: [ScenarioProblem] = []
    for (i, step) in steps.enumerated() {
      do throws(InvalidScenario) {
        result.append(try step.scenario(after: result.last, presets: presets))
      } catch {
        problems += error.problems.map {
          ScenarioProblem(key: "step \(i + 1).\($0.key)", message: $0.message)
        }
        if result.isEmpty { break }  // later steps build on this one
        result.append(result.last!)
      }
    }
    guard problems.isEmpty else { throw InvalidScenario(problems) }
    return result
  }

  /// `scenarios(presets:)` with its problems reported as from `source`: the tour's file
  /// (`samplegrad check`) or the name it was asked for by (`samplegrad tour`).
  public func scenarios(presets: PresetLibrary, source: String) throws(ScenarioError)
    -> [Scenario]
  {
    do throws(InvalidScenario) {
      return try scenarios(presets: presets)
    } catch {
      throw ScenarioError(source: source, error)
    }
  }
}
