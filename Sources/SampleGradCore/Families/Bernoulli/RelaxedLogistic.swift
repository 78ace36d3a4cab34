/// The binary Concrete relaxation `y = sigmoid(z / tau)` and its slope
/// `dy/dz = y (1 - y) / tau`, with `1 - y` computed as `sigmoid(-z / tau)` (no cancellation).
struct RelaxedLogistic {
  let y: Double
  let slope: Double

  @inline(__always)
  init(z: Double, temperature: Double) {
    let x = z / temperature
    y = LogSpace.sigmoid(x)
    slope = y * LogSpace.sigmoid(-x) / temperature
  }
}
