import Foundation
import Testing

@testable import SampleGradCore

/// The derivatives RELAX and LAX train their surrogates with, each against central finite
/// differences with the noise held fixed: the network's, the objective's Hessian products,
/// the relaxation's second-order pieces, the conditional sample's forward product, and the
/// whole gradient of an estimate's squared norm in every surrogate parameter.
///
/// Tolerances: a central difference with step h errs by about h^2 times the third derivative
/// plus 1e-16 / h from rounding; with h = 1e-5 both are near 1e-10 of the values' scale, so
/// 1e-6 of the largest component leaves four orders of magnitude of room.
@Suite("Learned control variates: exact derivatives")
struct SurrogateDerivativeTests {
  static let step = 1e-5

  /// `(f(x + h) - f(x - h)) / 2h`.
  static func central(_ at: Double, _ f: (Double) -> Double) -> Double {
    let h = step * max(1, abs(at))
    return (f(at + h) - f(at - h)) / (2 * h)
  }

  static func expectClose(
    _ analytic: [Double], _ numeric: [Double], _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let scale = max(analytic.map(abs).max() ?? 0, numeric.map(abs).max() ?? 0, 1e-12)
    for j in analytic.indices {
      #expect(
        abs(analytic[j] - numeric[j]) <= 1e-6 * scale,
        "\(label) component \(j): \(analytic[j]) against \(numeric[j])",
        sourceLocation: sourceLocation)
    }
  }

  /// Uniforms in (-a, a) from a fixed stream.
  static func noise(_ count: Int, scale a: Double, seed: UInt64) -> [Double] {
    var rng = Xoshiro256StarStar(seed: seed, stream: 40)
    return (0..<count).map { _ in (2 * rng.nextOpenUniform() - 1) * a }
  }

  @Test("the tanh network: its input gradient and the parameter gradients of r and grad r . w")
  func network() {
    let net = TanhNetwork(inputs: 3, width: 4)
    var p = Self.noise(net.parameterCount, scale: 0.9, seed: 1)
    let x = [0.7, -1.3, 2.1]
    let w = [0.4, 0.9, -0.6]
    func r(_ p: [Double], _ x: [Double]) -> (value: Double, gradient: [Double]) {
      var gradient = [Double](repeating: 0, count: 3)
      let value = net.evaluate(p, at: x, gradient: &gradient)
      return (value, gradient)
    }
    let (_, gradient) = r(p, x)
    let numericInput = (0..<3).map { i in
      Self.central(x[i]) { t in
        var moved = x
        moved[i] = t
        return r(p, moved).value
      }
    }
    Self.expectClose(gradient, numericInput, "grad r")
    for (alpha, beta) in [(1.0, 0.0), (0.0, 1.0), (-0.7, 1.3)] {
      var analytic = [Double](repeating: 0, count: net.parameterCount)
      net.accumulateParameterGradient(
        p, at: x, direction: w, valueWeight: alpha, directionWeight: beta, into: &analytic)
      let numeric = (0..<net.parameterCount).map { j in
        Self.central(p[j]) { t in
          let saved = p[j]
          p[j] = t
          defer { p[j] = saved }
          let (value, g) = r(p, x)
          return alpha * value + beta * zip(g, w).map(*).reduce(0, +)
        }
      }
      Self.expectClose(analytic, numeric, "network, alpha \(alpha), beta \(beta)")
    }
  }

  @Test("tanh and 1 - tanh^2 stay exact where tanh rounds to 1")
  func activation() {
    for a in [-800.0, -30, -1e-9, 0, 1e-9, 0.3, 20, 800] {
      let (t, s) = TanhNetwork.activation(a)
      #expect(abs(t - tanh(a)) <= 1e-15 * max(abs(tanh(a)), 1e-300))
      let exact = 1 / (cosh(a) * cosh(a))
      #expect(abs(s - exact) <= 1e-14 * max(exact, 1e-300), "\(a): \(s) against \(exact)")
    }
  }

  /// One problem per objective and point layout (rows, bits, one scalar).
  static let objectives: [GradientProblem] = [
    Problems.categoricalQuadratic, Problems.categoricalLinear, Problems.relaxToy,
    Problems.bitsMeanSquared, Problems.bitsSquaredMean, Problems.rowsMeanSquared,
    Problems.rowsSquaredMean, Problems.gaussianCosine,
  ]

  @Test(
    "the objective's Hessian products equal the derivative of its gradient", arguments: objectives)
  func hessianProduct(problem: GradientProblem) {
    let objective = problem.objective
    // A point has one coordinate per logit or bit, and one for a gaussian's two parameters.
    let count = problem.distribution.kind == .gaussian ? 1 : problem.dimension
    let y = Self.noise(count, scale: 0.5, seed: 2).map { 0.5 + $0 }
    let v = Self.noise(count, scale: 1, seed: 3)
    var analytic = [Double](repeating: 0, count: count)
    objective.hessianProduct(y, count: count, direction: v, into: &analytic)
    func gradient(_ t: Double) -> [Double] {
      let moved = zip(y, v).map { $0 + t * $1 }
      var d = [Double](repeating: 0, count: count)
      objective.gradient(moved, count: count, into: &d)
      return d
    }
    let plus = gradient(Self.step)
    let minus = gradient(-Self.step)
    let numeric = zip(plus, minus).map { ($0 - $1) / (2 * Self.step) }
    Self.expectClose(analytic, numeric, "\(objective.kind)")
  }

  /// RELAX's problems: one and many variables, both families, smooth objectives.
  static let relaxProblems: [GradientProblem] = [
    Problems.categoricalQuadratic, Problems.categoricalLinear, Problems.categoricalCold,
    Problems.relaxToy, Problems.bernoulliSkewed, Problems.bitsMeanSquared,
    Problems.bitsSquaredMean, Problems.rowsMeanSquared, Problems.rowsSquaredMean,
  ]

  /// `d|g|^2/dφ` against central differences of `|g|^2`, at a `φ` moved off its start so that
  /// every term (eta, lambda, the network's output weights) is active.
  func checkRelax<F: TemperedRelaxation>(_: F.Type, _ problem: GradientProblem) {
    let relax = Relax<F>(problem: problem)
    let count = relax.trainer.count
    let shift = Self.noise(count, scale: 0.4, seed: 4)
    for j in 0..<count { relax.trainer.parameters[j] += shift[j] }
    let n = problem.dimension
    let g = UnsafeMutablePointer<Double>.allocate(capacity: n)
    defer { g.deallocate() }
    for draw in 0..<6 {
      var rng = Xoshiro256StarStar(seed: 21, stream: UInt64(draw))
      relax.drawNoise(using: &rng)
      let hTilde = relax.surrogateEstimate(into: g)
      relax.writeVarianceGradient(estimate: g, hTilde: hTilde)
      let analytic = (0..<count).map { relax.trainer.gradient[$0] }
      let numeric = (0..<count).map { j in
        Self.central(relax.trainer.parameters[j]) { t in
          let saved = relax.trainer.parameters[j]
          relax.trainer.parameters[j] = t
          defer { relax.trainer.parameters[j] = saved }
          relax.surrogateEstimate(into: g)
          return (0..<n).reduce(0) { $0 + g[$1] * g[$1] }
        }
      }
      Self.expectClose(analytic, numeric, "relax on \(problem.distribution.spec), draw \(draw)")
    }
  }

  @Test(
    "RELAX: d|g|^2/dφ, exactly, in eta, log lambda and every network weight",
    arguments: relaxProblems)
  func relaxVarianceGradient(problem: GradientProblem) {
    if problem.distribution.kind == .categorical {
      checkRelax(CategoricalRelaxation.self, problem)
    } else {
      checkRelax(BernoulliRelaxation.self, problem)
    }
  }

  @Test(
    "LAX: d|g|^2/dψ, exactly, in every network weight",
    arguments: [
      Problems.gaussianQuadratic, Problems.gaussianCosine, Problems.gaussianStep,
      Problems.gaussianLinear,
    ])
  func laxVarianceGradient(problem: GradientProblem) {
    var lax = Lax<GaussianPath>(problem: problem)
    let count = lax.trainer.count
    let shift = Self.noise(count, scale: 0.5, seed: 5)
    for j in 0..<count { lax.trainer.parameters[j] += shift[j] }
    var g = [Double](repeating: 0, count: 2)
    for draw in 0..<6 {
      var rng = Xoshiro256StarStar(seed: 22, stream: UInt64(draw))
      lax.drawNoise(using: &rng)
      lax.surrogateEstimate(into: &g)
      lax.writeVarianceGradient(estimate: g)
      let analytic = (0..<count).map { lax.trainer.gradient[$0] }
      let numeric = (0..<count).map { j in
        Self.central(lax.trainer.parameters[j]) { t in
          let saved = lax.trainer.parameters[j]
          lax.trainer.parameters[j] = t
          defer { lax.trainer.parameters[j] = saved }
          var moved = [0.0, 0.0]
          lax.surrogateEstimate(into: &moved)
          return moved[0] * moved[0] + moved[1] * moved[1]
        }
      }
      Self.expectClose(analytic, numeric, "lax on \(problem.objective.kind), draw \(draw)")
    }
  }

  @Test("the conditional sample's forward product is the derivative of z~(θ) along w")
  func conditionalTangent() throws {
    let rows: [[Double]] = [[0.8, -0.3, 0.1, -1.2], [0.2, 1.1, -0.4, 0]]
    let w = Self.noise(8, scale: 1, seed: 6)
    func relaxation(_ theta: [Double]) throws -> CategoricalRelaxation {
      let problem = try GradientProblem(
        distribution: .categorical(
          rows: [Array(theta[0..<4]), Array(theta[4..<8])], temperature: 0.5),
        objective: .squaredMean(target: 1, values: nil))
      return CategoricalRelaxation(problem: problem, slots: 1)
    }
    let theta = rows.flatMap { $0 }
    let hard = [2, 0]
    let rng = Xoshiro256StarStar(seed: 31)
    func zTilde(_ t: Double) throws -> (z: [Double], r: [Double], q: [Double]) {
      let moved = zip(theta, w).map { $0 + t * $1 }
      var copy = rng
      var z = [Double](repeating: 0, count: 8)
      var r = z
      var q = z
      try relaxation(moved).conditional(given: hard, using: &copy, into: &z, r: &r, q: &q)
      return (z, r, q)
    }
    let at = try zTilde(0)
    var analytic = [Double](repeating: 0, count: 8)
    try relaxation(theta).conditionalTangent(
      direction: w, given: hard, r: at.r, q: at.q, into: &analytic)
    let plus = try zTilde(Self.step).z
    let minus = try zTilde(-Self.step).z
    Self.expectClose(analytic, zip(plus, minus).map { ($0 - $1) / (2 * Self.step) }, "dz~ w")
  }
}
