import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

/// The sweep presets' lessons, checked on the sweep the view shows once refined to the
/// preset's sample count (`samplegrad sweep --preset NAME --seed 7`). Same rules as the other
/// lesson tests: seed 7; unbiased means within 5 SE at every point; a quoted number is checked
/// within a band wider than its rounding and its sampling noise.
@Suite("Preset lessons: sweeps")
struct SweepPresetLessonTests {
  /// The preset's own sweep at 20,000 samples a point: the numbers the lessons quote are
  /// checked at ten seeds and at their precision in `LessonSweepClaimsAcrossSeedsTests` and in
  /// closed form in `LessonClosedFormTests`; what stays here is the shape at seed 7.
  static func sweep(_ name: String) throws -> (SweepResult, Scenario) {
    let scenario = try PresetLab.load(name)
    let spec = try #require(scenario.sweep, "\(name) has no [sweep]")
    let plan = try SweepPlan.standard(for: scenario, spec: spec)
    return (SweepRunner.run(plan, samples: 20_000, seed: PresetLab.seed, threads: 2), scenario)
  }

  /// One estimator's numbers on component `i` at every point.
  static func curve(
    _ result: SweepResult, _ kind: EstimatorKind, _ i: Int, _ pick: (EstimatorResult) -> [Double]
  ) -> [Double] {
    let e = result.plan.estimators.firstIndex(of: kind)!
    return result.points.map { pick($0.estimators[e])[i] }
  }

  static func argmin(_ values: [Double]) -> Int { values.indices.min { values[$0] < values[$1] }! }

  @Test("the sweep presets exist and sweep what their lessons say")
  func presetsExist() throws {
    let names = try PresetLab.names()
    for name in ["temperature-sweep", "mohamed-quadratic", "mohamed-cosine"] {
      #expect(names.contains(name))
    }
    let temperature = try PresetLab.load("temperature-sweep")
    #expect(temperature.sweep?.setting == .temperature)
    let quadratic = try PresetLab.load("mohamed-quadratic")
    #expect(quadratic.distribution.spec == .gaussian(mean: 1, std: 1))
    #expect(quadratic.sweep == SweepSpec(setting: .target, from: -3, to: 3, scale: .linear))
    let cosine = try PresetLab.load("mohamed-cosine")
    #expect(cosine.distribution.spec == .gaussian(mean: 1, std: 1))
    #expect(cosine.sweep == SweepSpec(setting: .frequency, from: 0.5, to: 5, scale: .log))
  }

  @Test("temperature-sweep: bias for variance, REBAR unbiased, Gumbel-Rao below straight-through")
  func temperatureSweep() throws {
    let (result, _) = try Self.sweep("temperature-sweep")
    let temperatures = result.points.map(\.value)
    #expect(temperatures.first == 0.01 && temperatures.last == 100 && temperatures.count == 25)
    let exact = result.points[0].exact.gradient[0]
    // "Gumbel-softmax's MSE is lowest near 3, where its bias is half the gradient, and it
    // grows 2000-fold by 0.01" (on logit 1).
    let mse = Self.curve(result, .gumbelSoftmax, 0) { $0.meanSquaredError }
    let best = Self.argmin(mse)
    #expect(abs(temperatures[best] - 3.16) < 0.01)
    let bias = Self.curve(result, .gumbelSoftmax, 0) { $0.bias }
    #expect((-0.6 ... -0.4).contains(bias[best] / exact))
    // "REBAR sits on its noise floor at every temperature, unbiased, and its variance is
    // lowest near 0.7" (0.681; within 10% from 0.46 to 1).
    let rebar = result.plan.estimators.firstIndex(of: .rebar)!
    for point in result.points { #expect(point.estimators[rebar].largestBiasZ < 5) }
    let rebarVariance = Self.curve(result, .rebar, 0) { $0.variance }
    let lowest = Self.argmin(rebarVariance)
    #expect(abs(temperatures[lowest] - 0.681) < 0.001)
    for i in (lowest - 1)...(lowest + 1) {
      #expect(rebarVariance[i] / rebarVariance[lowest] < 1.1)
    }
    // "Gumbel-Rao has straight-through's bias with less variance, 4 times less at 0.01 and
    // the same above 3."
    let st = result.plan.estimators.firstIndex(of: .straightThrough)!
    let gr = result.plan.estimators.firstIndex(of: .gumbelRao)!
    for point in result.points {
      let a = point.estimators[st]
      let b = point.estimators[gr]
      let se = (a.standardError[0] * a.standardError[0] + b.standardError[0] * b.standardError[0])
        .squareRoot()
      #expect(abs(a.mean[0] - b.mean[0]) < 5 * se, "at \(point.value)")
      #expect(b.variance[0] <= a.variance[0] * 1.02, "at \(point.value)")
    }
    let ratio = { (p: Int) in
      result.points[p].estimators[st].variance[0] / result.points[p].estimators[gr].variance[0]
    }
    #expect((3.5...4.5).contains(ratio(0)))
    for (p, t) in temperatures.enumerated() where t > 3 {
      #expect(abs(ratio(p) - 1) < 0.05, "at \(t)")
    }
  }

  @Test(
    "mohamed-quadratic: pathwise 4 everywhere, measure-valued 1.09 (k - 1)^2, the winner changes")
  func mohamedQuadratic() throws {
    let (result, _) = try Self.sweep("mohamed-quadratic")
    let ks = result.points.map(\.value)
    for point in result.points {
      for estimator in point.estimators { #expect(estimator.largestBiasZ < 5, "\(point.value)") }
    }
    // On the mean.
    let pathwise = Self.curve(result, .reparameterization, 0) { $0.variance }
    #expect(pathwise.allSatisfy { abs($0 / 4 - 1) < 0.05 })
    let score = Self.curve(result, .scoreFunction, 0) { $0.variance }
    #expect(Self.argmin(score) == ks.firstIndex(of: 1))
    let measure = Self.curve(result, .measureValued, 0) { $0.variance }
    let constant = 4 * (4 - Double.pi) / Double.pi  // 1.093, the closed form
    for (k, v) in zip(ks, measure) {
      if k == 1 {
        #expect(v < 1e-20)
      } else {
        #expect(abs(v / (constant * (k - 1) * (k - 1)) - 1) < 0.05, "k = \(k)")
      }
      // "measure-valued between about -0.9 and 2.9, pathwise beyond".
      let inside = k > -0.9 && k < 2.9
      #expect(inside ? v < 4 : v > 4, "k = \(k)")
    }
    // "Press down for the std: there measure-valued wins at every k."
    let std = result.plan.estimators.map { kind in Self.curve(result, kind, 1) { $0.variance } }
    let e = result.plan.estimators.firstIndex(of: .measureValued)!
    for p in ks.indices {
      #expect(Self.argmin(std.map { $0[p] }) == e, "k = \(ks[p])")
    }
  }

  @Test("mohamed-cosine: pathwise grows with k, the score function does not; measure-valued lowest")
  func mohamedCosine() throws {
    let (result, _) = try Self.sweep("mohamed-cosine")
    let ks = result.points.map(\.value)
    for point in result.points {
      for estimator in point.estimators { #expect(estimator.largestBiasZ < 5, "\(point.value)") }
    }
    let pathwise = Self.curve(result, .reparameterization, 0) { $0.variance }
    let score = Self.curve(result, .scoreFunction, 0) { $0.variance }
    // "climbs from 0.04 to 12.5" (each known to about 1%).
    #expect(abs(pathwise.first! / 0.04 - 1) < 0.05 && abs(pathwise.last! / 12.5 - 1) < 0.05)
    #expect(zip(pathwise, pathwise.dropFirst()).allSatisfy { $0 < $1 })
    // "the score function wins above k = 1".
    for (k, (s, p)) in zip(ks, zip(score, pathwise)) {
      #expect(k > 1 ? s < p : p < s, "k = \(k)")
    }
    // "has the lowest variance on the mean at every k".
    let onMean = result.plan.estimators.map { kind in Self.curve(result, kind, 0) { $0.variance } }
    let measure = result.plan.estimators.firstIndex(of: .measureValued)!
    for p in ks.indices { #expect(Self.argmin(onMean.map { $0[p] }) == measure, "k = \(ks[p])") }
    // "Press down for the std: the measure-valued one leads up to k = 2.4 to 2.5, then all but the
    // pathwise one tie near 1."
    let onStd = result.plan.estimators.map { kind in Self.curve(result, kind, 1) { $0.variance } }
    let pathwiseRow = result.plan.estimators.firstIndex(of: .reparameterization)!
    for p in ks.indices {
      let variances = onStd.map { $0[p] }
      if ks[p] < 2.2 {
        #expect(Self.argmin(variances) == measure, "k = \(ks[p])")
      } else if ks[p] > 2.55 {
        for (e, v) in variances.enumerated() where e != pathwiseRow {
          #expect((0.8...1.2).contains(v), "k = \(ks[p]), \(result.plan.estimators[e])")
        }
        #expect(variances[pathwiseRow] > 3)
      }
    }
  }
}
