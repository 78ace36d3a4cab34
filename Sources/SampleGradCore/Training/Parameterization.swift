import Foundation

/// The unconstrained vector an optimiser moves for each family: the logits (categorical),
/// the log-odds (bernoulli), and `(mean, log std)` for a gaussian, so the std stays positive
/// whatever step the optimiser takes.
///
/// Estimators return gradients in the distribution's own parameters; for a gaussian the std
/// component is chained through `std = exp(s)`: `dL/ds = std dL/dstd`.
public enum Parameterization {
  /// The optimiser's vector for a distribution.
  public static func vector(of spec: DistributionSpec) -> [Double] {
    switch spec {
    case .categorical(let logits, _): logits
    case .bernoulli(let l, _): [l]
    case .gaussian(let mean, let std): [mean, log(std)]
    }
  }

  /// The distribution at the optimiser's vector `theta` (same family and size as `spec`),
  /// at `temperature` where the family has one. Not yet validated: a diverged step may give
  /// a value no distribution accepts.
  public static func distribution(
    at theta: [Double], like spec: DistributionSpec, temperature: Double?
  ) -> DistributionSpec {
    switch spec {
    case .categorical(_, let t): .categorical(logits: theta, temperature: temperature ?? t)
    case .bernoulli(_, let t): .bernoulli(logOdds: theta[0], temperature: temperature ?? t)
    case .gaussian: .gaussian(mean: theta[0], std: exp(theta[1]))
    }
  }

  /// Turns a gradient w.r.t. the distribution's parameters into one w.r.t. the optimiser's
  /// vector, in place (only a gaussian's std component changes).
  public static func chain(_ gradient: inout [Double], for spec: DistributionSpec) {
    if case .gaussian(_, let std) = spec { gradient[1] *= std }
  }
}
