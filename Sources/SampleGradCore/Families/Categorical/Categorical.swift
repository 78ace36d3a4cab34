extension DistributionKind {
  /// D independent categoricals, `p_d = softmax(θ_d)`, each over K categories.
  public static let categorical = DistributionKind("categorical")
}

/// D independent categorical variables of K categories each, `p_d = softmax(θ_d)`, with the
/// Concrete relaxation at `temperature`. One variable (D = 1) is the classic single
/// categorical. Gradient layout: row-major, (variable d, category k) -> d*K + k.
struct Categorical: RelaxableFamily, EnumerableFamily {
  typealias Sampler = CategoricalSampler
  typealias Relaxation = CategoricalRelaxation

  static let kind = DistributionKind.categorical
  static let keys = [
    FamilyKey("logits", .numbersOrRows), FamilyKey("temperature", .number),
    FamilyKey("dimension", .wholeNumber),
  ]
  /// Categories per variable.
  static let categoryRange = 2...64
  /// At most this many logits in all (D x K).
  static let maximumLogits = 65_536

  /// D rows of K logits, row-major.
  let logits: [Double]
  /// D.
  let variables: Int
  let relaxationTemperature: Double

  /// One variable with these logits.
  init(logits: [Double], temperature: Double) {
    self.logits = logits
    variables = 1
    relaxationTemperature = temperature
  }

  /// D variables, one row of logits each (rows of equal length).
  init(rows: [[Double]], temperature: Double) {
    logits = rows.flatMap { $0 }
    variables = max(rows.count, 1)
    relaxationTemperature = temperature
  }

  private init(flat: [Double], variables: Int, temperature: Double) {
    logits = flat
    self.variables = variables
    relaxationTemperature = temperature
  }

  /// K.
  var categories: Int { logits.count / max(variables, 1) }
  var outcomes: Int { categories }

  /// The logits of variable `d`.
  func row(_ d: Int) -> ArraySlice<Double> {
    let k = categories
    return logits[(d * k)..<((d + 1) * k)]
  }

  static func decode(_ table: inout DistributionTable) -> Categorical? {
    let temperature = table.number("temperature") ?? 1
    let dimension = table.wholeNumber("dimension")
    guard let (rows, wasRows) = table.rows("logits") else {
      table.missing("logits")
      return nil
    }
    if let dimension {
      guard !wasRows else {
        table.problem(
          "dimension", "give either dimension with one row of logits, or one row per variable")
        return nil
      }
      guard (1...maximumLogits).contains(dimension) else {
        table.problem("dimension", "must be 1 or more, got \(dimension)")
        return nil
      }
      return Categorical(
        rows: [[Double]](repeating: rows[0], count: dimension), temperature: temperature)
    }
    if wasRows {
      let lengths = Set(rows.map(\.count))
      guard lengths.count == 1 else {
        table.problem(
          "logits",
          "every row needs the same number of categories, got rows of \(lengths.sorted().map(String.init).joined(separator: ", "))"
        )
        return nil
      }
      guard !rows.isEmpty else {
        table.problem("logits", "lists no variable")
        return nil
      }
    }
    return Categorical(rows: rows, temperature: temperature)
  }

  // MARK: parameters

  var parameters: [Double] { logits }

  var parameterNames: [String] {
    let k = categories
    guard variables > 1 else { return (1...max(logits.count, 1)).map { "logit \($0)" } }
    return logits.indices.map { "logit \($0 % k + 1) of variable \($0 / k + 1)" }
  }

  func with(parameter index: Int, value: Double) -> Categorical {
    var copy = logits
    copy[index] = value
    return Categorical(flat: copy, variables: variables, temperature: relaxationTemperature)
  }

  func with(variables n: Int) -> Categorical? {
    Categorical(
      rows: (0..<n).map { Array(row($0 % variables)) }, temperature: relaxationTemperature)
  }

  var temperature: Double? { relaxationTemperature }

  func with(temperature: Double) -> Categorical {
    Categorical(flat: logits, variables: variables, temperature: temperature)
  }

  /// K values (every variable's row), or all D x K.
  func with(logits new: [Double], scenario name: String) -> Result<Categorical, InvalidScenario> {
    let k = categories
    if new.count == logits.count {
      return .success(
        Categorical(flat: new, variables: variables, temperature: relaxationTemperature))
    }
    if variables > 1, new.count == k {
      let rows = [[Double]](repeating: new, count: variables)
      return .success(Categorical(rows: rows, temperature: relaxationTemperature))
    }
    let expected = variables > 1 ? "\(variables) variables of \(k) categories" : "\(k) categories"
    let accepted = variables > 1 ? " (give \(k) values for every variable, or \(logits.count))" : ""
    return .failure(
      InvalidScenario(
        key: "distribution.logits",
        "scenario '\(name)' has \(expected), got \(NumberFormat.count(new.count, "value"))\(accepted)"
      ))
  }

  var problems: [ScenarioProblem] {
    var found: [ScenarioProblem] = []
    let k = categories
    if variables == 1 {
      if !Self.categoryRange.contains(logits.count) {
        found.append(
          ScenarioProblem(
            key: "distribution.logits",
            message: "needs 2 to 64 values (one per category), got \(logits.count)"))
      }
      found += ScenarioRules.inRange(logits, NumericDomain.logit, key: "distribution.logits")
    } else {
      if !Self.categoryRange.contains(k) {
        found.append(
          ScenarioProblem(
            key: "distribution.logits",
            message: "needs 2 to 64 categories per variable, got \(k)"))
      }
      if logits.count > Self.maximumLogits {
        found.append(
          ScenarioProblem(
            key: "distribution.logits",
            message:
              "needs at most \(Self.maximumLogits) logits in all (variables x categories), got \(variables) x \(k)"
          ))
      }
      if let i = logits.firstIndex(where: { !NumericDomain.logit.contains($0) }) {
        found.append(
          ScenarioProblem(
            key: "distribution.logits",
            message:
              "must be \(NumericDomain.describe(NumericDomain.logit)), got \(NumericDomain.show(logits[i])) (logit \(i % k + 1) of variable \(i / k + 1))"
          ))
      }
    }
    found += ScenarioRules.temperature(relaxationTemperature)
    return found
  }

  var capabilities: DistributionCapabilities { [.discrete, .relaxation, .conditionalRelaxation] }

  var probabilities: [Double] {
    guard variables > 1 else { return LogSpace.softmax(logits) }
    return (0..<variables).flatMap { LogSpace.softmax(Array(row($0))) }
  }

  var objectiveLayout: ObjectiveLayout {
    let k = Self.categoryRange.contains(categories) ? categories : 0
    return ObjectiveLayout(
      variables: variables, coordinates: max(k, 1), outcomes: k,
      outcomeValues: (0..<k).map(Double.init), isVector: true)
  }

  // MARK: training

  var optimizerVector: [Double] { logits }

  func at(optimizerVector theta: [Double], temperature: Double?) -> Categorical {
    Categorical(
      flat: theta, variables: variables, temperature: temperature ?? relaxationTemperature)
  }

  func chain(_ gradient: inout [Double]) {}

  // MARK: words

  var summary: String {
    guard variables > 1 else {
      return "categorical, logits [\(logits.map(NumberFormat.short).joined(separator: ", "))]"
    }
    let shown = logits.prefix(16).map(NumberFormat.short).joined(separator: ", ")
    let more = logits.count > 16 ? ", …" : ""
    return "\(variables) categoricals of \(categories), logits [\(shown)\(more)]"
  }

  var parametersLabel: String { "logits" }

  func shape(compact: Bool) -> String {
    let k = compact ? " K=\(categories)" : ", K = \(categories)"
    guard variables > 1 else { return "categorical" + k }
    return "\(variables) categoricals" + k
  }

  func parameterFormula(theta: String) -> String {
    variables > 1 ? "p_d = softmax(\(theta)_d)" : "p = softmax(\(theta))"
  }

  func probability(ofParameter index: Int, in probabilities: [Double]) -> Double? {
    probabilities.indices.contains(index) ? probabilities[index] : nil
  }

  /// p of the best category (one variable), or its mean over the variables for
  /// mean-squared, whose best category is the same for every variable.
  func trainingSummary(_ objective: Objective) -> TrainingSummary? {
    let k = categories
    let n = variables
    let best: Int?
    if objective.kind.takesManyVariables {
      guard case .meanSquared = objective.spec else { return nil }
      let terms = objective.values.map(objective.term)
      best = terms.indices.min { terms[$0] < terms[$1] }
    } else {
      let values = objective.outcomeValues
      best = values.indices.min { values[$0] < values[$1] }
    }
    guard let best else { return nil }
    return TrainingSummary(header: n == 1 ? "p(best)" : "mean p(best)") { theta in
      var total = 0.0
      for d in 0..<n { total += LogSpace.softmax(Array(theta[(d * k)..<((d + 1) * k)]))[best] }
      return total / Double(n)
    }
  }

  var outcomeNames: [String] {
    let k = categories
    guard variables > 1 else { return (0..<k).map { "x = \($0 + 1)" } }
    return (0..<(variables * k)).map { "x\($0 / k + 1) = \($0 % k + 1)" }
  }

  func jsonFields(probabilities: [Double]) -> [(String, JSONValue)] {
    var fields: [(String, JSONValue)] = []
    if variables > 1 {
      fields.append(("variables", .integer(variables)))
      fields.append(("categories", .integer(categories)))
    }
    fields.append(("logits", .numbers(logits)))
    fields.append(("probabilities", .numbers(probabilities)))
    return fields
  }
}

extension Categorical {
  func makeOutcomeSource(_ problem: GradientProblem) -> any OutcomeSource {
    CategoricalOutcomes(problem: problem)
  }
}
