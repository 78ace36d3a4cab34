import Foundation
import Testing

@testable import SampleGradCore

/// The numbers a student reads off a row: the bias verdict (one rule for the screen and
/// `run`), the noise against the gradient, the samples a 10% error needs and the MSE ranking.
@Suite("Bias verdicts and relative noise")
struct RelativeNoiseAndVerdictTests {
  @Test("a bias beyond 5 standard errors is shown; within, no bias is seen")
  func verdicts() {
    let biased = BiasVerdict(mean: 0.119, exact: 0.0924, standardError: 0.00033, samples: 2_000_000)
    #expect(biased.isBiased)
    #expect(biased.text == "bias 81 SE")
    #expect(biased.compactText == "bias 81 SE")
    let unbiased = BiasVerdict(mean: 0.0925, exact: 0.0924, standardError: 7.7e-5, samples: 10_000)
    #expect(!unbiased.isBiased)
    #expect(unbiased.text == "no bias seen (1.3 SE)")
    #expect(unbiased.compactText == "no bias 1.3 SE")
    // Exactly 5 SE is not more than 5.
    #expect(
      BiasVerdict(mean: 1, exact: 0, standardError: 0.2, samples: 1000).text
        == "no bias seen (5.0 SE)")
    #expect(BiasVerdict(mean: 1.01, exact: 0, standardError: 0.2, samples: 1000).isBiased)
    #expect(
      BiasVerdict(mean: 1, exact: 0, standardError: 1e-6, samples: 1000).text == "bias >999 SE")
  }

  @Test("the exact row is exact; a constant miss is a bias; too few samples says nothing")
  func undecided() {
    #expect(BiasVerdict(mean: 0.0924, exact: 0.0924, standardError: 0, samples: 5000) == .exact)
    // Every estimate 0, exact 0.005: all of the error is bias, whatever theory says of the
    // estimator (argmax's 0, the pathwise gradient of a step, or measure-valued at mean 1e17,
    // which issue 21 found called "too few samples" after 100,000 of them).
    let constant = BiasVerdict(mean: 0, exact: 0.005, standardError: 0, samples: 1500)
    #expect(constant == .constant(value: 0, percent: -100))
    #expect(constant.text == "always 0, bias -100%" && constant.compactText == "always 0")
    #expect(constant.isBiased && constant.name == "constant")
    #expect(BiasVerdict(mean: 5, exact: 0, standardError: 0.1, samples: 99) == .tooFewSamples)
    #expect(BiasVerdict(mean: .nan, exact: 0, standardError: 0.1, samples: 1000) == .tooFewSamples)
    #expect(BiasVerdict.tooFewSamples.name == "too-few-samples")
  }

  @Test("SD / |exact|: 45 for the rare category, rising as it gets rarer while the variance falls")
  func relativeNoise() {
    // The score function on a rare category's logit: estimate 10 (1 - p) with probability p,
    // else 0, so its variance is 100 p (1 - p)^3 and the gradient 10 p (1 - p) (closed forms).
    func summary(_ p: Double) -> EstimateSummary {
      let variance = 100 * p * pow(1 - p, 3)
      return EstimateSummary(
        mean: 10 * p * (1 - p), exact: 10 * p * (1 - p), variance: variance,
        standardError: (variance / 1e6).squareRoot(), samples: 1_000_000)
    }
    let logits = [-6.5, -7.5, -8.5]
    let ps = logits.map { exp($0) / (3 + exp($0)) }
    let rows = ps.map(summary)
    let relative = rows.map { $0.relativeNoise ?? 0 }
    #expect(abs(relative[0] - 44.7) < 0.1)
    #expect(abs(relative[1] - 73.7) < 0.2)
    #expect(abs(relative[2] - 121.5) < 0.5)
    #expect(rows[0].variance > rows[1].variance && rows[1].variance > rows[2].variance)
    #expect(
      rows[0].samplesForTenPercentError
        == .samples(((10 * relative[0]) * (10 * relative[0])).rounded(.up)))
    #expect(
      EstimateSummary(mean: 1, exact: 0, variance: 1, standardError: 0.1, samples: 100)
        .relativeNoise == nil)
  }

  @Test("MSE is bias squared plus variance; a clear bias of 10% or more never reaches 10%")
  func meanSquaredError() {
    let biased = EstimateSummary(
      mean: 0.119, exact: 0.0924, variance: 0.219, standardError: 0.00033, samples: 2_000_000)
    #expect(abs(biased.meanSquaredError - (0.0266 * 0.0266 + 0.219)) < 1e-12)
    #expect(biased.samplesForTenPercentError == .never)
    let exact = EstimateSummary(mean: 0.5, exact: 0.5, variance: 0, standardError: 0, samples: 10)
    #expect(exact.samplesForTenPercentError == .samples(1))
  }

  @Test("the lowest MSE counts the bias; rows without numbers are left out")
  func ranking() {
    let noisy = EstimateSummary(
      mean: 0.5, exact: 0.5, variance: 0.9, standardError: 0.03, samples: 1000)
    let biased = EstimateSummary(
      mean: 0.6, exact: 0.5, variance: 0.2, standardError: 0.014, samples: 1000)
    #expect(MeanSquaredErrorRanking.lowest([nil, noisy, nil, biased]) == 3)
    let worse = EstimateSummary(
      mean: 1.5, exact: 0.5, variance: 0.2, standardError: 0.014, samples: 1000)
    #expect(MeanSquaredErrorRanking.lowest([nil, noisy, worse]) == 1)
    #expect(MeanSquaredErrorRanking.lowest([nil, nil]) == nil)
    // A noiseless unbiased estimator (DisARM at p = 1/2 on the relax toy) wins outright.
    let noiseless = EstimateSummary(
      mean: 0.025, exact: 0.025, variance: 0, standardError: 0, samples: 1000)
    #expect(MeanSquaredErrorRanking.lowest([noisy, noiseless]) == 1)
  }

  @Test("run's JSON has standardDeviation, relativeNoise, mse and the verdict per component")
  func runReport() throws {
    let scenario = try Scenario(
      name: "t", estimators: [.exact, .scoreFunction, .gumbelSoftmax],
      distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: 0.5),
      objective: .quadratic(target: [0, 0, 1, 0]))
    let problem = scenario.problem
    let moments = RunningMoments(
      count: 2_000_000, mean: [0.119, 0, 0, 0], variance: [0.219, 1, 1, 1])
    let result = RunResult(
      scenario: scenario, seed: 7, samples: 2_000_000, problem: problem,
      estimators: [
        EstimatorResult(kind: .gumbelSoftmax, moments: moments, exact: problem.exact.gradient)
      ],
      histogram: Histogram(probabilities: problem.probabilities), relaxedMean: [])
    let text = RunReport.json(result).render()
    for key in ["standardDeviation", "relativeNoise", "mse", "biasVerdict", "biasStandardErrors"] {
      #expect(text.contains("\"\(key)\""), "\(key)")
    }
    #expect(text.contains("\"biased\""))
    let table = RunTable.render(result)
    #expect(table.contains("SD/|exact|") && table.contains("n for 10%") && table.contains("MSE"))
    #expect(table.contains("never"))
    #expect(table.contains("bias ") && table.contains(" SE"))
  }
}
