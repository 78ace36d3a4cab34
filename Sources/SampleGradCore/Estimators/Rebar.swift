extension EstimatorKind {
  /// REBAR with a fixed control-variate scale `eta` (Tucker et al. 2017).
  public static let rebar = EstimatorKind("rebar")
}

/// REBAR: the score function with the relaxation as a control variate, corrected so it stays
/// unbiased. Written as `g = A - eta C` with `A = f(b) score(b)` (plain REINFORCE) and
/// `C = f(s(z~)) score(b) - d f(s(z)) + d f(s(z~))`, `E[C] = 0`, where `z` is the Gumbel-perturbed
/// logits, `z~ ~ p(z | b)` a conditional sample from fresh noise and `s` the relaxation.
enum Rebar {
  static let needs = EstimatorNeeds(
    distribution: [.relaxation, .conditionalRelaxation], objective: [.derivative, .relaxedPoints])

  static let descriptor = EstimatorDescriptor(
    kind: .rebar, stream: 7, shortName: "REBAR",
    summary: "score function with the relaxation as a control variate (scale eta); unbiased",
    isUnbiased: true, needs: needs, evaluations: { _ in 3 },
    make: { make($0, eta: .fixed($0.options.eta)) })

  static func make(_ problem: GradientProblem, eta: EtaRule) -> any GradientEstimator {
    if case .bernoulli = problem.distribution.spec {
      return BernoulliRebar(problem: problem, eta: eta)
    }
    return CategoricalRebar(problem: problem, eta: eta)
  }
}

/// How REBAR's control-variate scale is chosen for each sample.
enum EtaRule {
  case fixed(Double)
  /// `sum_j S_AC / sum_j S_CC` over the earlier samples of the stream, 1 for the first
  /// `AdaptiveEta.warmup` (a ratio of a few draws has an unbounded tail). It depends on the
  /// past only, so the estimator stays unbiased.
  case adaptive(AdaptiveEta)

  /// The scale for the next sample.
  var current: Double {
    switch self {
    case .fixed(let eta): eta
    case .adaptive(let sums): sums.current
    }
  }

  var isAdaptive: Bool {
    if case .adaptive = self { return true }
    return false
  }

  /// Records this sample's `A` and `C` (adaptive rule only).
  mutating func record(
    a: UnsafePointer<Double>, c: UnsafePointer<Double>, count: Int
  ) {
    guard case .adaptive(var sums) = self else { return }
    sums.record(a: a, c: c, count: count)
    self = .adaptive(sums)
  }

  mutating func reset() {
    if case .adaptive = self { self = .adaptive(AdaptiveEta()) }
  }
}

/// Running sums of `A . C` and `C . C` over one stream's samples.
struct AdaptiveEta {
  static let warmup = 100
  private(set) var sumAC = 0.0
  private(set) var sumCC = 0.0
  private(set) var count = 0

  var current: Double {
    count < Self.warmup || !(sumCC > 0) ? 1 : sumAC / sumCC
  }

  mutating func record(a: UnsafePointer<Double>, c: UnsafePointer<Double>, count n: Int) {
    for j in 0..<n {
      sumAC += a[j] * c[j]
      sumCC += c[j] * c[j]
    }
    count += 1
  }
}

/// The last step of a REBAR sample: `out = A - eta C`, and the adaptive rule's bookkeeping.
///
/// With a fixed eta it is written `eta (d f(s(z)) - d f(s(z~))) - w p`, `out_b += w`,
/// `w = f(b) - eta f(s(z~))`, which is `A - eta C` expanded once. `b` is the component the
/// score `e_b - p` hits (-1 for none: a Bernoulli's `b - p` at b = 0).
struct RebarCombine {
  /// Scratch for `A` and `C` (adaptive rule only).
  let a: UnsafeMutablePointer<Double>
  let c: UnsafeMutablePointer<Double>

  @inline(__always)
  func callAsFunction(
    eta rule: inout EtaRule, count n: Int, hard b: Int, fHard: Double, fTilde: Double,
    probabilities p: UnsafePointer<Double>, relaxedGradient: UnsafePointer<Double>,
    conditionalGradient: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>
  ) {
    let eta = rule.current
    guard rule.isAdaptive else {
      let weight = fHard - eta * fTilde
      for j in 0..<n {
        out[j] = eta * (relaxedGradient[j] - conditionalGradient[j]) - weight * p[j]
      }
      if b >= 0 { out[b] += weight }
      return
    }
    for j in 0..<n {
      let score = (j == b ? 1 : 0) - p[j]
      a[j] = fHard * score
      c[j] = fTilde * score - relaxedGradient[j] + conditionalGradient[j]
      out[j] = a[j] - eta * c[j]
    }
    rule.record(a: a, c: c, count: n)
  }
}
