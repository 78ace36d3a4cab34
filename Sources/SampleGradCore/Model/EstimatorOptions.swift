/// The values of the estimators' options in a scenario (`[options]`, `--option`), every
/// registered option present (its default unless given), so two scenarios that differ only
/// in writing a default are equal. Each option is declared by its estimator
/// (`EstimatorOption`); this type knows none of them by name.
public struct EstimatorOptions: Sendable, Equatable {
  /// Every registered option's value, by key; keys no estimator declares are kept so their
  /// problem can be reported.
  public private(set) var values: [String: Double]

  /// The defaults, with `given` on top.
  public init(_ given: [String: Double] = [:]) {
    var values: [String: Double] = [:]
    for option in EstimatorRegistry.options { values[option.key] = option.defaultValue }
    for (key, value) in given { values[key] = value }
    self.values = values
  }

  /// The value of `option`.
  public subscript(option: EstimatorOption) -> Double {
    values[option.key] ?? option.defaultValue
  }

  /// A whole-number option's value.
  public func whole(_ option: EstimatorOption) -> Int {
    let value = self[option]
    return value.isFinite && abs(value) < 1e15 ? Int(value) : Int(option.defaultValue)
  }

  /// The value of the option called `key`, if it is one.
  public func value(_ key: String) -> Double? { values[key] }

  /// A copy with `key` set to `value` (checked by `problems`).
  public func setting(_ key: String, to value: Double) -> EstimatorOptions {
    var copy = self
    copy.values[key] = value
    return copy
  }

  /// The rules on the options, each with its key: unknown keys, ranges, whole numbers.
  public var problems: [ScenarioProblem] {
    var found: [ScenarioProblem] = []
    for key in values.keys.sorted() {
      guard let option = EstimatorRegistry.option(key) else {
        found.append(
          ScenarioProblem(
            key: "options.\(key)",
            message: "unknown option (known: \(EstimatorRegistry.optionNames))"))
        continue
      }
      found += option.problems(values[key]!)
    }
    return found
  }
}
