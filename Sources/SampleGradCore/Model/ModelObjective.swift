/// `f` as a model computes it, for an objective no scenario file writes: the discrete VAE's
/// `f(z; x) = log q(z|x) - log p(z) - log p(x|z)` at one image, say. The estimators reach it
/// through `Objective` exactly as they reach a scenario's objective (at hard samples, at
/// relaxed points, and its derivative `df/dz`), so a lane on a model differs from a lane on a
/// toy only in what `f` is.
///
/// A function is built for one point of the model (its parameters now, one image) and is
/// immutable; the next image or step builds another and the estimator is re-pointed at it
/// (`GradientSampler.rebind(to:)`).
public protocol ModelFunction: Sendable {
  /// The D variables (bits) `f` reads.
  var variables: Int { get }
  /// `f` at a point of D coordinates, hard (0 or 1) or relaxed (in [0, 1]).
  func value(_ z: UnsafePointer<Double>) -> Double
  /// `df/dz` at a point, D values written into `out`.
  func gradient(_ z: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>)
  /// `out = (d^2 f / dz^2) v` at a point of D coordinates (RELAX's surrogate needs it).
  func hessianProduct(
    _ z: UnsafePointer<Double>, direction v: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>)
  /// `f` at D hard outcomes, 0 or 1 each.
  func value(bits: UnsafePointer<Int>) -> Double
  /// The exact `E f` and its gradient w.r.t. the D log-odds `logOdds` of the bits' Bernoulli
  /// distribution, or nil where the model cannot compute it.
  func exact(logOdds: [Double]) -> ExactSolution?
}

/// A model's `f` as an objective: the function, and the name tables and errors use. Two are
/// equal when they are the same model on the same number of variables, whatever image or
/// parameters they were built at: that is what an estimator may be re-pointed across.
public struct ModelObjective: Sendable, Equatable {
  /// What tables call it: `digits VAE f(z; x)`.
  public let name: String
  public let function: any ModelFunction

  public init(name: String, function: any ModelFunction) {
    self.name = name
    self.function = function
  }

  public static func == (a: ModelObjective, b: ModelObjective) -> Bool {
    a.name == b.name && a.function.variables == b.function.variables
  }
}
