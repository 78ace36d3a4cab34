/// A learned control variate evaluated at one point, in its parts, for a screen to draw beside
/// `f` (what RELAX or LAX has learned): RELAX's `c(z) = eta f(s_lambda(z)) + r(z)` at a point
/// `z` of the perturbed logits (log-odds for bits), LAX's `c(x) = r(x)` at a sample `x`.
public struct SurrogateReading: Sendable, Equatable {
  /// `c`, the whole control variate.
  public let value: Double
  /// `eta f(s_lambda(z))`, the relaxation's part (0 for LAX).
  public let relaxed: Double
  /// `r`, the tanh network's part.
  public let network: Double

  public init(value: Double, relaxed: Double, network: Double) {
    self.value = value
    self.relaxed = relaxed
    self.network = network
  }
}
