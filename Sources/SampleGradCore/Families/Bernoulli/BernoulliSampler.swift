/// Exact samples of D independent bits, each `b_d = 1[u_d >= 1 - p_d]` from one uniform (no
/// logarithm), `f` at them and their scores `b_d - p_d` w.r.t. the log-odds.
struct BernoulliSampler: IndependentOutcomes {
  let variables: Int
  var outcomes: Int { 2 }
  let slots: Int
  /// `f` at hard outcomes.
  var table: OutcomeTable
  /// `1 - p_d` (each its own sigmoid) and `p_d`.
  let buffers: ScratchBuffers
  let threshold: UnsafeMutablePointer<Double>
  let p: UnsafeMutablePointer<Double>
  /// Each slot's bits (slots x D).
  let drawn: ScratchBuffers

  init(problem: GradientProblem, slots: Int) {
    variables = problem.variables
    self.slots = max(slots, 1)
    table = OutcomeTable(objective: problem.objective)
    buffers = ScratchBuffers(count: variables, slots: 2)
    threshold = buffers.slot(0)
    p = buffers.slot(1)
    drawn = ScratchBuffers(count: 1, slots: 1, indexCount: self.slots * variables)
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    table.rebind(to: problem.objective)
    for d in 0..<variables {
      threshold[d] = problem.probabilities[2 * d]
      p[d] = problem.probabilities[2 * d + 1]
    }
  }

  @inline(__always)
  func draw(slot: Int, using rng: inout Xoshiro256StarStar) {
    let bits = drawn.indices + slot * variables
    for d in 0..<variables { bits[d] = rng.nextOpenUniform() < threshold[d] ? 0 : 1 }
  }

  @inline(__always)
  func value(slot: Int) -> Double {
    table.value(outcomes: drawn.indices + slot * variables)
  }

  @inline(__always)
  func writeScore(slot: Int, times weight: Double, into out: UnsafeMutablePointer<Double>) {
    let bits = drawn.indices + slot * variables
    for d in 0..<variables { out[d] = weight * (Double(bits[d]) - p[d]) }
  }

  /// `sum_i (w_i / divisor) b_i`, then the `-p` part of every score summed once.
  func writeScoreSum(
    weights: UnsafePointer<Double>, count: Int, dividedBy divisor: Double,
    into out: UnsafeMutablePointer<Double>
  ) {
    let scale = 1 / divisor
    for d in 0..<variables { out[d] = 0 }
    var weightSum = 0.0
    for i in 0..<count {
      let weight = weights[i] * scale
      weightSum += weight
      let bits = drawn.indices + i * variables
      // `weight b_d`, without a branch per bit.
      for d in 0..<variables { out[d] += weight * Double(bits[d]) }
    }
    for d in 0..<variables { out[d] -= weightSum * p[d] }
  }

  // MARK: IndependentOutcomes

  func outcome(slot: Int, variable d: Int) -> Int { drawn.indices[slot * variables + d] }

  func objectiveState(slot: Int) -> Double {
    table.sum(outcomes: drawn.indices + slot * variables)
  }

  @inline(__always)
  func value(slot: Int, variable d: Int, setTo j: Int, state: Double) -> Double {
    guard table.isModel else {
      return table.value(replacing: outcome(slot: slot, variable: d), with: j, inSum: state)
    }
    // A model's f is no sum of terms: evaluate it at the sample with bit d set to j.
    let bits = drawn.indices + slot * variables
    let old = bits[d]
    bits[d] = j
    defer { bits[d] = old }
    return table.value(outcomes: bits)
  }

  /// `out_d = p_d (1 - p_d) (a_d1 - a_d0)`: the sigmoid's chain rule.
  func writeOutcomeGradient(_ a: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
    for d in 0..<variables { out[d] = p[d] * threshold[d] * (a[2 * d + 1] - a[2 * d]) }
  }

  func place(_ x: UnsafePointer<Int>, slot: Int) {
    (drawn.indices + slot * variables).update(from: x, count: variables)
  }
}
