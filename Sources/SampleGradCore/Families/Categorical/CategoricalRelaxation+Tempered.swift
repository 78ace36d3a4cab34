/// The Concrete relaxation of each row at a temperature `λ` of the caller's (RELAX's learned
/// one), `y = softmax(z / λ)` in log space, with its derivatives. The softmax's Jacobian
/// `dy/dz = (1/λ) (diag(y) - y y^T)` is symmetric, so the tangent along `u` is the same
/// product as the backward pass of `u`.
extension CategoricalRelaxation: TemperedRelaxation {
  func relax(
    _ z: UnsafePointer<Double>, temperature: Double, into y: UnsafeMutablePointer<Double>,
    aux: UnsafeMutablePointer<Double>
  ) {
    for d in 0..<variables {
      GumbelSoftmax.relax(z + d * k, count: k, temperature: temperature, into: y + d * k)
    }
  }

  func backward(
    y: UnsafePointer<Double>, aux: UnsafePointer<Double>, temperature: Double,
    upstream d: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>
  ) {
    for v in 0..<variables {
      let offset = v * k
      GumbelSoftmax.backward(
        y: y + offset, upstream: d + offset, count: k, temperature: temperature,
        into: out + offset)
    }
  }

  /// Differentiating `G_j = (1/λ) y_j (d_j - y . d)` along the tangent:
  /// `Gdot_j = (1/λ) [ydot_j (d_j - y . d) + y_j (ddot_j - ydot . d - y . ddot)]`, row by row.
  func backwardTangent(
    y: UnsafePointer<Double>, aux: UnsafePointer<Double>, temperature: Double,
    upstream d: UnsafePointer<Double>, yDot: UnsafePointer<Double>,
    dDot: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>
  ) {
    let inverse = 1 / temperature
    for v in 0..<variables {
      let o = v * k
      var yd = 0.0
      var yDotD = 0.0
      var yDDot = 0.0
      for j in o..<(o + k) {
        yd += y[j] * d[j]
        yDotD += yDot[j] * d[j]
        yDDot += y[j] * dDot[j]
      }
      for j in o..<(o + k) {
        out[j] = inverse * (yDot[j] * (d[j] - yd) + y[j] * (dDot[j] - yDotD - yDDot))
      }
    }
  }

  func conditionalTangent(
    direction w: UnsafePointer<Double>, given hard: UnsafePointer<Int>, r: UnsafePointer<Double>,
    q: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>
  ) {
    for d in 0..<variables {
      let offset = d * k
      ConditionalGumbel.tangent(
        direction: w + offset, probabilities: probabilities + offset, count: k, r: r + offset,
        q: q + offset, into: out + offset)
    }
  }
}
