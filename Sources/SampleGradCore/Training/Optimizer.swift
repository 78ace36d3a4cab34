import CVectorMath
import Foundation

/// The optimisers a training race can use, by the names scenario files and flags use.
public enum OptimizerKind: String, Sendable, CaseIterable, Equatable {
  /// Plain gradient descent, `theta -= a g`.
  case sgd
  /// Adam (Kingma and Ba 2015, Algorithm 1).
  case adam

  public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

  /// The optimiser called `name`, or nil with the problem recorded under `key` (a file's
  /// `training.optimizer` or the `--optimizer` flag).
  static func named(_ name: String, key: String, problems: inout [ScenarioProblem])
    -> OptimizerKind?
  {
    if let kind = OptimizerKind(rawValue: name) { return kind }
    problems.append(
      ScenarioProblem(key: key, message: "unknown optimizer '\(name)' (known: \(validNames))"))
    return nil
  }
}

/// Adam's constants; the defaults are the paper's.
public struct AdamSettings: Sendable, Equatable {
  public var beta1: Double
  public var beta2: Double
  public var epsilon: Double

  public init(beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
  }
}

/// One optimiser's state for one parameter vector: the step count and, for Adam, the two
/// moment estimates. Nothing is allocated per update.
public struct Optimizer: Sendable, Equatable {
  public let kind: OptimizerKind
  public let adam: AdamSettings
  /// Updates applied so far (Adam's `t`).
  public private(set) var updates = 0
  private var m: [Double]
  private var v: [Double]

  public init(_ kind: OptimizerKind, dimension: Int, adam: AdamSettings = AdamSettings()) {
    self.kind = kind
    self.adam = adam
    let zeros = kind == .adam ? [Double](repeating: 0, count: dimension) : []
    m = zeros
    v = zeros
  }

  /// One update of `theta` against the gradient estimate `g` with step size `a`.
  ///
  /// sgd: `theta -= a g`. adam (Kingma and Ba 2015, Algorithm 1): `t += 1`,
  /// `m = b1 m + (1 - b1) g`, `v = b2 v + (1 - b2) g^2`, `m^ = m / (1 - b1^t)`,
  /// `v^ = v / (1 - b2^t)`, `theta -= a m^ / (sqrt(v^) + eps)`: eps is added to the square
  /// root, as in the paper, so a zero gradient moves nothing and never divides by zero.
  public mutating func update(_ theta: inout [Double], gradient g: [Double], learningRate a: Double)
  {
    theta.withUnsafeMutableBufferPointer { t in
      g.withUnsafeBufferPointer { update(t, gradient: $0, learningRate: a) }
    }
  }

  /// The same update on buffers (a learned surrogate's parameters, moved once per sample
  /// without allocating).
  mutating func update(
    _ theta: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeBufferPointer<Double>,
    learningRate a: Double
  ) {
    precondition(g.count == theta.count, "a gradient of \(g.count) for \(theta.count) parameters")
    updates += 1
    switch kind {
    case .sgd:
      for j in theta.indices { theta[j] -= a * g[j] }
    case .adam:
      let b1 = adam.beta1
      let b2 = adam.beta2
      let t = Double(updates)
      let correction1 = 1 - pow(b1, t)
      let correction2 = 1 - pow(b2, t)
      // The same arithmetic as the paper's loop, a vector of parameters at a time (C, where
      // the square root is an instruction: CAdamStep.h).
      precondition(m.count == theta.count, "Adam's state is for \(m.count) parameters")
      m.withUnsafeMutableBufferPointer { m in
        v.withUnsafeMutableBufferPointer { v in
          sg_adam_step(
            theta.baseAddress, g.baseAddress, m.baseAddress, v.baseAddress, theta.count, b1, b2,
            correction1, correction2, a, adam.epsilon)
        }
      }
    }
  }
}
