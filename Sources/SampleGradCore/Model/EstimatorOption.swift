/// A setting an estimator reads (`eta`, `draws`), declared in the estimator's own file with
/// its range, default and a one-line help. The scenario schema (`[options]`), the `--option`
/// flag, the explorer's prompt, the sweep and the docs all read the declarations through
/// `EstimatorRegistry.options`; estimators that share a key share its range and default.
public struct EstimatorOption: Sendable, Equatable, Hashable {
  /// As `[options]`, `--option KEY=VALUE` and `sweep --over` spell it.
  public let key: String
  /// One line for help screens and the docs.
  public let summary: String
  public let range: ClosedRange<Double>
  public let defaultValue: Double
  /// Whether only whole numbers are meaningful (`draws`).
  public let isWholeNumber: Bool
  /// Whether a sweep may vary it (a real number whose effect shows at every sample; a learned
  /// surrogate's learning rate acts over a run's history instead, so it is not swept).
  public let isSweepable: Bool

  init(
    key: String, summary: String, range: ClosedRange<Double>, defaultValue: Double,
    isWholeNumber: Bool = false, isSweepable: Bool? = nil
  ) {
    self.key = key
    self.summary = summary
    self.range = range
    self.defaultValue = defaultValue
    self.isWholeNumber = isWholeNumber
    self.isSweepable = isSweepable ?? !isWholeNumber
  }

  /// The rule on one value, keyed `options.KEY`: in range, and whole where it must be.
  func problems(_ value: Double) -> [ScenarioProblem] {
    let key = "options.\(self.key)"
    if isWholeNumber {
      guard value == value.rounded(), abs(value) < 1e15 else {
        return [
          ScenarioProblem(
            key: key, message: "expected a whole number, got \(NumericDomain.show(value))")
        ]
      }
      let whole = ClosedRange(uncheckedBounds: (Int(range.lowerBound), Int(range.upperBound)))
      return ScenarioRules.inRange(Int(value), whole, key: key)
    }
    return ScenarioRules.inRange([value], range, key: key)
  }

  /// `eta (rebar): REBAR's control-variate scale, between -1e30 and 1e30, default 1`.
  public var help: String {
    let bounds =
      isWholeNumber
      ? NumericDomain.describe(
        ClosedRange(uncheckedBounds: (Int(range.lowerBound), Int(range.upperBound))))
      : NumericDomain.describe(range)
    return "\(summary), \(bounds), default \(NumericDomain.show(defaultValue))"
  }
}

/// A number an estimator reports about itself as it runs (rebar-auto's tuned `eta`),
/// declared beside it; JSON, the screen and tour checks read it by `key`.
public struct EstimatorDiagnostic: Sendable, Equatable {
  public let key: String
  /// One line for the legend and the docs.
  public let summary: String
  /// The column header on screen (`η`), and its ASCII spelling.
  public let symbol: String
  public let asciiSymbol: String

  init(key: String, summary: String, symbol: String, asciiSymbol: String) {
    self.key = key
    self.summary = summary
    self.symbol = symbol
    self.asciiSymbol = asciiSymbol
  }
}

/// One diagnostic's value.
public struct DiagnosticReading: Sendable, Equatable {
  public let key: String
  public let value: Double

  public init(key: String, value: Double) {
    self.key = key
    self.value = value
  }
}
