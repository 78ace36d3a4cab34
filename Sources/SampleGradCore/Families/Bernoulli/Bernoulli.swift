import Foundation

extension DistributionKind {
  /// D independent bits, `p_d = sigmoid(l_d)`.
  public static let bernoulli = DistributionKind("bernoulli")
}

/// D independent bits, `b_d ~ Bernoulli(sigmoid(l_d))`, with the binary Concrete relaxation at
/// `temperature`. One bit (D = 1) is the classic single bernoulli. Gradient layout: the D
/// log-odds.
struct Bernoulli: RelaxableFamily, EnumerableFamily {
  typealias Sampler = BernoulliSampler
  typealias Relaxation = BernoulliRelaxation

  static let kind = DistributionKind.bernoulli
  static let keys = [
    FamilyKey("logits", .numbersOrRows), FamilyKey("temperature", .number),
    FamilyKey("dimension", .wholeNumber), FamilyKey("logit", .number),
  ]
  /// Bits a scenario may hold.
  static let variableRange = 1...1024

  /// The log-odds of each bit.
  let logOdds: [Double]
  let relaxationTemperature: Double

  init(logOdds: [Double], temperature: Double) {
    self.logOdds = logOdds
    relaxationTemperature = temperature
  }

  var variables: Int { logOdds.count }
  var outcomes: Int { 2 }

  static func decode(_ table: inout DistributionTable) -> Bernoulli? {
    let temperature = table.number("temperature") ?? 1
    if let dimension = table.wholeNumber("dimension") {
      if table.has("logits") {
        table.problem("logits", "give either dimension with logit, or logits (one per bit)")
        return nil
      }
      guard let logit = table.number("logit") else {
        table.problem("logit", "is missing (the log-odds every one of the \(dimension) bits takes)")
        return nil
      }
      guard variableRange.contains(dimension) else {
        table.problem(
          "dimension", "must be between 1 and \(variableRange.upperBound), got \(dimension)")
        return nil
      }
      return Bernoulli(
        logOdds: [Double](repeating: logit, count: dimension), temperature: temperature)
    }
    if table.has("logit") {
      _ = table.number("logit")
      table.problem("logit", "applies only with dimension (else give logits, one per bit)")
      return nil
    }
    guard let (values, _) = table.numbers("logits") else {
      if !table.has("logits") {
        table.problem("logits", "is missing (one log-odds per bit, or dimension with logit)")
      }
      return nil
    }
    return Bernoulli(logOdds: values, temperature: temperature)
  }

  // MARK: parameters

  var parameters: [Double] { logOdds }

  var parameterNames: [String] {
    variables == 1 ? ["log-odds"] : (1...variables).map { "log-odds \($0)" }
  }

  func with(parameter index: Int, value: Double) -> Bernoulli {
    var copy = logOdds
    copy[index] = value
    return Bernoulli(logOdds: copy, temperature: relaxationTemperature)
  }

  func with(variables n: Int) -> Bernoulli? {
    Bernoulli(
      logOdds: (0..<n).map { logOdds[$0 % logOdds.count] }, temperature: relaxationTemperature)
  }

  var temperature: Double? { relaxationTemperature }

  func with(temperature: Double) -> Bernoulli {
    Bernoulli(logOdds: logOdds, temperature: temperature)
  }

  /// One value (every bit), or one per bit.
  func with(logits new: [Double], scenario name: String) -> Result<Bernoulli, InvalidScenario> {
    if new.count == variables || new.count == 1 && variables > 1 {
      let values = new.count == 1 ? [Double](repeating: new[0], count: variables) : new
      return .success(Bernoulli(logOdds: values, temperature: relaxationTemperature))
    }
    let message =
      variables == 1
      ? "a bernoulli has one log-odds, got \(NumberFormat.count(new.count, "value"))"
      : "this bernoulli has \(variables) log-odds, got \(NumberFormat.count(new.count, "value")) (give 1 for every bit, or \(variables))"
    return .failure(InvalidScenario(key: "distribution.logits", message))
  }

  var problems: [ScenarioProblem] {
    var found: [ScenarioProblem] = []
    if !Self.variableRange.contains(variables) {
      found.append(
        ScenarioProblem(
          key: "distribution.logits",
          message:
            "needs 1 to \(Self.variableRange.upperBound) log-odds (one per bit), got \(variables)"
        ))
    }
    found += ScenarioRules.inRange(logOdds, NumericDomain.logit, key: "distribution.logits")
    found += ScenarioRules.temperature(relaxationTemperature)
    return found
  }

  var capabilities: DistributionCapabilities {
    [.discrete, .relaxation, .conditionalRelaxation, .binary]
  }

  /// `[1 - p_d, p_d]` for each bit, each side its own sigmoid (no `1 - p`).
  var probabilities: [Double] {
    logOdds.flatMap { [LogSpace.sigmoid(-$0), LogSpace.sigmoid($0)] }
  }

  var objectiveLayout: ObjectiveLayout {
    ObjectiveLayout(
      variables: variables, coordinates: 1, outcomes: 2, outcomeValues: [0, 1], isVector: false)
  }

  // MARK: training

  var optimizerVector: [Double] { logOdds }

  func at(optimizerVector theta: [Double], temperature: Double?) -> Bernoulli {
    Bernoulli(logOdds: theta, temperature: temperature ?? relaxationTemperature)
  }

  func chain(_ gradient: inout [Double]) {}

  // MARK: words

  var summary: String {
    guard variables > 1 else { return "bernoulli, log-odds \(NumberFormat.short(logOdds[0]))" }
    let shown = logOdds.prefix(16).map(NumberFormat.short).joined(separator: ", ")
    let more = variables > 16 ? ", …" : ""
    return "\(variables) bernoulli bits, log-odds [\(shown)\(more)]"
  }

  var parametersLabel: String { "log-odds" }

  func shape(compact: Bool) -> String {
    guard variables > 1 else { return compact ? "bernoulli K=2" : "bernoulli, K = 2" }
    return "\(variables) bits"
  }

  func parameterFormula(theta: String) -> String {
    variables > 1 ? "p_d = P(b_d=1) = sigmoid(l_d)" : "p = P(b=1) = sigmoid(l)"
  }

  func probability(ofParameter index: Int, in probabilities: [Double]) -> Double? {
    probabilities.indices.contains(2 * index + 1) ? probabilities[2 * index + 1] : nil
  }

  /// p(b = 1), or its mean over the bits.
  func trainingSummary(_ objective: Objective) -> TrainingSummary? {
    TrainingSummary(header: variables == 1 ? "p(b = 1)" : "mean p(b = 1)") { theta in
      theta.reduce(0) { $0 + LogSpace.sigmoid($1) } / Double(theta.count)
    }
  }

  var outcomeNames: [String] {
    guard variables > 1 else { return ["b = 0", "b = 1"] }
    return (0..<(2 * variables)).map { "b\($0 / 2 + 1) = \($0 % 2)" }
  }

  func jsonFields(probabilities: [Double]) -> [(String, JSONValue)] {
    var fields: [(String, JSONValue)] = []
    if variables > 1 { fields.append(("variables", .integer(variables))) }
    fields.append(("logits", .numbers(logOdds)))
    fields.append(("probabilities", .numbers(probabilities)))
    return fields
  }
}

extension Bernoulli {
  /// One bit, a one-variable objective: `dL/dl = p (1 - p) (f(1) - f(0))`. Many bits (or
  /// `mean-squared`, `squared-mean`): the objective's closed form in the marginals, chained
  /// through each sigmoid, `dL/dl_d = p_d (1 - p_d) (a_d1 - a_d0)`.
  func exact(_ objective: Objective) -> ExactSolution {
    if case .model(let model) = objective.spec {
      // The model's own enumeration; NaN where it has none (a caller that needs the truth
      // computes it for a batch at once and passes it to `GradientProblem`).
      return model.function.exact(logOdds: logOdds)
        ?? .notComputed(dimension: variables)
    }
    guard objective.kind.takesManyVariables else {
      let l = logOdds[0]
      let p = LogSpace.sigmoid(l)
      let q = LogSpace.sigmoid(-l)
      let f0 = objective.outcomeValues[0]
      let f1 = objective.outcomeValues[1]
      return ExactSolution(loss: p * f1 + q * f0, gradient: [p * q * (f1 - f0)])
    }
    let (loss, slopes) = objective.marginalExact(probabilities)
    let gradient = logOdds.indices.map { d in
      LogSpace.sigmoid(logOdds[d]) * LogSpace.sigmoid(-logOdds[d])
        * (slopes[2 * d + 1] - slopes[2 * d])
    }
    return ExactSolution(loss: loss, gradient: gradient)
  }

  /// The better outcome's `f` (one bit); for many bits, the objective's own infimum.
  func optimum(_ objective: Objective) -> Double? {
    guard objective.kind.takesManyVariables else { return objective.outcomeValues.min() }
    return objective.manyVariableOptimum
  }
}

extension Bernoulli {
  func makeOutcomeSource(_ problem: GradientProblem) -> any OutcomeSource {
    BernoulliOutcomes(problem: problem)
  }
}
