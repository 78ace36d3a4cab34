import Foundation

/// How the explorer's arrow and page keys move a parameter, so that a student never lands on
/// floating-point residue (ten steps of -0.1 from 1 reach 1.39e-16, not 0) or on a value the
/// scenario rules refuse.
///
/// A mean, a logit or a log-odds moves by 0.1 (or 1) and lands on a multiple of 0.1: from an
/// off-grid value (typed with `=`) a step goes to the next grid point in that direction. A standard deviation is a scale, so it moves by a factor (x/÷ 1.25, or 2), stays
/// between `stdRange`'s bounds (both accepted by the scenario rules, which ask std > 0) and
/// stops at a bound with a message in plain words.
public enum ParameterStep {
  public enum Size: Sendable, Equatable {
    /// ↑ ↓: 0.1, or a factor 1.25 for a standard deviation.
    case small
    /// PgUp PgDn: 1, or a factor 2 for a standard deviation.
    case large
  }

  public static let smallStep = 0.1
  public static let largeStep = 1.0
  public static let smallFactor = 1.25
  public static let largeFactor = 2.0
  /// Where the keys stop a standard deviation (a typed value may go beyond).
  public static let stdRange = 0.01...100.0

  /// Why a step was refused, in words for the status line.
  public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
  }

  /// The value parameter `index` of `distribution` takes after one step up or down.
  public static func next(
    _ distribution: DistributionSpec, parameter index: Int, up: Bool, size: Size
  ) -> Result<Double, Refusal> {
    let names = distribution.parameterNames
    guard names.indices.contains(index) else {
      return .failure(Refusal("there is no parameter \(index + 1)"))
    }
    let value = distribution.parameters[index]
    if distribution.family.isScale(parameter: index) {
      return scaled(value, up: up, factor: size == .small ? smallFactor : largeFactor)
    }
    // A large step moves by 1 and lands on the 0.1 grid too: -6.5 goes to -7.5, not -7.
    let start = size == .small ? value : value + (up ? 1 : -1) * (largeStep - smallStep)
    return .success(onGrid(start, up: up, step: smallStep))
  }

  /// The next multiple of `step` above (or below) `value`. Multiples are computed as
  /// `n / (1 / step)`, the double nearest to the decimal (`3 / 10` is 0.3, `3 * 0.1` is not).
  static func onGrid(_ value: Double, up: Bool, step: Double) -> Double {
    let inverse = (1 / step).rounded()
    let position = value * inverse
    // A value within a hair of a grid point counts as on it.
    let tolerance = 1e-9 * max(abs(position), 1)
    let n = up ? (position + tolerance).rounded(.down) + 1 : (position - tolerance).rounded(.up) - 1
    return n / inverse
  }

  /// `value` times (or divided by) `factor`, kept to ten significant digits so that up then
  /// down returns exactly, and held inside `stdRange`.
  static func scaled(_ value: Double, up: Bool, factor: Double) -> Result<Double, Refusal> {
    let (low, high) = (stdRange.lowerBound, stdRange.upperBound)
    if up, value >= high {
      return .failure(Refusal("std cannot go above \(NumberFormat.short(high)) with the keys"))
    }
    if !up, value <= low {
      return .failure(Refusal("std cannot go below \(NumberFormat.short(low))"))
    }
    let next = rounded(up ? value * factor : value / factor, significantDigits: 10)
    return .success(min(max(next, low), high))
  }

  static func rounded(_ x: Double, significantDigits digits: Int) -> Double {
    guard x.isFinite, x != 0 else { return x }
    let exponent = Int(log10(abs(x)).rounded(.down)) - (digits - 1)
    let scale = pow(10, Double(abs(exponent)))
    return exponent >= 0 ? (x / scale).rounded() * scale : (x * scale).rounded() / scale
  }
}
