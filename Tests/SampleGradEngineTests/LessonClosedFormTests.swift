import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

/// Issue 20: the numbers a lesson or caption states that are properties of the problem (an exact
/// gradient, a probability, the variance of an estimator in closed form) are checked against
/// the closed form, computed here by quadrature or enumeration without the code under test, at
/// the precision they are written with. No seed enters, so they hold at every seed; the screen's
/// readings scatter around them (the sampled claims: `LessonClaimsAcrossSeedsTests`).
@Suite("Lesson numbers in closed form")
struct LessonClosedFormTests {
  static func lesson(_ name: String) throws -> String {
    try #require(try PresetLab.load(name).lesson)
  }

  @Test("gaussian-reparameterization: pathwise 4, score function 30 and 87, baseline 18 and 42")
  func gaussianReparameterization() throws {
    let text = try Self.lesson("gaussian-reparameterization")
    let start = try Quote("has variance {4} for the mean's gradient", in: text)
    let plain = try Quote("only sees f(x): variance {30}, seven and a half", in: text)
    let baseline = try Quote("({18} with the running-mean baseline)", in: text)
    let moved = try Quote(
      "jumps to about {87} ({42} with the baseline) while the pathwise one stays {4}", in: text)
    let square = GaussianObjective.quadratic(target: 0)
    for (mean, pathwise, score, withBaseline) in [
      (1.0, start[0], plain[0], baseline[0]), (2.0, moved[2], moved[0], moved[1]),
    ] {
      let x = GaussianMoments(mean: mean, std: 1, objective: square)
      #expect(pathwise.covers(x.pathwiseVariance[0]))
      #expect(score.covers(x.scoreFunctionVariance(baseline: 0)[0]), "mean \(mean)")
      // The running mean of f settles on L: the constant baseline c = L.
      #expect(withBaseline.covers(x.scoreFunctionVariance(baseline: x.loss)[0]), "mean \(mean)")
    }
    let x = GaussianMoments(mean: 1, std: 1, objective: square)
    #expect(
      WrittenNumber("7.5").covers(x.scoreFunctionVariance(baseline: 0)[0] / x.pathwiseVariance[0]))
  }

  @Test("measure-valued: 30 and 136, 4 and 12, 1.09; at mean 2: 87, 4 and 4.4")
  func measureValued() throws {
    let text = try Self.lesson("measure-valued")
    let score = try Quote("(variance {30} on the mean, {136} on the std)", in: text)
    let pathwise = try Quote("differentiates f ({4} and {12})", in: text)
    let measure = try Quote("derivative ({1.09} and 8)", in: text)
    let moved = try Quote("triples ({87}), the pathwise one stays at {4}", in: text)
    let squared = try Quote("squared to {4.4}", in: text)
    let square = GaussianObjective.quadratic(target: 0)
    let one = GaussianMoments(mean: 1, std: 1, objective: square)
    let two = GaussianMoments(mean: 2, std: 1, objective: square)
    let scoreOne = one.scoreFunctionVariance(baseline: 0)
    #expect(score[0].covers(scoreOne[0]) && score[1].covers(scoreOne[1]))
    #expect(
      pathwise[0].covers(one.pathwiseVariance[0]) && pathwise[1].covers(one.pathwiseVariance[1]))
    // The measure-valued estimator of the mean is (f(mean + W) - f(mean - W)) / sqrt(2 pi) with
    // W Rayleigh: 4 mean W / sqrt(2 pi) for x^2, variance 16 mean^2 Var(W) / (2 pi), Var(W) =
    // (4 - pi) / 2.
    func measureOnMean(_ mean: Double) -> Double { 4 * mean * mean * (4 - Double.pi) / Double.pi }
    #expect(measure[0].covers(measureOnMean(1)) && squared[0].covers(measureOnMean(2)))
    #expect(moved[0].covers(two.scoreFunctionVariance(baseline: 0)[0]))
    #expect(moved[1].covers(two.pathwiseVariance[0]))
    #expect(
      WrittenNumber("3").covers(two.scoreFunctionVariance(baseline: 0)[0] / scoreOne[0]), "triples")
    // "just above the pathwise one".
    #expect(measureOnMean(2) > two.pathwiseVariance[0])
  }

  @Test("gaussian-cosine with frequency 1 at std 0.5: pathwise 0.16 against 1.8, over ten times")
  func gaussianCosineFrequencyOne() throws {
    let text = try Self.lesson("gaussian-cosine")
    let quote = try Quote(
      "the pathwise estimator wins over ten times ({0.16} against {1.8})", in: text)
    let x = GaussianMoments(mean: 0.5, std: 0.5, objective: .cosine(frequency: 1))
    let pathwise = x.pathwiseVariance[0]
    let score = x.scoreFunctionVariance(baseline: 0)[0]
    #expect(quote[0].covers(pathwise) && quote[1].covers(score))
    #expect(score > 10 * pathwise)
    // "frequency times std decides (1.5, then 0.96)": 3 x 0.5 and 3 x 0.5 / 1.25^2.
    _ = try Quote("({1.5}, then {0.96})", in: text)
    #expect(WrittenNumber("0.96").covers(3 * 0.5 / (1.25 * 1.25)))
  }

  @Test("step-function and lax-on-a-step: P(x > 1) = 0.159, rate 0.242, score function 0.34")
  func stepFunction() throws {
    let step = try Self.lesson("step-function")
    let loss = try Quote("P(x > 1) = {0.159}", in: step)
    let rate = try Quote("at a rate of {0.242}", in: step)
    let score = try Quote("(0.038 against {0.34})", in: step)
    let lax = try Quote("against the score function's {0.34}", in: try Self.lesson("lax-on-a-step"))
    let x = GaussianMoments(mean: 0, std: 1, objective: .step(threshold: 1))
    #expect(loss[0].covers(x.loss))
    #expect(rate[0].covers(x.gradient[0]) && rate[0].covers(x.gradient[1]))
    #expect(score[0].covers(x.scoreFunctionVariance(baseline: 0)[0]))
    #expect(lax[0].covers(x.scoreFunctionVariance(baseline: 0)[0]))
  }

  @Test(
    "mohamed-quadratic: 15 at k = 1, 495 at k = -3, pathwise 4, measure-valued wins -0.9 to 2.9")
  func mohamedQuadratic() throws {
    let text = try Self.lesson("mohamed-quadratic")
    let score = try Quote("from {15} at k = 1 to {495} at k = -3", in: text)
    let pathwise = try Quote("pathwise estimator's is {4} at every k", in: text)
    let crossing = try Quote("between about {-0.9} and {2.9}, pathwise beyond", in: text)
    _ = try Quote("The measure-valued one is 1.09 (k - 1)^2", in: text)
    for (k, written) in [(1.0, score[0]), (-3.0, score[1])] {
      let x = GaussianMoments(mean: 1, std: 1, objective: .quadratic(target: k))
      #expect(written.covers(x.scoreFunctionVariance(baseline: 0)[0]), "k = \(k)")
      #expect(pathwise[0].covers(x.pathwiseVariance[0]))
    }
    // 4 (4 - pi) / pi (k - 1)^2 = 4 where the winner changes.
    let constant = 4 * (4 - Double.pi) / Double.pi
    #expect(WrittenNumber("1.09").covers(constant))
    let half = (4 / constant).squareRoot()
    #expect(crossing[0].covers(1 - half) && crossing[1].covers(1 + half))
  }

  @Test("mohamed-cosine: pathwise 0.04 to 12.5, score function 0.29 to 0.5, which wins above k = 1")
  func mohamedCosine() throws {
    let scenario = try PresetLab.load("mohamed-cosine")
    let text = try #require(scenario.lesson)
    let pathwise = try Quote("climbs from {0.04} to {12.5}", in: text)
    let score = try Quote("stays between {0.29} and {0.5} because", in: text)
    _ = try Quote("the score function wins above k = 1", in: text)
    let plan = try SweepPlan.standard(for: scenario, spec: try #require(scenario.sweep))
    let ks = (0..<plan.grid.points).map(plan.grid.value)
    var scores: [Double] = []
    for k in ks {
      let x = GaussianMoments(mean: 1, std: 1, objective: .cosine(frequency: k))
      let s = x.scoreFunctionVariance(baseline: 0)[0]
      scores.append(s)
      #expect((s < x.pathwiseVariance[0]) == (k > 1), "k = \(k)")
      if k == ks.first { #expect(pathwise[0].covers(x.pathwiseVariance[0])) }
      if k == ks.last { #expect(pathwise[1].covers(x.pathwiseVariance[0])) }
    }
    #expect(score[0].covers(scores.min()!) && score[1].covers(scores.max()!), "\(scores)")
  }

  @Test("relax-toy: gradient 0.025, +0.15 and -0.10, SD/|g| 5, 0.016, relaxed means 14% low")
  func relaxToy() throws {
    let text = try Self.lesson("relax-toy")
    _ = try Quote("gradient 0.025 (log-odds)", in: text)
    _ = try Quote("gives +0.15 if b = 1 and -0.10 if b = 0", in: text)
    let noise = try Quote("SD/|g| column reads {5}", in: text)
    let score = try Quote("(0.023 against {0.016} at 0.5", in: text)
    let low = try Quote("straight-through are {14%} low", in: text)
    // b ~ Bernoulli(1/2), f(b) = (b - 0.45)^2: the score function is f(b) (b - 1/2).
    let (f0, f1) = (0.45 * 0.45, 0.55 * 0.55)
    let gradient = 0.5 * (f1 * 0.5) + 0.5 * (f0 * -0.5)
    #expect(abs(gradient - 0.025) < 1e-15)
    #expect(WrittenNumber("0.15").covers(f1 * 0.5) && WrittenNumber("-0.10").covers(f0 * -0.5))
    let variance = 0.5 * pow(f1 * 0.5, 2) + 0.5 * pow(f0 * 0.5, 2) - gradient * gradient
    #expect(score[0].covers(variance) && noise[0].covers(variance.squareRoot() / gradient))
    // At p = 1/2 both relaxed means are 0.1 E[y (1 - y)] / tau, y = sigmoid(logit(u) / tau),
    // u uniform: by the midpoint rule over u.
    let tau = 0.5
    let n = 200_000
    var sum = 0.0
    for i in 0..<n {
      let u = (Double(i) + 0.5) / Double(n)
      let y = 1 / (1 + exp(-log(u / (1 - u)) / tau))
      sum += y * (1 - y)
    }
    let mean = 0.1 * (sum / Double(n)) / tau
    #expect(low[0].covers(1 - mean / gradient), "\(1 - mean / gradient)")
  }

  @Test("many-categories: 0.03 against 0.19, sqrt(K - 1) = 5.6 (1.7), 3,100 draws, ten times")
  func manyCategories() throws {
    let text = try Self.lesson("many-categories")
    let gradients = try Quote("({0.03}, against {0.19} for K = 4)", in: text)
    let noise = try Quote(
      "sqrt(K - 1) = {5.6} ({1.7} for K = 4), and n 10% about {3,100} draws", in: text)
    // One-hot outcomes, f = x_1, uniform p = 1/K: the gradient on logit 1 is (K - 1) / K^2
    // and the score function's SD/|g| is sqrt(K - 1); n 10% = 100 (SD/|g|)^2.
    func gradient(_ k: Double) -> Double { (k - 1) / (k * k) }
    #expect(gradients[0].covers(gradient(32)) && gradients[1].covers(gradient(4)))
    #expect(noise[0].covers(31.0.squareRoot()) && noise[1].covers(3.0.squareRoot()))
    #expect(noise[2].covers(100 * 31))
    #expect(WrittenNumber("10").covers(31.0 / 3), "ten times more")
    let scenario = try PresetLab.load("many-categories")
    #expect(abs(scenario.problem.exact.gradient[0] - gradient(32)) < 1e-12)
    let variance = PresetLab.scoreFunctionVariance(scenario, baseline: 0)[0]
    #expect(abs(variance.squareRoot() / gradient(32) - 31.0.squareRoot()) < 1e-9)
  }

  @Test("categorical scores: 0.0924 and 0.9 (argmax, tour), 0.899 / 4, 6.6 and 0.00006, 0.009")
  func categoricalScoreFunctions() throws {
    let quadratic = try PresetLab.load("bias-and-variance")
    let g = quadratic.problem.exact.gradient[0]
    let v = PresetLab.scoreFunctionVariance(quadratic, baseline: 0)[0]
    let argmax = try Self.lesson("argmax-has-no-gradient")
    let exact = try Quote("(0.15 against {0.0924} on logit 1)", in: argmax)
    let variance = try Quote("at a variance of {0.9}", in: argmax)
    #expect(exact[0].covers(g) && variance[0].covers(v))
    let loo = try Quote(
      "score function gives {0.899} / 4 = {0.22}", in: try Self.lesson("leave-one-out"))
    #expect(loo[0].covers(v) && loo[1].covers(v / 4))
    let baseline = try PresetLab.load("score-function-baseline")
    let text = try #require(baseline.lesson)
    let quoted = try Quote("the variance drops from {6.6} to 0.18", in: text)
    let rare = try Quote("Logit 4 is rare (p = {0.009}) with f = 0", in: text)
    let rareVariance = try Quote("raises the variance from {0.00006}", in: text)
    let mean = try Quote("mean of f over earlier draws (about {5.07})", in: text)
    let plain = PresetLab.scoreFunctionVariance(baseline, baseline: 0)
    #expect(quoted[0].covers(plain[0]) && rareVariance[0].covers(plain[3]))
    #expect(rare[0].covers(baseline.problem.probabilities[3]))
    #expect(mean[0].covers(baseline.problem.exact.loss))
  }

  @Test("antithetic-bernoulli at log-odds -2: p = 0.12, the score function's 0.0089")
  func antitheticAtMinusTwo() throws {
    let text = try Self.lesson("antithetic-bernoulli")
    let p = try Quote("(log-odds -2, p = {0.12})", in: text)
    let score = try Quote("the score function {0.0089}", in: text)
    // f(b) (b - p) over b in {0, 1}, f(b) = (b - 0.45)^2.
    let q = 1 / (1 + exp(2.0))
    let (f0, f1) = (0.45 * 0.45, 0.55 * 0.55)
    let gradient = q * f1 * (1 - q) + (1 - q) * f0 * -q
    let second = q * pow(f1 * (1 - q), 2) + (1 - q) * pow(f0 * q, 2)
    #expect(p[0].covers(q) && score[0].covers(second - gradient * gradient))
  }

  @Test("temperature: softmax(logits) = [0.60, 0.22, 0.13, 0.05]")
  func temperatureSoftmax() throws {
    let text = try Self.lesson("temperature")
    let p = try Quote("softmax(logits) = [{0.60}, {0.22}, {0.13}, {0.05}]", in: text)
    let logits = [1.5, 0.5, 0.0, -1.0]
    let total = logits.map(exp).reduce(0, +)
    for (written, logit) in zip(p.numbers, logits) { #expect(written.covers(exp(logit) / total)) }
  }
}
