/// Per-component running mean and variance of a stream of vectors.
///
/// Welford's update is exact to rounding for any number of samples (no catastrophic
/// cancellation of `sum x^2 - n mean^2`); Chan et al.'s merge combines per-worker
/// accumulators into the one a single pass over all samples would give.
public struct RunningMoments: Sendable, Equatable {
  public private(set) var count: Int = 0
  public private(set) var mean: [Double]
  /// Sum of squared deviations from the mean, per component.
  public private(set) var sumOfSquares: [Double]

  public init(dimension: Int) {
    mean = [Double](repeating: 0, count: dimension)
    sumOfSquares = [Double](repeating: 0, count: dimension)
  }

  /// Moments with a given count, mean and per-sample variance (a summary rebuilt from its
  /// numbers, e.g. the live screen's, to print in `run`'s schema).
  public init(count: Int, mean: [Double], variance: [Double]) {
    self.count = count
    self.mean = mean
    sumOfSquares = variance.map { $0 * Double(max(count - 1, 0)) }
  }

  public var dimension: Int { mean.count }

  /// Adds one sample of `dimension` values.
  mutating func add(_ x: UnsafePointer<Double>) {
    count += 1
    let inverse = 1 / Double(count)
    let dimension = mean.count
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
