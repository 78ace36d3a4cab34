import Testing

@testable import SampleGradCore

/// The unbiased estimators must average to the exact gradient: every component within five
/// standard errors, at a fixed seed, on each kind of distribution.
@Suite("Unbiased estimators match the exact gradient")
struct UnbiasedEstimatorTests {
  static let discrete: [(String, GradientProblem)] = [
    ("categorical quadratic", Problems.categoricalQuadratic),
    ("categorical linear", Problems.categoricalLinear),
    ("bernoulli relax toy", Problems.relaxToy),
    ("bernoulli skewed", Problems.bernoulliSkewed),
  ]

  @Test(
    "score-function, score-function-baseline and rebar on discrete distributions",
    arguments: [EstimatorKind.scoreFunction, .scoreFunctionBaseline, .rebar])
  func discreteUnbiased(kind: EstimatorKind) throws {
    for (name, problem) in Self.discrete {
      let m = try moments(kind, on: problem, samples: 100_000)
      let z = worstZScore(m, exact: problem.exact.gradient)
      #expect(z < 5, "\(kind.rawValue) on \(name): |bias| = \(z) SE")
    }
  }

  @Test(
    "score-function, baseline and reparameterization on gaussians",
    arguments: [EstimatorKind.scoreFunction, .scoreFunctionBaseline, .reparameterization])
  func gaussianUnbiased(kind: EstimatorKind) throws {
    for problem in [Problems.gaussianQuadratic, Problems.gaussianCosine] {
      let m = try moments(kind, on: problem, samples: 100_000)
      #expect(worstZScore(m, exact: problem.exact.gradient) < 5)
    }
  }

  @Test("rebar is unbiased for other eta and temperatures too")
  func rebarAnyEta() throws {
    for (eta, tau) in [(0.0, 0.5), (0.5, 0.1), (2.0, 2.0)] {
      let problem = try GradientProblem(
        distribution: .categorical(logits: [0.2, -0.4, 1.1], temperature: tau),
        objective: .quadratic(target: [0.1, 0.9, 0]), options: EstimatorOptions(eta: eta))
      let m = try moments(.rebar, on: problem, samples: 60_000)
      #expect(worstZScore(m, exact: problem.exact.gradient) < 5, "eta \(eta), tau \(tau)")
    }
  }

  @Test("the exact estimator returns the exact gradient with zero variance")
  func exactIsExact() throws {
    let m = try moments(.exact, on: Problems.categoricalQuadratic, samples: 100)
    #expect(m.mean == Problems.categoricalQuadratic.exact.gradient)
    #expect(m.variance.allSatisfy { $0 == 0 })
  }
}
