import Foundation
import Testing

@testable import SampleGradCore

/// The ground truth itself, checked against finite differences of the exact loss.
@Suite("Exact gradients")
struct ExactGradientTests {
  func finiteDifference(_ distribution: DistributionSpec, _ objective: ObjectiveSpec) throws
    -> [Double]
  {
    let h = 1e-6
    return try distribution.parameters.indices.map { i in
      let x = distribution.parameters[i]
      let up = try GradientProblem(
        distribution: distribution.with(parameter: i, value: x + h), objective: objective)
      let down = try GradientProblem(
        distribution: distribution.with(parameter: i, value: x - h), objective: objective)
      return (up.exact.loss - down.exact.loss) / (2 * h)
    }
  }

  @Test(
    "exact gradient equals the finite difference of the exact loss",
    arguments: [
      (
        DistributionSpec.categorical(logits: [1, 0.5, -0.5, 0], temperature: 1),
        ObjectiveSpec.quadratic(target: [0, 0, 1, 0])
      ),
      (.categorical(logits: [0.3, -1, 2], temperature: 1), .linear(weights: [1, -2, 0.5])),
      (.bernoulli(logOdds: 0.7, temperature: 1), .quadratic(target: [0.45])),
      (.gaussian(mean: 1, std: 1), .quadratic(target: [0])),
      (.gaussian(mean: -0.3, std: 0.7), .quadratic(target: [2])),
      (.gaussian(mean: 0.4, std: 0.8), .cosine(frequency: 2)),
      (.gaussian(mean: 0.4, std: 0.8), .linear(weights: [3])),
      (.gaussian(mean: 0.3, std: 0.9), .step(threshold: 1.2)),
      (.gaussian(mean: 2, std: 0.5), .step(threshold: -1)),
      (.categorical(logits: [0.2, -1, 0.7], temperature: 1), .table(values: [3, -1, 0.5])),
      (.bernoulli(logOdds: -0.4, temperature: 1), .table(values: [2, -5])),
    ])
  func matchesFiniteDifferences(distribution: DistributionSpec, objective: ObjectiveSpec) throws {
    let exact = try GradientProblem(distribution: distribution, objective: objective).exact.gradient
    for (a, b) in zip(exact, try finiteDifference(distribution, objective)) {
      #expect(abs(a - b) < 1e-6 * max(1, abs(a)))
    }
  }

  @Test("the RELAX toy problem has gradient 0.025 at p = 0.5")
  func relaxToy() {
    #expect(abs(Problems.relaxToy.exact.gradient[0] - 0.025) < 1e-12)
  }

  @Test("a step's exact loss is the normal tail: P(x > mu + sigma) = 0.158655...")
  func stepTail() throws {
    // 1 - Phi(1) = 0.15865525393145705 (tables); the mean derivative is phi(1) = 0.2419707.
    let p = try GradientProblem(
      distribution: .gaussian(mean: 0, std: 1), objective: .step(threshold: 1))
    #expect(abs(p.exact.loss - 0.15865525393145705) < 1e-15)
    #expect(abs(p.exact.gradient[0] - 0.24197072451914337) < 1e-15)
  }

  @Test("the gaussian quadratic closed form: L = (mu - k)^2 + sigma^2")
  func gaussianClosedForm() {
    let exact = Problems.gaussianQuadratic.exact
    #expect(exact.loss == 2)
    #expect(exact.gradient == [2, 2])
  }
}
