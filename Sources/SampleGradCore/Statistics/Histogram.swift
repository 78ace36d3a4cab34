import Foundation

/// Counts of samples per outcome (categories) or per bin (gaussian), beside the exact
/// probability of each, so the screen and the chi-square test compare like with like.
public struct Histogram: Sendable, Equatable {
  public private(set) var counts: [Int]
  /// The exact probability of each category or bin.
  public let probabilities: [Double]
  /// Bin edges (`counts.count + 1` of them) for a binned continuous sample; empty otherwise.
  public let edges: [Double]
  /// Samples below the first edge or above the last.
  public private(set) var outside: Int = 0
  /// Width of each bin (0 for categories).
  private let binWidth: Double
  /// Independent variables D: the counts are D rows of K outcomes, each row counting every
  /// sample once.
  public let variables: Int

  /// A histogram of D independent variables' outcomes (`D x K` probabilities, row-major).
  public init(probabilities: [Double], variables: Int = 1) {
    self.probabilities = probabilities
    self.variables = max(variables, 1)
    counts = [Int](repeating: 0, count: probabilities.count)
    edges = []
    binWidth = 0
  }

  /// A histogram of `bins` equal bins over `mean +/- span * std` of a normal distribution.
  public init(normalMean mean: Double, std: Double, bins: Int = 40, span: Double = 4) {
    let low = mean - span * std
    let width = 2 * span * std / Double(bins)
    binWidth = width
    edges = (0...bins).map { low + Double($0) * width }
    counts = [Int](repeating: 0, count: bins)
    variables = 1
    let cdf = edges.map { 0.5 * erfc(-($0 - mean) / (std * 2.0.squareRoot())) }
    probabilities = (0..<bins).map { cdf[$0 + 1] - cdf[$0] }
  }

  /// Samples counted (each sample counts once in every variable's row).
  public var total: Int { (counts.reduce(0, +) + outside) / variables }

  /// Outcomes per variable.
  public var outcomes: Int { counts.count / variables }

  /// Counts `count` samples (one by default) of a category, or of a bin by its index.
  public mutating func record(category: Int, count: Int = 1) {
    counts[category] += count
  }

  /// Counts one sample of variable `d` at `outcome`.
  @inline(__always)
  public mutating func record(variable d: Int, outcome: Int) {
    counts[d * (counts.count / variables) + outcome] += 1
  }

  /// Counts a block of outcomes: `outcomes[r]` is a sample of variable `r % D`, as the block
  /// kernels lay out their rows. One pass over the counts' storage, not a checked
  /// copy-on-write access per sample.
  mutating func record(rows: Int, outcomes: UnsafePointer<Int>) {
    let k = counts.count / variables
    let variables = variables
    counts.withUnsafeMutableBufferPointer { counts in
      if variables == 1 {
        for r in 0..<rows { counts[outcomes[r]] += 1 }
      } else {
        for r in 0..<rows { counts[(r % variables) * k + outcomes[r]] += 1 }
      }
    }
  }

  /// Records a continuous value into its bin (or as outside the range).
  public mutating func record(value: Double) {
    guard let first = edges.first, let last = edges.last, value >= first, value < last else {
      outside += 1
      return
    }
    let bin = min(Int((value - first) / binWidth), counts.count - 1)
    counts[bin] += 1
  }

  public mutating func merge(_ other: Histogram) {
    for i in counts.indices { counts[i] += other.counts[i] }
    outside += other.outside
  }

  /// Bins must be at least this many times the spacing of doubles at their edges: a
  /// sample is rounded to that spacing, which moves each bin's probability by about
  /// `spacing / width`, and 2^-20 (1e-6) is below what even 1e12 samples can detect.
  public static let resolutionFactor = 1_048_576.0

  /// Why the bins cannot be tested, or nil if they can: a std so small against the mean
  /// that neighbouring doubles are (nearly) a bin apart, so every sample lands on a few
  /// representable values and the counts say nothing about the sampler.
  public var unresolvedBins: String? {
    guard let resolution = unresolvedSpacing else { return nil }
    return "bins of width \(NumberFormat.short(binWidth)) are too fine for doubles near"
      + " \(NumberFormat.short(resolution.near)), which are"
      + " \(NumberFormat.short(resolution.spacing)) apart"
  }

  /// Where, and how far apart, the doubles are that make the bins unresolved (see
  /// `unresolvedBins`), or nil when the bins can be tested.
  public var unresolvedSpacing: (near: Double, spacing: Double)? {
    guard let first = edges.first, let last = edges.last else { return nil }
    let spacing = max(first.magnitude.ulp, last.magnitude.ulp)
    guard binWidth < Self.resolutionFactor * spacing else { return nil }
    return (max(first.magnitude, last.magnitude), spacing)
  }

  /// Pearson's chi-square test of the counts against the exact probabilities; skipped, with
  /// the reason, when the bins are finer than doubles resolve.
  public var chiSquare: ChiSquareTest {
    if let reason = unresolvedBins { return ChiSquareTest(skipped: reason) }
    if variables > 1 {
      // Independent rows: the statistics and the degrees of freedom add.
      let k = outcomes
      let rows = (0..<variables).map { d in
        ChiSquareTest(
          observed: counts[(d * k)..<((d + 1) * k)].map(Double.init),
          probabilities: Array(probabilities[(d * k)..<((d + 1) * k)]))
      }
      return ChiSquareTest(combining: rows)
    }
    var observed = counts.map(Double.init)
    var expected = probabilities
    if !edges.isEmpty {
      observed.append(Double(outside))
      expected.append(max(0, 1 - probabilities.reduce(0, +)))
    }
    return ChiSquareTest(observed: observed, probabilities: expected)
  }
}
