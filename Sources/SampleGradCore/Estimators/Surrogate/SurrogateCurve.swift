import Foundation

/// What a learned control variate has learned, along one line of its domain, beside the `f` it
/// stands in for: what a teacher wants to see next to RELAX's or LAX's variance.
///
/// RELAX's domain is the perturbed logits `z` (log-odds for bits): the line moves the first
/// component through `θ_1 ± 6` with the others held at their logits (noise 0), and `f` is the
/// objective at the hard sample `H(z)` that `z` decides, a step wherever the argmax changes.
/// The surrogate `c(z) = eta f(s_lambda(z)) + r(z)` is smooth; where it follows `f` it cancels
/// the score function's noise. LAX's domain is the sample `x` itself: the line spans
/// `mean ± 4 std`, with `f(x)` and `c(x) = r(x)`.
public struct SurrogateCurve: Sendable, Equatable {
  /// The estimator whose surrogate this is.
  public let kind: EstimatorKind
  /// What the line moves: `z1` (RELAX) or `x` (LAX).
  public let variable: String
  /// The points along the line, increasing.
  public let xs: [Double]
  /// `f` at each point (at the hard sample for RELAX).
  public let objective: [Double]
  /// The whole control variate `c` at each point.
  public let surrogate: [Double]
  /// Its network part `r` at each point.
  public let network: [Double]

  public init(
    kind: EstimatorKind, variable: String, xs: [Double], objective: [Double],
    surrogate: [Double], network: [Double]
  ) {
    self.kind = kind
    self.variable = variable
    self.xs = xs
    self.objective = objective
    self.surrogate = surrogate
    self.network = network
  }
}

extension GradientSampler {
  /// The learned control variate along its line (see `SurrogateCurve`), at `points` points,
  /// or nil for an estimator without one.
  public func surrogateCurve(points: Int = 41) -> SurrogateCurve? {
    let inputs = estimator.surrogateInputs
    guard inputs > 0, points >= 2 else { return nil }
    let distribution = problem.distribution
    if distribution.isDiscrete {
      return discreteCurve(inputs: inputs, points: points)
    }
    let parameters = distribution.parameters
    guard inputs == 1, parameters.count == 2 else { return nil }
    let (mean, std) = (parameters[0], parameters[1])
    let xs = Self.line(from: mean - 4 * std, to: mean + 4 * std, points: points)
    var f: [Double] = []
    var c: [Double] = []
    for x in xs {
      f.append([x].withUnsafeBufferPointer { problem.objective.value($0.baseAddress!, count: 1) })
      c.append(surrogate(at: [x])?.value ?? .nan)
    }
    return SurrogateCurve(
      kind: kind, variable: "x", xs: xs, objective: f, surrogate: c, network: c)
  }

  /// RELAX's line through the logits: component 0 moves, the others stay at `θ`.
  private func discreteCurve(inputs: Int, points: Int) -> SurrogateCurve? {
    let distribution = problem.distribution
    let k = distribution.categories
    let d = distribution.variables
    let bits = k == 2 && inputs == d
    guard bits || inputs == d * k else { return nil }
    var base = distribution.parameters
    guard base.count == inputs else { return nil }
    let xs = Self.line(from: base[0] - 6, to: base[0] + 6, points: points)
    var f: [Double] = []
    var c: [Double] = []
    var r: [Double] = []
    for x in xs {
      base[0] = x
      let hard = bits ? base.map { $0 > 0 ? 1.0 : 0 } : Self.oneHotRows(base, rows: d, k: k)
      f.append(
        hard.withUnsafeBufferPointer { problem.objective.value($0.baseAddress!, count: hard.count) }
      )
      let reading = surrogate(at: base)
      c.append(reading?.value ?? .nan)
      r.append(reading?.network ?? .nan)
    }
    return SurrogateCurve(
      kind: kind, variable: "z1", xs: xs, objective: f, surrogate: c, network: r)
  }

  /// `points` evenly spaced values from `a` to `b`.
  static func line(from a: Double, to b: Double, points: Int) -> [Double] {
    (0..<points).map { a + (b - a) * Double($0) / Double(points - 1) }
  }

  /// The one-hot rows of each row's argmax (the first on a tie).
  static func oneHotRows(_ z: [Double], rows: Int, k: Int) -> [Double] {
    var out = [Double](repeating: 0, count: rows * k)
    for row in 0..<rows {
      let slice = z[(row * k)..<(row * k + k)]
      let best = slice.indices.max { slice[$0] < slice[$1] || (slice[$0] == slice[$1] && $0 > $1) }!
      out[best] = 1
    }
    return out
  }
}
