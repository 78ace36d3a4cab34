import Foundation

extension DistributionKind {
  /// `x = mean + std * eps`, `eps ~ N(0, 1)`.
  public static let gaussian = DistributionKind("gaussian")
}

/// One real variable `x = mean + std * eps`; gradients are taken against `(mean, std)` and a
/// race trains `(mean, log std)`, so the std stays positive whatever step the optimiser takes.
struct Gaussian: PathwiseFamily {
  typealias Sampler = GaussianSampler
  typealias Path = GaussianPath

  static let kind = DistributionKind.gaussian
  static let keys = [FamilyKey("mean", .number), FamilyKey("std", .number)]

  let mean: Double
  let std: Double

  init(mean: Double, std: Double) {
    self.mean = mean
    self.std = std
  }

  var variables: Int { 1 }
  var outcomes: Int { 0 }

  static func decode(_ table: inout DistributionTable) -> Gaussian? {
    let mean = table.number("mean")
    let std = table.number("std")
    guard let mean, let std else {
      if !table.has("mean") { table.missing("mean") }
      if !table.has("std") { table.missing("std") }
      return nil
    }
    return Gaussian(mean: mean, std: std)
  }

  // MARK: parameters

  var parameters: [Double] { [mean, std] }
  var parameterNames: [String] { ["mean", "std"] }

  func with(parameter index: Int, value: Double) -> Gaussian {
    index == 0 ? Gaussian(mean: value, std: std) : Gaussian(mean: mean, std: value)
  }

  func isScale(parameter index: Int) -> Bool { index == 1 }

  var temperature: Double? { nil }
  func with(temperature: Double) -> Gaussian { self }

  func with(logits: [Double], scenario name: String) -> Result<Gaussian, InvalidScenario> {
    .failure(
      InvalidScenario(
        key: "distribution.logits", "a gaussian scenario has no logits (it has mean and std)"))
  }

  var problems: [ScenarioProblem] {
    ScenarioRules.inRange([mean], NumericDomain.mean, key: "distribution.mean")
      + ScenarioRules.standardDeviation(std)
  }

  var capabilities: DistributionCapabilities { [.continuous, .measureValued] }
  var probabilities: [Double] { [] }

  var objectiveLayout: ObjectiveLayout {
    ObjectiveLayout(variables: 1, coordinates: 1, outcomes: 0, outcomeValues: [], isVector: false)
  }

  // MARK: training

  var optimizerVector: [Double] { [mean, log(std)] }

  func at(optimizerVector theta: [Double], temperature: Double?) -> Gaussian {
    Gaussian(mean: theta[0], std: exp(theta[1]))
  }

  /// `dL/ds = std dL/dstd` for `std = exp(s)`.
  func chain(_ gradient: inout [Double]) { gradient[1] *= std }

  // MARK: words

  var summary: String {
    "gaussian, mean \(NumberFormat.short(mean)), std \(NumberFormat.short(std))"
  }

  var outcomeNames: [String] { [] }
  var parametersLabel: String { "mean, std" }
  func shape(compact: Bool) -> String { "gaussian" }
  func parameterFormula(theta: String) -> String { "x = mean + std * eps" }
  func probability(ofParameter index: Int, in probabilities: [Double]) -> Double? { nil }
  func trainingSummary(_ objective: Objective) -> TrainingSummary? { nil }

  func jsonFields(probabilities: [Double]) -> [(String, JSONValue)] {
    [("mean", .number(mean)), ("std", .number(std))]
  }

  func makeOutcomeSource(_ problem: GradientProblem) -> any OutcomeSource {
    GaussianOutcomes(problem: problem)
  }
}

extension Gaussian {
  /// Closed forms for `x ~ N(mean, std^2)`.
  func exact(_ objective: Objective) -> ExactSolution {
    let mu = mean
    let sigma = std
    switch objective.spec {
    case .linear(let w):
      return ExactSolution(loss: w[0] * mu, gradient: [w[0], 0])
    case .quadratic(let target):
      // L = (mu - k)^2 + sigma^2.
      let k = target[0]
      return ExactSolution(
        loss: (mu - k) * (mu - k) + sigma * sigma, gradient: [2 * (mu - k), 2 * sigma])
    case .cosine(let w):
      // L = cos(w mu) exp(-w^2 sigma^2 / 2).
      let damping = exp(-w * w * sigma * sigma / 2)
      return ExactSolution(
        loss: cos(w * mu) * damping,
        gradient: [-w * sin(w * mu) * damping, -w * w * sigma * cos(w * mu) * damping])
    case .step(let c):
      // L = P(x > c) = erfc(s / sqrt 2) / 2 with s = (c - mu) / sigma; dL/dmu = phi(s) / sigma,
      // dL/dsigma = phi(s) s / sigma. erfc keeps the far tail accurate (no 1 - Phi).
      let s = (c - mu) / sigma
      let density = exp(-s * s / 2) / (2 * Double.pi).squareRoot()
      return ExactSolution(
        loss: 0.5 * erfc(s / 2.0.squareRoot()), gradient: [density / sigma, density * s / sigma])
    case .table, .meanSquared, .squaredMean, .model:
      return ExactSolution(loss: 0, gradient: [0, 0])
    }
  }

  /// - `(x - k)^2`: `L = (mean - k)^2 + std^2`, infimum 0 (mean = k, std -> 0).
  /// - `cos(w x)`: `L = cos(w mean) exp(-w^2 std^2 / 2)`, infimum -1 (`w mean = pi`,
  ///   std -> 0); 1 when `w = 0`.
  /// - `1[x > c]`: `L = P(x > c)`, infimum 0 (mean -> -infinity).
  /// - `w x`: `L = w mean`, unbounded below unless `w = 0`.
  func optimum(_ objective: Objective) -> Double? {
    switch objective.spec {
    case .quadratic, .step: return 0
    case .cosine(let w): return w == 0 ? 1 : -1
    case .linear(let w): return w[0] == 0 ? 0 : nil
    case .table, .meanSquared, .squaredMean, .model: return nil
    }
  }
}
