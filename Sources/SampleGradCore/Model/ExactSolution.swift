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

  public init(distribution: Distribution, objective: Objective) {
    switch distribution.spec {
    case .categorical(let logits, _):
      // dL/dtheta_j = p_j (f(e_j) - L), L = sum_k p_k f(e_k).
      let p = LogSpace.softmax(logits)
      let f = objective.outcomeValues
      let loss = zip(p, f).reduce(0) { $0 + $1.0 * $1.1 }
      self.init(loss: loss, gradient: (0..<p.count).map { p[$0] * (f[$0] - loss) })
    case .bernoulli(let l, _):
      // dL/dl = p (1 - p) (f(1) - f(0)).
      let p = LogSpace.sigmoid(l)
      let q = LogSpace.sigmoid(-l)
      let f0 = objective.outcomeValues[0]
      let f1 = objective.outcomeValues[1]
      self.init(loss: p * f1 + q * f0, gradient: [p * q * (f1 - f0)])
    case .gaussian(let mu, let sigma):
      self = Self.gaussian(mean: mu, std: sigma, objective: objective.spec)
    }
  }

  /// Closed forms for `x ~ N(mu, sigma^2)`.
  private static func gaussian(mean mu: Double, std sigma: Double, objective: ObjectiveSpec)
    -> ExactSolution
  {
    switch objective {
    case .linear(let w):
      return ExactSolution(loss: w[0] * mu, gradient: [w[0], 0])
    case .quadratic(let target):
      // L = (mu - k)^2 + sigma^2.
      let k = target[0]
      return ExactSolution(
        loss: (mu - k) * (mu - k) + sigma * sigma, gradient: [2 * (mu - k), 2 * sigma])
    case .cosine(let w):
      // L = cos(w mu) exp(-w^2 sigma^2 / 2).
      let damping = exp(-w * w * sigma * sigma / 2)
      return ExactSolution(
        loss: cos(w * mu) * damping,
        gradient: [-w * sin(w * mu) * damping, -w * w * sigma * cos(w * mu) * damping])
    case .step(let c):
      // L = P(x > c) = erfc(s / sqrt 2) / 2 with s = (c - mu) / sigma; dL/dmu = phi(s) / sigma,
      // dL/dsigma = phi(s) s / sigma. erfc keeps the far tail accurate (no 1 - Phi).
      let s = (c - mu) / sigma
      let density = exp(-s * s / 2) / (2 * Double.pi).squareRoot()
      return ExactSolution(
        loss: 0.5 * erfc(s / 2.0.squareRoot()), gradient: [density / sigma, density * s / sigma])
    case .table:
      return ExactSolution(loss: 0, gradient: [0, 0])
    }
  }
}
