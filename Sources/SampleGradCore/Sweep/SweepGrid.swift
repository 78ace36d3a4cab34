import Foundation

/// How a sweep spaces its points: evenly in `log10` (a temperature from 0.01 to 100, a std, a
/// frequency: what matters there is the factor between values) or evenly (a logit, a target).
public enum SweepScale: String, Sendable, CaseIterable {
  case log, linear

  /// `'log' or 'linear'`: the names a scenario file may give, for a message.
  static var choices: String { allCases.map { "'\($0.rawValue)'" }.joined(separator: " or ") }
}

/// The values a sweep visits: `points` values from `from` to `to`, both ends included, evenly
/// spaced on the scale. The ends are exactly `from` and `to` (not a rounding of them), and no
/// value leaves `from...to`, so a grid inside a setting's allowed range stays inside it.
public struct SweepGrid: Sendable, Equatable {
  public let from: Double
  public let to: Double
  public let points: Int
  public let scale: SweepScale

  /// Points a sweep may have: two at least (a curve), a few hundred at most (the screen and
  /// the tables have a column or a row each).
  public static let pointRange = 2...200
  public static let defaultPoints = 25

  /// Checks the grid's own rules; problems are keyed `from`, `to`, `points` (the caller adds
  /// the `--` of a flag or the `sweep.` of a file).
  public init(from: Double, to: Double, points: Int = defaultPoints, scale: SweepScale)
    throws(InvalidScenario)
  {
    var problems: [ScenarioProblem] = []
    if !from.isFinite {
      problems.append(ScenarioProblem(key: "from", message: "must be a finite number, got \(from)"))
    }
    if !to.isFinite {
      problems.append(ScenarioProblem(key: "to", message: "must be a finite number, got \(to)"))
    }
    if from.isFinite, to.isFinite, to <= from {
      problems.append(
        ScenarioProblem(
          key: "to",
          message:
            "must be greater than from (\(NumberFormat.short(from))), got \(NumberFormat.short(to))"
        ))
    }
    if scale == .log {
      for (key, value) in [("from", from), ("to", to)] where value.isFinite && value <= 0 {
        problems.append(
          ScenarioProblem(
            key: key,
            message:
              "a log scale needs values above 0, got \(NumberFormat.short(value)) (use a linear scale)"
          ))
      }
    }
    problems += ScenarioRules.inRange(points, Self.pointRange, key: "points")
    guard problems.isEmpty else { throw InvalidScenario(problems) }
    self.from = from
    self.to = to
    self.points = points
    self.scale = scale
  }

  /// Value `i` (0 is `from`, `points - 1` is `to`).
  public func value(_ i: Int) -> Double {
    if i <= 0 { return from }
    if i >= points - 1 { return to }
    let t = Double(i) / Double(points - 1)
    let x: Double
    switch scale {
    case .linear: x = from + (to - from) * t
    case .log: x = pow(10, log10(from) + (log10(to) - log10(from)) * t)
    }
    return min(max(x, from), to)
  }

  /// Every value, from `from` to `to`.
  public var values: [Double] { (0..<points).map(value) }

  /// Where `x` lies between the ends on the grid's scale, 0 at `from` and 1 at `to` (outside
  /// 0...1 beyond them); nil when it cannot be placed (0 or less on a log scale).
  public func position(of x: Double) -> Double? {
    guard x.isFinite else { return nil }
    switch scale {
    case .linear: return (x - from) / (to - from)
    case .log:
      guard x > 0 else { return nil }
      return (log10(x) - log10(from)) / (log10(to) - log10(from))
    }
  }

  /// The grid point nearest to `x` on the grid's scale, if `x` can be placed.
  public func nearestPoint(to x: Double) -> Int? {
    guard let t = position(of: x) else { return nil }
    return min(max(Int((t * Double(points - 1)).rounded()), 0), points - 1)
  }
}
