import Testing

@testable import SampleGradCore

/// Every estimator on the model: the bits' logits `U x + e` and `f = f(z; x)` plugged in
/// through `ObjectiveSpec.model`. An unbiased estimator's mean encoder gradient must be
/// within 5 standard errors of the exact one on every component (a fixed seed; with 260
/// components the largest of 260 normal deviates passes 5 with probability ~1e-4); the
/// relaxed ones must show their bias, so the test can fail.
struct VAEEstimatorTests {
  static let parameters = VAEExactTests.moved(latents: 4)
  static let rows = [3, 50]

  static func measure(_ kind: EstimatorKind, samples: Int) throws -> (RunningMoments, [Double]) {
    let p = parameters
    let exact = VAEExact(p).batch(DigitsData.training, rows: rows)
    let reference = VAEGradientStatistics.encoderBlock(exact.gradient, p)
    let r = try VAEGradientStatistics.measure(
      kind, parameters: p, rows: rows, samples: samples, seed: 11, temperature: 0.5,
      options: EstimatorOptions(), reference: reference)
    return (r.moments, reference)
  }

  /// Every registered estimator that applies to D Bernoulli bits with a model objective and
  /// claims to be unbiased there (the registry's own word, so a new one is tested too).
  static let unbiased: [EstimatorKind] = EstimatorKind.allCases.filter { kind in
    kind != .exact && kind.descriptor.isUnbiased(on: .model)
      && EstimatorNotApplicable.check(
        kind, distribution: .bernoulli(logOdds: [0, 0], temperature: 1), objective: .model) == nil
  }

  @Test("the unbiased list is the registry's, and holds the classic ones")
  func unbiasedList() {
    for kind in [EstimatorKind.scoreFunctionBaseline, .rloo, .arm, .disarm, .rebar, .indecater] {
      #expect(Self.unbiased.contains(kind), "\(kind)")
    }
    #expect(!Self.unbiased.contains(.straightThrough) && !Self.unbiased.contains(.gumbelSoftmax))
  }

  @Test(
    "unbiased estimators: every component within 5 SE of the exact encoder gradient",
    arguments: unbiased)
  func unbiasedOnTheModel(kind: EstimatorKind) throws {
    let (m, exact) = try Self.measure(kind, samples: 3000)
    for j in exact.indices {
      let se = m.standardError[j]
      // A component whose pixel is off in both images is exactly 0 for every estimate.
      guard se > 0 else {
        #expect(m.mean[j] == exact[j] || abs(m.mean[j] - exact[j]) < 1e-12)
        continue
      }
      #expect(abs(m.mean[j] - exact[j]) < 5 * se, "\(kind.rawValue), component \(j)")
    }
  }

  @Test(
    "straight-through and Gumbel-softmax are biased on the model",
    arguments: [
      EstimatorKind.straightThrough, .gumbelSoftmax,
    ])
  func biasedOnTheModel(kind: EstimatorKind) throws {
    let (m, exact) = try Self.measure(kind, samples: 3000)
    let worst =
      exact.indices.map { j in
        m.standardError[j] > 0 ? abs(m.mean[j] - exact[j]) / m.standardError[j] : 0
      }.max() ?? 0
    #expect(worst > 10)
  }
}
