import Foundation
import Testing

@testable import SampleGradCore

/// The ground truth itself, checked against finite differences of the exact loss.
@Suite("Exact gradients")
struct ExactGradientTests {
  func finiteDifference(_ distribution: DistributionSpec, _ objective: ObjectiveSpec) -> [Double] {
    let h = 1e-6
    return distribution.parameters.indices.map { i in
      let x = distribution.parameters[i]
      let up = GradientProblem(
        distribution: distribution.with(parameter: i, value: x + h), objective: objective)
      let down = GradientProblem(
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
    ])
  func matchesFiniteDifferences(distribution: DistributionSpec, objective: ObjectiveSpec) {
    let exact = GradientProblem(distribution: distribution, objective: objective).exact.gradient
    for (a, b) in zip(exact, finiteDifference(distribution, objective)) {
      #expect(abs(a - b) < 1e-6 * max(1, abs(a)))
    }
  }

  @Test("the RELAX toy problem has gradient 0.025 at p = 0.5")
  func relaxToy() {
    #expect(abs(Problems.relaxToy.exact.gradient[0] - 0.025) < 1e-12)
  }

  @Test("the gaussian quadratic closed form: L = (mu - k)^2 + sigma^2")
  func gaussianClosedForm() {
    let exact = Problems.gaussianQuadratic.exact
    #expect(exact.loss == 2)
    #expect(exact.gradient == [2, 2])
  }
}
