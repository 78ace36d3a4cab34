import Foundation

extension EstimatorKind {
  /// Antithetic-REINFORCE-multi-sample (Dimitriev and Zhou 2021).
  public static let arms = EstimatorKind("arms")
}

/// ARMS (Dimitriev and Zhou 2021, "ARMS: Antithetic-REINFORCE-Multi-Sample Gradient for
/// Binary Variables"), with the Dirichlet copula: n = `draws` samples of the D bits whose
/// draws of each bit are coupled antithetically (`DirichletCopula`; bits independent of each
/// other), then leave-one-out REINFORCE corrected for the coupling:
///
/// `g_d = (1 / (n - 1)) sum_i (f(b_i) - f̄) (b_id - p_d) * p_d (1 - p_d) / (r_d - P_d(both rare))`.
///
/// For two samples i, j: `E[(f(b_i) - f(b_j)) (b_id - p_d)] = (1 - ρ_d) dL/dl_d`, because bit d
/// of sample j is correlated with bit d of sample i only (`E[b_id | b_jd] - p_d =
/// ρ_d (b_jd - p_d)`), and the factor `1 / (1 - ρ_d)` undoes it: unbiased. With independent
/// samples ρ = 0 and it is RLOO; with n = 2 the copula is one uniform and its mirror, the
/// factor is `σ(|l|)` and the estimate is DisARM's (the same distribution). n evaluations.
struct ARMS: GradientEstimator {
  let n: Int
  let variables: Int
  /// `f` at hard outcomes (re-pointed on rebind: a model's f changes with every image).
  var table: OutcomeTable
  /// Per bit: the copula threshold `c`, the factor `debias / (n - 1)`, `1 - p` and `-p`
  /// (`b - p` for b = 1 and 0), and which outcome is rare (as 1.0 or 0.0).
  let numbers: ScratchBuffers
  /// The samples' exponentials, one bit at a time, and `f(b_i) - f̄`.
  let scratch: ScratchBuffers
  /// The n samples' bits (n x D).
  let bits: ScratchBuffers

  init(problem: GradientProblem) {
    n = problem.options.whole(ArmsEstimator.draws, for: .arms)
    variables = problem.variables
    table = OutcomeTable(objective: problem.objective)
    numbers = ScratchBuffers(count: variables, slots: 5)
    scratch = ScratchBuffers(count: n, slots: 2)
    bits = ScratchBuffers(count: 1, slots: 1, indexCount: n * variables)
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    table.rebind(to: problem.objective)
    for d in 0..<variables {
      let q = problem.probabilities[2 * d]  // σ(-l)
      let p = problem.probabilities[2 * d + 1]  // σ(l)
      let rare = min(p, q)
      numbers.slot(0)[d] = DirichletCopula.threshold(rare: rare, samples: n)
      numbers.slot(1)[d] = DirichletCopula.debias(p: p, q: q, samples: n) / Double(n - 1)
      numbers.slot(2)[d] = q
      numbers.slot(3)[d] = -p
      numbers.slot(4)[d] = p < 0.5 ? 1 : 0
    }
  }

  /// The n coupled samples' bits into `bits` (n x D): per bit one flat Dirichlet draw
  /// `w_i = E_i / sum E`, the rare outcome where `w_i > c`. Also the forward pass the overview
  /// tests (each sample is marginally exact).
  func drawSamples(using rng: inout Xoshiro256StarStar) {
    let threshold = numbers.slot(0)
    let rareOutcome = numbers.slot(4)
    let e = scratch.slot(0)
    let b = bits.indices
    for d in 0..<variables {
      var sum = 0.0
      for i in 0..<n {
        e[i] = -log(rng.nextOpenUniform())
        sum += e[i]
      }
      let bar = threshold[d] * sum
      let rare = Int(rareOutcome[d])
      for i in 0..<n { b[i * variables + d] = e[i] > bar ? rare : 1 - rare }
    }
  }

  func estimate(into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar) {
    let factor = numbers.slot(1)
    let one = numbers.slot(2)
    let zero = numbers.slot(3)
    let centered = scratch.slot(1)
    let b = bits.indices
    drawSamples(using: &rng)
    var mean = 0.0
    for i in 0..<n {
      centered[i] = table.value(outcomes: b + i * variables)
      mean += centered[i]
    }
    mean /= Double(n)
    for i in 0..<n { centered[i] -= mean }
    for d in 0..<variables {
      var s = 0.0
      for i in 0..<n { s += centered[i] * (b[i * variables + d] == 1 ? one[d] : zero[d]) }
      out[d] = factor[d] * s
    }
  }
}

/// ARMS's descriptor and option.
enum ArmsEstimator {
  /// Antithetic samples per estimate, n.
  static let draws = EstimatorOption(
    key: "draws", summary: "draws per estimate, k", range: 2...1024, defaultValue: 4,
    isWholeNumber: true)

  static let descriptor = EstimatorDescriptor(
    kind: .arms, stream: 20, shortName: "ARMS", longName: "ARMS (n antithetic)",
    summary: "n samples coupled by a Dirichlet copula, leave-one-out, debiased; unbiased",
    isUnbiased: true, needs: EstimatorNeeds(distribution: .binary), options: [draws],
    evaluations: { $0.options.whole(draws, for: .arms) }, make: { ARMS(problem: $0) })
}
