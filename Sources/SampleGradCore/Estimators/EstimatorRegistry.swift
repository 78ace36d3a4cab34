/// Every estimator samplegrad knows, in display order: the one place that fans out.
///
/// Stream ids (fixed forever): 0 outcomes, 1 exact, 2 score-function,
/// 3 score-function-baseline, 4 reparameterization, 5 gumbel-softmax, 6 straight-through,
/// 7 rebar, 8 argmax, 9 rloo, 10 arm, 11 disarm, 12 gumbel-rao, 13 rebar-auto,
/// 14 measure-valued. A new estimator takes the next free id.
public enum EstimatorRegistry {
  public static let all: [EstimatorDescriptor] = [
    Exact.descriptor,
    ScoreFunction.descriptor,
    ScoreFunction.baselineDescriptor,
    Reparameterization.descriptor,
    Relaxed.gumbelSoftmaxDescriptor,
    Relaxed.straightThroughDescriptor,
    Rebar.descriptor,
    Argmax.descriptor,
    LeaveOneOut.descriptor,
    Antithetic.armDescriptor,
    Antithetic.disarmDescriptor,
    GumbelRao.descriptor,
    RebarAuto.descriptor,
    MeasureValued.descriptor,
  ]

  /// The descriptor of a registered kind.
  public static func descriptor(_ kind: EstimatorKind) -> EstimatorDescriptor {
    all.first { $0.kind == kind }!
  }

  /// The estimators that apply to the distribution and, if given, the objective. Without
  /// one, only the distribution's needs are checked (an objective may still fall short; see
  /// `EstimatorNotApplicable.check`).
  public static func kinds(for distribution: DistributionSpec, objective: ObjectiveKind? = nil)
    -> [EstimatorKind]
  {
    all.map(\.kind).filter {
      EstimatorNotApplicable.check($0, distribution: distribution, objective: objective) == nil
    }
  }
}
