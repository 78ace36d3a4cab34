import SampleGradCore

/// How estimator rows are labelled: the registry's short name (14 columns) or long name (25),
/// so a new estimator appears on screen without any change here.
enum EstimatorLabel {
  static func name(_ kind: EstimatorKind, wide: Bool) -> String {
    wide ? kind.descriptor.longName : kind.descriptor.shortName
  }
}
