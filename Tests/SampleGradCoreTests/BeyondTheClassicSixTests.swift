import Foundation
import Testing

@testable import SampleGradCore

/// The newer estimators against truth computed here by other means: closed forms,
/// quadrature, and the estimators they refine.
@Suite("Estimators beyond the classic six")
struct BeyondTheClassicSixTests {
  @Test("argmax returns exactly 0: no gradient flows through a Gumbel-max sample")
  func argmaxIsZero() throws {
    for problem in [Problems.categoricalQuadratic, Problems.relaxToy] {
      let m = try moments(.argmax, on: problem, samples: 10_000)
      #expect(m.mean.allSatisfy { $0 == 0 } && m.variance.allSatisfy { $0 == 0 })
      #expect(problem.exact.gradient.contains { $0 != 0 }, "so its bias is -100%")
    }
  }

  @Test("DisARM has zero variance on the relax toy at p = 1/2")
  func disarmZeroVariance() throws {
    // f(b) = (b - 0.45)^2 at l = 0: b != b' exactly when u is on b's side, and then
    // 1/2 (f(1) - f(0)) * sigmoid(0) = 0.025 with the sign making every estimate 0.025
    // (or 0 when the pair agrees, which at l = 0 never happens: b' = 1 - b).
    let m = try moments(.disarm, on: Problems.relaxToy, samples: 10_000)
    #expect(abs(m.mean[0] - 0.025) < 1e-15)
    #expect(m.variance[0] < 1e-30)
  }

  @Test("measure-valued variances at mean 1, std 1, f = x^2: 4(4 - pi)/pi and 8")
  func measureValuedVariances() throws {
    // Mean: 4 W / sqrt(2 pi) with W ~ Rayleigh(1), Var W = (4 - pi)/2, so 4(4 - pi)/pi.
    // Std: D = 2M(1 - U) + M^2(1 - U^2); E[D^2] = 4 E[M^2] E[(1-U)^2] + E[M^4] E[(1-U^2)^2]
    // = 4 * 3 * 1/3 + 15 * 8/15 = 12, minus (E D)^2 = 4: variance 8.
    let samples = try draws(.measureValued, on: Problems.gaussianQuadratic, samples: 400_000)
    let mean = varianceWithError(samples.map { $0[0] })
    #expect(abs(mean.variance - 4 * (4 - Double.pi) / Double.pi) < 5 * mean.standardError)
    let std = varianceWithError(samples.map { $0[1] })
    #expect(abs(std.variance - 8) < 5 * std.standardError)
  }

  @Test("gumbel-rao has straight-through's mean and no more variance")
  func gumbelRaoRefinesStraightThrough() throws {
    for problem in [
      Problems.categoricalQuadratic, Problems.bernoulliSkewed, Problems.categoricalCold,
    ] {
      let st = try moments(.straightThrough, on: problem, samples: 100_000)
      let gr = try moments(.gumbelRao, on: problem, samples: 100_000)
      for i in 0..<problem.dimension {
        // Independent streams' means differ by noise of sqrt(SE1^2 + SE2^2).
        let se =
          (st.standardError[i] * st.standardError[i] + gr.standardError[i]
          * gr.standardError[i]).squareRoot()
        #expect(abs(st.mean[i] - gr.mean[i]) < 5 * se, "component \(i)")
        #expect(gr.variance[i] <= st.variance[i] * 1.02, "component \(i)")
      }
    }
  }

  @Test("rebar-auto's eta is sum(A C) / sum(C C) of its samples, recomputed from fixed-eta REBAR")
  func rebarAutoEta() throws {
    // REBAR draws the same uniforms at every eta, so on one stream g(eta) = A - eta C sample
    // by sample: A = g(0) and C = g(0) - g(1). rebar-auto on the same stream sees the same
    // A and C; after n samples its eta is their ratio over all n.
    for base in [Problems.relaxToy, Problems.categoricalQuadratic] {
      func rebar(eta: Double) throws -> [[Double]] {
        let problem = try GradientProblem(
          distribution: base.distribution.spec, objective: base.objective.spec,
          options: EstimatorOptions(["eta": eta]))
        return try draws(.rebar, on: problem, samples: 2_000)
      }
      let g0 = try rebar(eta: 0)
      let g1 = try rebar(eta: 1)
      var ac = 0.0
      var cc = 0.0
      for (a, one) in zip(g0, g1) {
        for j in a.indices {
          let c = a[j] - one[j]
          ac += a[j] * c
          cc += c * c
        }
      }
      let sampler = try GradientSampler(problem: base, kind: .rebarAuto)
      var rng = Xoshiro256StarStar(seed: 7, stream: 99)
      for _ in 0..<2_000 { _ = sampler.estimate(using: &rng) }
      let eta = try #require(sampler.diagnostics.first?.value)
      #expect(abs(eta - ac / cc) < 1e-9 * abs(ac / cc), "eta \(eta) against \(ac / cc)")
    }
  }

  @Test("rebar-auto holds eta at 1 for its first 100 samples")
  func rebarAutoWarmup() throws {
    let sampler = try GradientSampler(problem: Problems.relaxToy, kind: .rebarAuto)
    var rng = Xoshiro256StarStar(seed: 1)
    for _ in 0..<99 { _ = sampler.estimate(using: &rng) }
    #expect(sampler.diagnostics.first?.value == 1)
    _ = sampler.estimate(using: &rng)
    #expect(sampler.diagnostics.first?.value != 1)
  }

  @Test("on a step, the pathwise estimator returns 0 while the gradient is not")
  func reparameterizationMissesTheStep() throws {
    let step = Problems.gaussianStep
    let pathwise = try moments(.reparameterization, on: step, samples: 10_000)
    #expect(pathwise.mean == [0, 0] && pathwise.variance == [0, 0])
    #expect(step.exact.gradient[0] > 0.2)
    #expect(!EstimatorKind.reparameterization.descriptor.isUnbiased(on: .step))
  }

  @Test("rloo costs k evaluations and is unbiased at k = 2 and k = 64")
  func rlooDraws() throws {
    for draws in [2, 64] {
      let problem = try GradientProblem(
        distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: 0.5),
        objective: .quadratic(target: [0, 0, 1, 0]),
        options: EstimatorOptions(["draws": Double(draws)]))
      let sampler = try GradientSampler(problem: problem, kind: .rloo)
      #expect(sampler.evaluations == draws)
      let m = try moments(.rloo, on: problem, samples: 50_000)
      #expect(worstZScore(m, exact: problem.exact.gradient) < 5)
    }
  }

  @Test("a table objective leaves only the score-function family")
  func tableLeavesScoreFunctions() {
    let table = Problems.categoricalTable
    let applicable = EstimatorRegistry.kinds(
      for: table.distribution.spec, objective: table.objective.kind)
    // Whatever estimators are added, the ones left need nothing of the objective.
    #expect(applicable.allSatisfy { $0.descriptor.needs.objective.isEmpty })
    #expect(
      Set(applicable).isSuperset(of: [.exact, .scoreFunction, .scoreFunctionBaseline, .rloo]))
    #expect(!applicable.contains(.gumbelSoftmax) && !applicable.contains(.rebar))
  }
}
