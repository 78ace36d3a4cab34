import Foundation

/// The Gumbel-max trick and its Concrete relaxation (Jang, Gu, Poole 2017; Maddison, Mnih,
/// Teh 2017), on raw buffers of K values.
enum GumbelSoftmax {
  /// Writes `z = logits + g` with fresh Gumbel noise and returns `argmax z`, an exact sample
  /// of Categorical(softmax(logits)).
  static func perturb(
    _ logits: UnsafePointer<Double>, count: Int, rng: inout Xoshiro256StarStar,
    into z: UnsafeMutablePointer<Double>
  ) -> Int {
    var best = 0
    var bestValue = -Double.infinity
    for k in 0..<count {
      let value = logits[k] + LogSpace.gumbel(rng.nextOpenUniform())
      z[k] = value
      if value > bestValue {
        bestValue = value
        best = k
      }
    }
    return best
  }

  /// The relaxed sample `y = softmax(z / tau)`, computed in log space.
  static func relax(
    _ z: UnsafePointer<Double>, count: Int, temperature: Double,
    into y: UnsafeMutablePointer<Double>
  ) {
    LogSpace.softmax(z, count: count, scale: 1 / temperature, into: y)
  }

  /// The vector-Jacobian product through `y = softmax(z / tau)`:
  /// `out_j = (1/tau) y_j (d_j - sum_k y_k d_k)`, where `d = df/dy`.
  static func backward(
    y: UnsafePointer<Double>, upstream d: UnsafePointer<Double>, count: Int,
    temperature: Double, into out: UnsafeMutablePointer<Double>
  ) {
    var dot = 0.0
    for k in 0..<count { dot += y[k] * d[k] }
    let inverse = 1 / temperature
    for j in 0..<count { out[j] = inverse * y[j] * (d[j] - dot) }
  }
}
