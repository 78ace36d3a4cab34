import Foundation

/// An objective ready to evaluate in the sampling loop: values and gradients on raw pointers,
/// with `f(e_j)` precomputed for every one-hot sample.
public struct Objective: Sendable {
  public let spec: ObjectiveSpec
  /// `f(e_j)` for each category (categorical only).
  public let oneHotValues: [Double]

  public init(spec: ObjectiveSpec, categories: Int) {
    self.spec = spec
    var values = [Double](repeating: 0, count: categories)
    for j in 0..<categories {
      switch spec {
      case .linear(let w): values[j] = w[j]
      case .quadratic(let t):
        var s = 0.0
        for k in 0..<categories {
          let diff = (k == j ? 1.0 : 0.0) - t[k]
          s += diff * diff
        }
        values[j] = s
      case .cosine: values[j] = 0
      }
    }
    oneHotValues = values
  }

  // MARK: vectors (categorical)

  /// `f(x)` for a point of the simplex (one-hot or relaxed).
  public func value(_ x: UnsafePointer<Double>, count: Int) -> Double {
    var s = 0.0
    switch spec {
    case .linear(let w):
      for k in 0..<count { s += w[k] * x[k] }
    case .quadratic(let t):
      for k in 0..<count {
        let diff = x[k] - t[k]
        s += diff * diff
      }
    case .cosine: break
    }
    return s
  }

  /// `df/dx` at `x`, written into `d`.
  public func gradient(_ x: UnsafePointer<Double>, count: Int, into d: UnsafeMutablePointer<Double>)
  {
    switch spec {
    case .linear(let w):
      for k in 0..<count { d[k] = w[k] }
    case .quadratic(let t):
      for k in 0..<count { d[k] = 2 * (x[k] - t[k]) }
    case .cosine:
      for k in 0..<count { d[k] = 0 }
    }
  }

  /// `df/dx` at the one-hot vector `e_b`, written into `d`.
  public func gradientAtOneHot(
    _ b: Int, count: Int, into d: UnsafeMutablePointer<Double>
  ) {
    switch spec {
    case .linear(let w):
      for k in 0..<count { d[k] = w[k] }
    case .quadratic(let t):
      for k in 0..<count { d[k] = 2 * ((k == b ? 1 : 0) - t[k]) }
    case .cosine:
      for k in 0..<count { d[k] = 0 }
    }
  }

  // MARK: scalars (bernoulli and gaussian)

  /// `f(x)` for a scalar sample.
  public func value(_ x: Double) -> Double {
    switch spec {
    case .linear(let w): w[0] * x
    case .quadratic(let t): (x - t[0]) * (x - t[0])
    case .cosine(let w): cos(w * x)
    }
  }

  /// `f'(x)` for a scalar sample.
  public func derivative(_ x: Double) -> Double {
    switch spec {
    case .linear(let w): w[0]
    case .quadratic(let t): 2 * (x - t[0])
    case .cosine(let w): -w * sin(w * x)
    }
  }
}
