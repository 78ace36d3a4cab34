/// The binary Concrete relaxation of D bits: `z_d = l_d + logit(u_d)`, `b_d = 1[z_d > 0]`,
/// `y_d = sigmoid(z_d / τ)` with slope `dy/dz = y (1 - y) / τ` (`RelaxedLogistic`), and
/// REBAR's conditional logistic sample per bit (`ConditionalLogistic`).
struct BernoulliRelaxation: ConditionalRelaxation {
  let variables: Int
  var noiseCount: Int { variables }
  var pointCount: Int { variables }
  var parameterCount: Int { variables }
  private(set) var temperature = 1.0
  private(set) var objective: Objective
  /// `f` at hard outcomes.
  private(set) var table: OutcomeTable
  /// Each bit's log-odds and what its conditional draw needs of them.
  private(set) var conditionals: [ConditionalLogistic]
  /// `p_d`, which the score `b - p` subtracts; ReinMax's `σ(l_d / τ)` and `σ(-l_d / τ)`.
  let buffers: ScratchBuffers

  init(problem: GradientProblem, slots: Int) {
    variables = problem.variables
    objective = problem.objective
    table = OutcomeTable(objective: problem.objective)
    conditionals = []
    buffers = ScratchBuffers(count: variables, slots: 3)
    rebind(to: problem)
  }

  mutating func rebind(to problem: GradientProblem) {
    objective = problem.objective
    table.rebind(to: problem.objective)
    let logOdds = problem.distribution.parameters
    if conditionals.count == variables {
      for d in 0..<variables { conditionals[d] = ConditionalLogistic(logOdds: logOdds[d]) }
    } else {
      conditionals = logOdds.map { ConditionalLogistic(logOdds: $0) }
    }
    temperature = problem.distribution.temperature ?? 1
    for d in 0..<variables {
      buffers.slot(0)[d] = problem.probabilities[2 * d + 1]
      buffers.slot(1)[d] = LogSpace.sigmoid(logOdds[d] / temperature)
      buffers.slot(2)[d] = LogSpace.sigmoid(-logOdds[d] / temperature)
    }
  }

  @inline(__always)
  func perturb(
    using rng: inout Xoshiro256StarStar, into z: UnsafeMutablePointer<Double>,
    hard: UnsafeMutablePointer<Int>
  ) {
    for d in 0..<variables {
      let value = conditionals[d].logOdds + LogSpace.logit(rng.nextOpenUniform())
      z[d] = value
      hard[d] = value > 0 ? 1 : 0
    }
  }

  @inline(__always)
  func relax(
    _ z: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>,
    aux: UnsafeMutablePointer<Double>
  ) {
    for d in 0..<variables {
      let relaxed = RelaxedLogistic(z: z[d], temperature: temperature)
      y[d] = relaxed.y
      aux[d] = relaxed.slope
    }
  }

  func writeHardPoint(_ hard: UnsafePointer<Int>, into x: UnsafeMutablePointer<Double>) {
    for d in 0..<variables { x[d] = hard[d] == 1 ? 1 : 0 }
  }

  @inline(__always)
  func hardValue(_ hard: UnsafePointer<Int>) -> Double { table.value(outcomes: hard) }

  /// `df/dz_d = df/dy_d * slope_d`.
  @inline(__always)
  func backward(
    y: UnsafePointer<Double>, aux: UnsafePointer<Double>, upstream d: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>
  ) {
    for i in 0..<variables { out[i] = d[i] * aux[i] }
  }

  /// Sums the slopes; the average is `df/dy * (sum of slopes) / draws`.
  func addJacobian(
    y: UnsafePointer<Double>, aux: UnsafePointer<Double>, upstream d: UnsafePointer<Double>,
    into accumulator: UnsafeMutablePointer<Double>
  ) {
    for i in 0..<variables { accumulator[i] += aux[i] }
  }

  func writeAverage(
    _ accumulator: UnsafePointer<Double>, draws: Int, upstream d: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>
  ) {
    for i in 0..<variables { out[i] = d[i] * accumulator[i] / Double(draws) }
  }

  var scoreProbabilities: UnsafePointer<Double> { UnsafePointer(buffers.slot(0)) }

  /// The score `b_d - p_d` hits component d exactly when `b_d = 1`.
  func scoreHits(_ hard: UnsafePointer<Int>, into hits: UnsafeMutablePointer<Int>) -> Int {
    var n = 0
    for d in 0..<variables where hard[d] == 1 {
      hits[n] = d
      n += 1
    }
    return n
  }

  /// One fresh uniform per bit; `r` gets `dz~/dl` (q is not used).
  @inline(__always)
  func conditional(
    given hard: UnsafePointer<Int>, using rng: inout Xoshiro256StarStar,
    into zTilde: UnsafeMutablePointer<Double>, r: UnsafeMutablePointer<Double>?,
    q: UnsafeMutablePointer<Double>?
  ) {
    for d in 0..<variables {
      let sample = conditionals[d].sample(given: hard[d], uniform: rng.nextOpenUniform())
      zTilde[d] = sample.value
      r?[d] = sample.derivative
    }
  }

  @inline(__always)
  func conditionalBackward(
    upstream s: UnsafePointer<Double>, given hard: UnsafePointer<Int>, r: UnsafePointer<Double>,
    q: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>
  ) {
    for d in 0..<variables { out[d] = s[d] * r[d] }
  }
}
