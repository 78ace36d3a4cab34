import Foundation

/// The true loss and gradient, by enumeration (discrete) or closed form (gaussian): the
/// ground truth every estimate on screen is measured against.
public struct ExactSolution: Sendable, Equatable, Codable {
  public var loss: Double
  public var gradient: [Double]

  public init(loss: Double, gradient: [Double]) {
    self.loss = loss
    self.gradient = gradient
  }

  public init(distribution: DistributionSpec, objective: Objective) {
    switch distribution {
    case .categorical(let logits, _):
      // dL/dtheta_j = p_j (f(e_j) - L), L = sum_k p_k f(e_k).
      let p = LogSpace.softmax(logits)
      let f = objective.oneHotValues
      let loss = zip(p, f).reduce(0) { $0 + $1.0 * $1.1 }
      self.init(loss: loss, gradient: (0..<p.count).map { p[$0] * (f[$0] - loss) })
    case .bernoulli(let l, _):
      // dL/dl = p (1 - p) (f(1) - f(0)).
      let p = LogSpace.sigmoid(l)
      let q = LogSpace.sigmoid(-l)
      let f1 = objective.value(1)
      let f0 = objective.value(0)
      self.init(loss: p * f1 + q * f0, gradient: [p * q * (f1 - f0)])
    case .gaussian(let mu, let sigma):
      switch objective.spec {
      case .linear(let w):
        self.init(loss: w[0] * mu, gradient: [w[0], 0])
      case .quadratic(let target):
        let k = target[0]
        self.init(loss: (mu - k) * (mu - k) + sigma * sigma, gradient: [2 * (mu - k), 2 * sigma])
      case .cosine(let w):
        let damping = exp(-w * w * sigma * sigma / 2)
        self.init(
          loss: cos(w * mu) * damping,
          gradient: [-w * sin(w * mu) * damping, -w * w * sigma * cos(w * mu) * damping])
      }
    }
  }
}
