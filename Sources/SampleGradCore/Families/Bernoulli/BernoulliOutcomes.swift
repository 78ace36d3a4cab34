/// The histogram and relaxed samples of D bits: each bit by one logistic draw,
/// `z = l + logit(u)`, `b = 1[z > 0]`, relaxed `[1 - y, y]` with `y = sigmoid(z / τ)` and
/// `1 - y` its own sigmoid.
final class BernoulliOutcomes: OutcomeSource {
  let problem: GradientProblem
  let logOdds: [Double]
  let temperature: Double
  /// The latest relaxed sample, `[1 - y_d, y_d]` per bit.
  private var y: [Double]

  init(problem: GradientProblem) {
    self.problem = problem
    logOdds = problem.distribution.parameters
    temperature = problem.distribution.temperature ?? 1
    y = [Double](repeating: 0, count: 2 * logOdds.count)
  }

  var relaxedDimension: Int { 2 * logOdds.count }
  var latestRelaxed: [Double] { y }

  func makeHistogram() -> Histogram {
    Histogram(probabilities: problem.probabilities, variables: logOdds.count)
  }

  func resetState() {}

  func run(
    count: Int, using rng: inout Xoshiro256StarStar, histogram: inout Histogram,
    relaxed: inout RunningMoments
  ) {
    let tau = temperature
    y.withUnsafeMutableBufferPointer { yy in
      let y = yy.baseAddress!
      for _ in 0..<count {
        for d in logOdds.indices {
          let z = logOdds[d] + LogSpace.logit(rng.nextOpenUniform())
          let relaxedBit = RelaxedLogistic(z: z, temperature: tau)
          y[2 * d] = LogSpace.sigmoid(-z / tau)
          y[2 * d + 1] = relaxedBit.y
          histogram.record(variable: d, outcome: z > 0 ? 1 : 0)
        }
        relaxed.add(UnsafePointer(y))
      }
    }
  }
}
