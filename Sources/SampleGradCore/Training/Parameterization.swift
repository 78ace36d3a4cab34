/// The unconstrained vector an optimiser moves for each family (its `optimizerVector`: the
/// logits, the log-odds, or a gaussian's `(mean, log std)`, so the std stays positive whatever
/// step the optimiser takes).
///
/// Estimators return gradients in the distribution's own parameters; the family chains them
/// to the optimiser's vector (a gaussian's std component through `std = exp(s)`:
/// `dL/ds = std dL/dstd`).
public enum Parameterization {
  /// The optimiser's vector for a distribution.
  public static func vector(of spec: DistributionSpec) -> [Double] {
    spec.family.optimizerVector
  }

  /// The distribution at the optimiser's vector `theta` (same family and size as `spec`),
  /// at `temperature` where the family has one. Not yet validated: a diverged step may give
  /// a value no distribution accepts.
  public static func distribution(
    at theta: [Double], like spec: DistributionSpec, temperature: Double?
  ) -> DistributionSpec {
    DistributionSpec(family: spec.family.at(optimizerVector: theta, temperature: temperature))
  }

  /// Turns a gradient w.r.t. the distribution's parameters into one w.r.t. the optimiser's
  /// vector, in place.
  public static func chain(_ gradient: inout [Double], for spec: DistributionSpec) {
    spec.family.chain(&gradient)
  }
}
