/// Exact samples of D independent categoricals, each variable drawn by inverting its
/// cumulative probabilities with one uniform (no logarithm: the score function needs an exact
/// sample, not its noise), `f` at them and their scores `e_b - p`, row by row.
struct CategoricalSampler: IndependentOutcomes {
  let variables: Int
  let outcomes: Int
  let slots: Int
  /// `f` at hard outcomes.
  let table: OutcomeTable
  /// Owns p and the cumulative p (D x K each).
  let buffers: ScratchBuffers
  let probabilities: UnsafeMutablePointer<Double>
  let cumulative: UnsafeMutablePointer<Double>
  /// The outcome of each variable of each slot's sample (slots x D).
  let drawn: ScratchBuffers

  init(problem: GradientProblem, slots: Int) {
    variables = problem.variables
    outcomes = problem.categories
    self.slots = max(slots, 1)
    table = OutcomeTable(objective: problem.objective)
    buffers = ScratchBuffers(count: variables * outcomes, slots: 2)
    probabilities = buffers.slot(0)
    cumulative = buffers.slot(1)
    drawn = ScratchBuffers(count: 1, slots: 1, indexCount: self.slots * variables)
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    let k = outcomes
    for d in 0..<variables {
      var total = 0.0
      for j in 0..<k {
        let p = problem.probabilities[d * k + j]
        probabilities[d * k + j] = p
        total += p
        cumulative[d * k + j] = total
      }
    }
  }

  @inline(__always)
  func draw(slot: Int, using rng: inout Xoshiro256StarStar) {
    let k = outcomes
    let outcome = drawn.indices + slot * variables
    for d in 0..<variables {
      let u = rng.nextOpenUniform()
      let row = cumulative + d * k
      var b = k - 1
      for j in 0..<(k - 1) where u < row[j] {
        b = j
        break
      }
      outcome[d] = b
    }
  }

  @inline(__always)
  func value(slot: Int) -> Double {
    table.value(outcomes: drawn.indices + slot * variables)
  }

  /// `out = weight (e_b - p)`, row by row: `-weight p` everywhere, then `+weight` at b.
  @inline(__always)
  func writeScore(slot: Int, times weight: Double, into out: UnsafeMutablePointer<Double>) {
    let k = outcomes
    let outcome = drawn.indices + slot * variables
    for j in 0..<(variables * k) { out[j] = -weight * probabilities[j] }
    for d in 0..<variables { out[d * k + outcome[d]] += weight }
  }

  /// `sum_i (w_i / divisor) e_(b_i)`, then the `-p` part of every score summed once.
  func writeScoreSum(
    weights: UnsafePointer<Double>, count: Int, dividedBy divisor: Double,
    into out: UnsafeMutablePointer<Double>
  ) {
    let k = outcomes
    let n = variables * k
    let scale = 1 / divisor
    for j in 0..<n { out[j] = 0 }
    var weightSum = 0.0
    for i in 0..<count {
      let weight = weights[i] * scale
      weightSum += weight
      let outcome = drawn.indices + i * variables
      for d in 0..<variables { out[d * k + outcome[d]] += weight }
    }
    for j in 0..<n { out[j] -= weightSum * probabilities[j] }
  }

  // MARK: IndependentOutcomes

  func outcome(slot: Int, variable d: Int) -> Int { drawn.indices[slot * variables + d] }

  func objectiveState(slot: Int) -> Double {
    table.sum(outcomes: drawn.indices + slot * variables)
  }

  @inline(__always)
  func value(slot: Int, variable d: Int, setTo j: Int, state: Double) -> Double {
    table.value(replacing: outcome(slot: slot, variable: d), with: j, inSum: state)
  }

  /// `out_dj = p_dj (a_dj - sum_i p_di a_di)`: the softmax's chain rule, row by row.
  func writeOutcomeGradient(_ a: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
    Categorical.softmaxChain(
      probabilities: probabilities, slopes: a, variables: variables, categories: outcomes,
      into: out)
  }

  func place(_ x: UnsafePointer<Int>, slot: Int) {
    (drawn.indices + slot * variables).update(from: x, count: variables)
  }
}
