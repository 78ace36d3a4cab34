import CVectorMath
import Foundation
import Testing

@testable import SampleGradCore

/// Adam's update runs in C, a vector of parameters at a time (`adam_step.c`), because Swift's
/// square root on Linux keeps the loop scalar. Every tier must give the paper's loop, written
/// here in Swift as `Optimizer` ran it before, bit for bit: the operations are the same, in the
/// same order, none fused, and division and the square root round correctly in every lane.
/// So the comparison is of bit patterns, with no tolerance.
@Suite("Adam's vector step against the scalar loop")
struct AdamStepTests {
  static let b1 = 0.9
  static let b2 = 0.999
  static let epsilon = 1e-8

  /// Kingma and Ba (2015), Algorithm 1, one parameter at a time.
  static func scalarStep(
    _ theta: inout [Double], _ g: [Double], _ m: inout [Double], _ v: inout [Double], t: Int,
    rate a: Double
  ) {
    let correction1 = 1 - pow(b1, Double(t))
    let correction2 = 1 - pow(b2, Double(t))
    for j in theta.indices {
      m[j] = b1 * m[j] + (1 - b1) * g[j]
      v[j] = b2 * v[j] + (1 - b2) * g[j] * g[j]
      let mHat = m[j] / correction1
      let vHat = v[j] / correction2
      theta[j] -= a * mHat / (vHat.squareRoot() + epsilon)
    }
  }

  /// Gradients of both signs from 2^-60 to 2^60, with exact zeros among them (a gradient of 0
  /// leaves v as it was; with v = 0 the step divides by epsilon alone).
  static func gradient(_ n: Int, _ rng: inout Xoshiro256StarStar) -> [Double] {
    (0..<n).map { _ in
      let u = rng.nextOpenUniform()
      guard u > 0.1 else { return 0 }
      let sign: Double = rng.nextOpenUniform() < 0.5 ? -1 : 1
      return sign * pow(2, -60 + 120 * rng.nextOpenUniform())
    }
  }

  static func bits(_ x: [Double]) -> [UInt64] { x.map(\.bitPattern) }

  @Test("every tier gives the scalar loop's numbers bit for bit, whole vectors and tails")
  func everyTierBitForBit() {
    for tier in 0...sg_vector_tier() {
      var mismatches: [String] = []
      for n in 0...37 {
        var rng = Xoshiro256StarStar(seed: UInt64(200 + n))
        var theta = (0..<n).map { _ in 4 * rng.nextOpenUniform() - 2 }
        var m = [Double](repeating: 0, count: n)
        var v = m
        var (thetaC, mC, vC) = (theta, m, v)
        for t in 1...25 {
          let g = Self.gradient(n, &rng)
          Self.scalarStep(&theta, g, &m, &v, t: t, rate: 0.05)
          let correction1 = 1 - pow(Self.b1, Double(t))
          let correction2 = 1 - pow(Self.b2, Double(t))
          sg_adam_step_in_tier(
            Int32(tier), &thetaC, g, &mC, &vC, n, Self.b1, Self.b2, correction1, correction2,
            0.05, Self.epsilon)
        }
        if Self.bits(theta) != Self.bits(thetaC) || Self.bits(m) != Self.bits(mC)
          || Self.bits(v) != Self.bits(vC)
        {
          mismatches.append("n = \(n)")
        }
      }
      #expect(mismatches.isEmpty, "tier \(tier): \(mismatches)")
    }
  }

  @Test("Optimizer's Adam moves the parameters exactly as the scalar loop does")
  func optimizerMatchesTheLoop() {
    var rng = Xoshiro256StarStar(seed: 31)
    var optimizer = Optimizer(.adam, dimension: 13)
    var theta = (0..<13).map { _ in rng.nextOpenUniform() }
    var reference = theta
    var m = [Double](repeating: 0, count: 13)
    var v = m
    for t in 1...200 {
      let g = Self.gradient(13, &rng)
      optimizer.update(&theta, gradient: g, learningRate: 0.01)
      Self.scalarStep(&reference, g, &m, &v, t: t, rate: 0.01)
    }
    #expect(Self.bits(theta) == Self.bits(reference))
    #expect(optimizer.updates == 200)
  }
}
