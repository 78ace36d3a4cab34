/// Per-component running mean and variance of a stream of vectors.
///
/// Welford's update is exact to rounding for any number of samples (no catastrophic
/// cancellation of `sum x^2 - n mean^2`); Chan et al.'s merge combines per-worker
/// accumulators into the one a single pass over all samples would give.
///
/// Given a reference vector (the exact gradient), it also sums the cosine between each
/// sample and the reference, the mean of which says how often one estimate points the right
/// way: on D variables a per-component variance hides that the noise of all components
/// together can swamp the gradient's direction.
public struct RunningMoments: Sendable, Equatable {
  public private(set) var count: Int = 0
  public private(set) var mean: [Double]
  /// Sum of squared deviations from the mean, per component.
  public private(set) var sumOfSquares: [Double]
  /// The vector each sample's cosine is taken against (empty: none).
  public private(set) var reference: [Double] = []
  /// `|reference|`.
  private var referenceNorm = 0.0
  /// Sum over samples of `cos(sample, reference)` (a zero sample counts 0); NaN once unknown
  /// (moments rebuilt from a summary).
  public private(set) var cosineSum = 0.0

  public init(dimension: Int) {
    mean = [Double](repeating: 0, count: dimension)
    sumOfSquares = [Double](repeating: 0, count: dimension)
  }

  /// Moments that also track each sample's cosine with `reference` (one value per component).
  public init(dimension: Int, reference: [Double]) {
    self.init(dimension: dimension)
    self.reference = reference
    referenceNorm = reference.reduce(0) { $0 + $1 * $1 }.squareRoot()
  }

  /// Empty moments of an estimator on `problem`, with the cosine against its exact gradient.
  public init(estimatesOf problem: GradientProblem) {
    self.init(dimension: problem.dimension, reference: problem.exact.gradient)
  }

  /// Empty moments like these (same dimension and reference).
  public func emptied() -> RunningMoments {
    var copy = RunningMoments(dimension: mean.count)
    copy.reference = reference
    copy.referenceNorm = referenceNorm
    return copy
  }

  /// The mean cosine between one sample and the reference, or nil without a reference, with
  /// a zero reference, before any sample, or once unknown.
  public var meanCosine: Double? {
    guard count > 0, referenceNorm > 0, referenceNorm.isFinite, !cosineSum.isNaN else {
      return nil
    }
    return cosineSum / Double(count)
  }

  /// Moments with a given count, mean and per-sample variance (a summary rebuilt from its
  /// numbers, e.g. the live screen's, to print in `run`'s schema).
  public init(count: Int, mean: [Double], variance: [Double]) {
    self.count = count
    self.mean = mean
    sumOfSquares = variance.map { $0 * Double(max(count - 1, 0)) }
    cosineSum = .nan
  }

  public var dimension: Int { mean.count }

  /// Adds one sample of `dimension` values.
  mutating func add(_ x: UnsafePointer<Double>) {
    count += 1
    let inverse = 1 / Double(count)
    let dimension = mean.count
    if !reference.isEmpty { addCosine(x) }
    mean.withUnsafeMutableBufferPointer { m in
      sumOfSquares.withUnsafeMutableBufferPointer { s in
        for i in 0..<dimension {
          let delta = x[i] - m[i]
          m[i] += delta * inverse
          s[i] += delta * (x[i] - m[i])
        }
      }
    }
  }

  /// Adds the sample `x` `n` times. An estimator that only ever gives 0 (backprop through
  /// argmax) keeps every mean and sum at +0: then each of the `n` updates has a delta of +0
  /// and a cosine that counts 0, so only the count moves, and that is all this does. Any
  /// other sample or state takes the `n` updates one by one.
  mutating func add(_ x: UnsafePointer<Double>, times n: Int) {
    let positiveZero = { (value: Double) in value.bitPattern == 0 }
    let dimension = mean.count
    if (0..<dimension).allSatisfy({ positiveZero(x[$0]) }) && mean.allSatisfy(positiveZero)
      && sumOfSquares.allSatisfy(positiveZero)
    {
      count += n
      return
    }
    for _ in 0..<n { add(x) }
  }

  /// `cos(x, reference)`, 0 for a zero sample.
  private mutating func addCosine(_ x: UnsafePointer<Double>) {
    var dot = 0.0
    var norm = 0.0
    reference.withUnsafeBufferPointer { r in
      for i in 0..<r.count {
        dot += x[i] * r[i]
        norm += x[i] * x[i]
      }
    }
    if norm > 0 { cosineSum += dot / (norm.squareRoot() * referenceNorm) }
  }

  /// Adds one sample given as an array (tests and slow paths).
  public mutating func add(_ x: [Double]) {
    x.withUnsafeBufferPointer { add($0.baseAddress!) }
  }

  /// Folds `other` in: the result equals one accumulator over both sample sets.
  public mutating func merge(_ other: RunningMoments) {
    guard other.count > 0 else { return }
    guard count > 0 else {
      self = other
      return
    }
    cosineSum += other.cosineSum
    let n1 = Double(count)
    let n2 = Double(other.count)
    let n = n1 + n2
    for i in 0..<mean.count {
      let delta = other.mean[i] - mean[i]
      mean[i] += delta * n2 / n
      sumOfSquares[i] += other.sumOfSquares[i] + delta * delta * n1 * n2 / n
    }
    count += other.count
  }

  /// The unbiased sample variance of a single sample, per component (0 before two samples).
  public var variance: [Double] {
    guard count > 1 else { return [Double](repeating: 0, count: mean.count) }
    return sumOfSquares.map { max($0, 0) / Double(count - 1) }
  }

  /// Standard error of the mean, `sqrt(variance / count)`, per component.
  public var standardError: [Double] {
    guard count > 1 else { return [Double](repeating: 0, count: mean.count) }
    return variance.map { ($0 / Double(count)).squareRoot() }
  }
}
