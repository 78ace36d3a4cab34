/// What an estimator's forward passes evaluated `f` at, counted so the overview can test it
/// against the exact distribution (issue 20): each point that is an outcome (a one-hot row or
/// a bit of 0 or 1 on every variable, or any value of a continuous sample) goes into a
/// histogram beside the exact probabilities; a point off the outcomes (a relaxed vector) is
/// only counted, since it is not a sample of p at all.
///
/// Tallies of the chunks of a run merge in chunk order, so a run's tally depends on the seed
/// and the sample count only.
public struct ForwardTally: Sendable, Equatable {
  /// The points that are outcomes: `D x K` counts (each point counts once in every
  /// variable's row), or the bins of a continuous sample.
  public private(set) var histogram: Histogram
  /// Forward passes counted (one per estimate).
  public private(set) var passes = 0
  /// Points `f` was evaluated at (several per pass for RLOO, ARM, measure-valued, ...).
  public private(set) var points = 0
  /// Of those, the points that are not an outcome of the distribution (relaxed vectors).
  public private(set) var offOutcomes = 0
  /// Coordinates of one variable in a point: K for a categorical row, 1 for a bit, 0 when
  /// continuous.
  let coordinates: Int
  let variables: Int

  init(problem: GradientProblem) {
    let layout = problem.distribution.spec.family.objectiveLayout
    variables = max(problem.variables, 1)
    if problem.probabilities.isEmpty {
      let p = problem.distribution.parameters
      histogram = Histogram(normalMean: p[0], std: p[1])
      coordinates = 0
    } else {
      histogram = Histogram(probabilities: problem.probabilities, variables: variables)
      coordinates = layout.coordinates
    }
  }

  /// The share of points that were outcomes (1 for an exact sampler, 0 for relaxed vectors).
  public var outcomeFraction: Double {
    points == 0 ? 0 : Double(points - offOutcomes) / Double(points)
  }

  /// One forward pass done (after recording its points).
  mutating func countPass() { passes += 1 }

  /// A hard sample: one outcome per variable.
  mutating func record(hard: UnsafePointer<Int>) {
    for d in 0..<variables { histogram.record(variable: d, outcome: hard[d]) }
    points += 1
  }

  /// `count` points at which variable `d` took `outcome` (IndeCateR's enumeration, counted
  /// per variable: the other variables' outcomes are recorded by their own calls).
  mutating func record(variable d: Int, outcome: Int, count: Int) {
    histogram.record(category: d * histogram.outcomes + outcome, count: count)
  }

  /// Adds `count` points to the number evaluated (with `record(variable:outcome:count:)`).
  mutating func countPoints(_ count: Int) { points += count }

  /// A point in f's domain (`D` rows of K coordinates, or D bits): an outcome if every
  /// coordinate is exactly 0 or 1 and each row has exactly one 1 (a bit: either), else a
  /// relaxed point, which is counted apart.
  mutating func record(point y: UnsafePointer<Double>) {
    points += 1
    let k = max(coordinates, 1)
    for d in 0..<variables where outcome(y + d * k, width: k) == nil {
      offOutcomes += 1
      return
    }
    for d in 0..<variables {
      histogram.record(variable: d, outcome: outcome(y + d * k, width: k)!)
    }
  }

  /// The outcome a variable's coordinates stand for, or nil if they are not one.
  private func outcome(_ row: UnsafePointer<Double>, width k: Int) -> Int? {
    if coordinates == 1 { return row[0] == 0 ? 0 : row[0] == 1 ? 1 : nil }
    var found: Int?
    for j in 0..<k {
      if row[j] == 1, found == nil {
        found = j
      } else if row[j] != 0 {
        return nil
      }
    }
    return found
  }

  /// A value of a continuous sample.
  mutating func record(value x: Double) {
    histogram.record(value: x)
    points += 1
  }

  public mutating func merge(_ other: ForwardTally) {
    histogram.merge(other.histogram)
    passes += other.passes
    points += other.points
    offOutcomes += other.offOutcomes
  }
}
