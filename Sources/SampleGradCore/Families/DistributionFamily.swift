/// A family of distributions samplegrad differentiates through, as one type: its parameters
/// and the words the screen and errors use for them, its rules, what it offers estimators, its
/// exact loss and gradient, how a training race moves it, and how it is sampled.
///
/// Everything that differs between families lives in the family's own folder (`Families/NAME`)
/// and is reached through this protocol, so a new family is its folder plus one line in
/// `FamilyRegistry.all`; nothing else switches on which family it is. One variable or D
/// independent ones is a parameter of the family, not another family.
protocol DistributionFamily: Sendable, Equatable {
  /// The name scenario files, flags and JSON use.
  static var kind: DistributionKind { get }
  /// The `[distribution]` keys it reads besides `kind`, with their TOML types.
  static var keys: [FamilyKey] { get }
  /// Builds the family from a file's `[distribution]` table. Every problem is recorded in
  /// `table` under its key; nil when the values cannot make a family.
  static func decode(_ table: inout DistributionTable) -> Self?

  // MARK: parameters

  /// The gradient's components, in the documented layout.
  var parameters: [Double] { get }
  /// One label per component, as the screen and the tables show it ("logit 2 of variable 5").
  var parameterNames: [String] { get }
  /// A copy with component `index` (inside `parameters.indices`) set to `value`.
  func with(parameter index: Int, value: Double) -> Self
  /// The same family with `variables` independent variables, the current ones repeated in
  /// turn (variable d takes variable `d mod D`'s parameters), or nil if the family has one
  /// variable only.
  func with(variables: Int) -> Self?
  /// Whether component `index` is a scale (a std): positive, moved by a factor, swept on a
  /// log scale.
  func isScale(parameter index: Int) -> Bool
  /// The relaxation temperature, or nil for a family without a relaxation.
  var temperature: Double? { get }
  /// A copy with a new temperature (unchanged without a relaxation).
  func with(temperature: Double) -> Self
  /// A copy with new logits as `--logits` writes them, or why they do not fit (the message
  /// names the scenario).
  func with(logits: [Double], scenario name: String) -> Result<Self, InvalidScenario>
  /// Every rule the values break, each with its key.
  var problems: [ScenarioProblem] { get }
  /// What it offers estimators.
  var capabilities: DistributionCapabilities { get }

  // MARK: outcomes

  /// Independent variables `D` (1 for a single variable).
  var variables: Int { get }
  /// Outcomes per variable `K` (a bernoulli's 2; 0 for a continuous family).
  var outcomes: Int { get }
  /// Probabilities of each variable's outcomes, `D x K` row-major (empty if continuous).
  var probabilities: [Double] { get }
  /// How an objective reads the family's points.
  var objectiveLayout: ObjectiveLayout { get }

  // MARK: exact answers

  /// The true loss and gradient for an objective validated against this family.
  func exact(_ objective: Objective) -> ExactSolution
  /// The lowest loss any parameters of the family reach for `objective` (an infimum), or nil
  /// where it is unbounded below or not known in closed form.
  func optimum(_ objective: Objective) -> Double?

  // MARK: training

  /// The unconstrained vector an optimiser moves (a gaussian's std as its log).
  var optimizerVector: [Double] { get }
  /// The family at the optimiser's vector, at `temperature` where it has one. Not validated:
  /// a diverged step may give values no family accepts.
  func at(optimizerVector theta: [Double], temperature: Double?) -> Self
  /// Turns a gradient w.r.t. `parameters` into one w.r.t. `optimizerVector`, in place.
  func chain(_ gradient: inout [Double])

  // MARK: words

  /// A short description for headers and tables: `categorical, logits [1, 0.5]`.
  var summary: String { get }
  /// `categorical, K = 4` (compact: `categorical K=4`), `128 bits`, `gaussian`.
  func shape(compact: Bool) -> String
  /// How the parameters make the distribution: `p = softmax(θ)` (with `theta` the symbol
  /// the screen uses for θ).
  func parameterFormula(theta: String) -> String
  /// The probability the row of parameter `index` shows beside it (its category's p, its
  /// bit's P(b = 1)), read from `probabilities` (`D x K`), or nil.
  func probability(ofParameter index: Int, in probabilities: [Double]) -> Double?
  /// What tables call the parameters as a group: `logits`, `log-odds`, `mean, std`.
  var parametersLabel: String { get }
  /// One number that says where training took the parameters (p of the best outcome), or
  /// nil where none does.
  func trainingSummary(_ objective: Objective) -> TrainingSummary?
  /// One label per outcome of each variable (`D x K`): `x = 2`, `b = 1`, `b3 = 1`.
  var outcomeNames: [String] { get }
  /// Its fields in `run`'s JSON `distribution` object, after `kind`.
  func jsonFields(probabilities: [Double]) -> [(String, JSONValue)]

  // MARK: sampling

  /// Draws exact samples, evaluates f at them and writes their scores.
  associatedtype Sampler: ExactSampling
  /// Draws samples of the distribution for the histogram and the relaxed vectors.
  func makeOutcomeSource(_ problem: GradientProblem) -> any OutcomeSource
}

extension DistributionFamily {
  func isScale(parameter index: Int) -> Bool { false }
  func with(variables: Int) -> Self? { nil }

  var kind: DistributionKind { Self.kind }

  /// Whether `other` is the same family with the same values.
  func isEqual(to other: any DistributionFamily) -> Bool {
    guard let other = other as? Self else { return false }
    return self == other
  }
}

/// One number a race table shows per lane (`p(best)`), computed from the family's parameters.
struct TrainingSummary: Sendable {
  let header: String
  let value: @Sendable ([Double]) -> Double
}

/// A family with the Concrete relaxation and its conditional sample (Gumbel-softmax,
/// straight-through, REBAR, Gumbel-Rao, argmax, ReinMax), at any temperature with its
/// derivatives (RELAX).
protocol RelaxableFamily: DistributionFamily {
  associatedtype Relaxation: TemperedRelaxation
}

/// A family of D independent discrete variables whose outcomes can be enumerated one variable
/// at a time (IndeCateR).
protocol EnumerableFamily: DistributionFamily where Sampler: IndependentOutcomes {}

/// A family's name, as scenario files, flags and JSON spell it. Each family declares its own
/// constant in its folder (`DistributionKind.bernoulli` lives in `Bernoulli.swift`).
public struct DistributionKind: Hashable, Sendable, Codable, CustomStringConvertible {
  public let rawValue: String

  init(_ name: String) { rawValue = name }

  /// The registered family with this name, if there is one.
  public init?(rawValue: String) {
    guard FamilyRegistry.all.contains(where: { $0.kind.rawValue == rawValue }) else {
      return nil
    }
    self.rawValue = rawValue
  }

  /// Every registered family, in the registry's order.
  public static var allCases: [DistributionKind] { FamilyRegistry.all.map { $0.kind } }

  public var description: String { rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
