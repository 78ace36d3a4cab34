import Foundation

/// Standard normal variates by the Box-Muller transform, two per pair of open uniforms.
struct NormalPairs {
  private var spare = 0.0
  private var hasSpare = false

  @inline(__always)
  mutating func next(using rng: inout Xoshiro256StarStar) -> Double {
    if hasSpare {
      hasSpare = false
      return spare
    }
    let radius = (-2 * log(rng.nextOpenUniform())).squareRoot()
    let angle = 2 * Double.pi * rng.nextOpenUniform()
    spare = radius * sin(angle)
    hasSpare = true
    return radius * cos(angle)
  }
}
