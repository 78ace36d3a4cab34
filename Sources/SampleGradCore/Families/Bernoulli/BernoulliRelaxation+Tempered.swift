/// The binary Concrete relaxation at a temperature `λ` of the caller's (RELAX's learned one):
/// `y = σ(z / λ)`, with `aux = 1 - y` computed as `σ(-z / λ)` (no cancellation), slope
/// `dy/dz = y (1 - y) / λ`, and its derivative `d slope / dz = slope (1 - 2y) / λ`.
extension BernoulliRelaxation: TemperedRelaxation {
  func relax(
    _ z: UnsafePointer<Double>, temperature: Double, into y: UnsafeMutablePointer<Double>,
    aux: UnsafeMutablePointer<Double>
  ) {
    for d in 0..<variables {
      let a = z[d] / temperature
      y[d] = LogSpace.sigmoid(a)
      aux[d] = LogSpace.sigmoid(-a)
    }
  }

  func backward(
    y: UnsafePointer<Double>, aux: UnsafePointer<Double>, temperature: Double,
    upstream d: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>
  ) {
    let inverse = 1 / temperature
    for i in 0..<variables { out[i] = d[i] * y[i] * aux[i] * inverse }
  }

  /// `G = slope d`: `Gdot = (d slope/dz) u d + slope ddot = (1 - 2y)/λ ydot d + slope ddot`.
  func backwardTangent(
    y: UnsafePointer<Double>, aux: UnsafePointer<Double>, temperature: Double,
    upstream d: UnsafePointer<Double>, yDot: UnsafePointer<Double>,
    dDot: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>
  ) {
    let inverse = 1 / temperature
    for i in 0..<variables {
      // 1 - 2y as (1 - y) - y: both are correctly rounded sigmoids, so the difference is
      // within 2^-53 of the truth, the precision `y` itself carries near 1/2.
      let curvature = (aux[i] - y[i]) * inverse
      out[i] = curvature * yDot[i] * d[i] + y[i] * aux[i] * inverse * dDot[i]
    }
  }

  func conditionalTangent(
    direction w: UnsafePointer<Double>, given hard: UnsafePointer<Int>, r: UnsafePointer<Double>,
    q: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>
  ) {
    for d in 0..<variables { out[d] = r[d] * w[d] }
  }
}
