/// Every estimator samplegrad knows: the one place that fans out.
///
/// `all` is in stream order, and stream ids are fixed forever (each pinned by a test):
/// 0 outcomes, 1 exact, 2 score-function, 3 score-function-baseline, 4 reparameterization,
/// 5 gumbel-softmax, 6 straight-through, 7 rebar, 8 argmax, 9 rloo, 10 arm, 11 disarm,
/// 12 gumbel-rao, 13 rebar-auto, 14 measure-valued, 15 indecater, 16 relax, 17 lax,
/// 18 unordered-set, 19 reinmax, 20 arms. A new estimator takes the next free id and one line
/// here.
///
/// Screens and tables list rows in `displayOrder`, a documented teaching order (exact first,
/// then the score-function family, the relaxations, REBAR, ...); the explorer's keys 1..9
/// toggle the first nine rows that apply, in that order.
public enum EstimatorRegistry {
  public static let all: [EstimatorDescriptor] = [
    Exact.descriptor,
    ScoreFunctions.descriptor,
    ScoreFunctions.baselineDescriptor,
    ReparameterizationEstimator.descriptor,
    RelaxedEstimators.gumbelSoftmaxDescriptor,
    RelaxedEstimators.straightThroughDescriptor,
    RebarEstimator.descriptor,
    ArgmaxEstimator.descriptor,
    LeaveOneOutEstimator.descriptor,
    Antithetic.armDescriptor,
    Antithetic.disarmDescriptor,
    GumbelRaoEstimator.descriptor,
    RebarAuto.descriptor,
    MeasureValued.descriptor,
    IndeCateREstimator.descriptor,
    RelaxEstimator.descriptor,
    LaxEstimator.descriptor,
    UnorderedSetEstimator.descriptor,
    ReinMaxEstimator.descriptor,
    ArmsEstimator.descriptor,
  ]

  /// The order rows are listed in (and keys 1..9 assigned), documented in docs/ESTIMATORS.md.
  public static let displayOrder: [EstimatorKind] = [
    .exact, .scoreFunction, .scoreFunctionBaseline, .reparameterization, .gumbelSoftmax,
    .straightThrough, .rebar, .argmax, .rloo, .arm, .disarm, .gumbelRao, .rebarAuto,
    .measureValued, .indecater, .relax, .lax, .unorderedSet, .reinMax, .arms,
  ]

  /// The descriptor of a registered kind.
  public static func descriptor(_ kind: EstimatorKind) -> EstimatorDescriptor {
    all.first { $0.kind == kind }!
  }

  /// Every option any estimator reads, once per key (the first declaration), in registry
  /// order.
  public static let options: [EstimatorOption] = {
    var seen = Set<String>()
    return all.flatMap(\.options).filter { seen.insert($0.key).inserted }
  }()

  /// The option called `key`.
  public static func option(_ key: String) -> EstimatorOption? {
    options.first { $0.key == key }
  }

  /// `eta, draws`.
  public static var optionNames: String { options.map(\.key).joined(separator: ", ") }

  /// The estimators that read option `key`.
  public static func readers(of key: String) -> [EstimatorKind] {
    displayOrder.filter { descriptor($0).options.contains { $0.key == key } }
  }

  /// The estimators that apply to the distribution and, if given, the objective, in display
  /// order. Without an objective only the distribution's needs are checked (an objective may
  /// still fall short; see `EstimatorNotApplicable.check`).
  public static func kinds(for distribution: DistributionSpec, objective: ObjectiveKind? = nil)
    -> [EstimatorKind]
  {
    displayOrder.filter {
      EstimatorNotApplicable.check($0, distribution: distribution, objective: objective) == nil
    }
  }

  /// Those of them whose own rules accept the distribution with these options (unordered-set's
  /// k = 4 is more than a single bit's two outcomes): what a scenario without a list compares.
  public static func kinds(
    for distribution: DistributionSpec, objective: ObjectiveKind, options: EstimatorOptions
  ) -> [EstimatorKind] {
    kinds(for: distribution, objective: objective).filter {
      $0.descriptor.problems(distribution, options: options).isEmpty
    }
  }
}
