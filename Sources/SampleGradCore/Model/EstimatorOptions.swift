/// The values of the estimators' options in a scenario (`[options]`, `--option`), every
/// registered option present (its default unless given), so two scenarios that differ only in
/// writing a default are equal. A value may also be given for one estimator only
/// (`[options.rloo] draws = 96`, `--option rloo.draws=96`): it beats the shared one for that
/// estimator, which is how two estimators that read the same key are compared at equal cost.
/// Each option is declared by its estimator (`EstimatorOption`); this type knows none of them
/// by name.
public struct EstimatorOptions: Sendable, Equatable {
  /// Every registered option's shared value, by key; keys no estimator declares are kept so
  /// their problem can be reported.
  public private(set) var values: [String: Double]
  /// Values for one estimator only, by estimator name and key.
  public private(set) var scoped: [String: [String: Double]]

  /// The defaults, with `given` on top, and `scoped` values by estimator name.
  public init(_ given: [String: Double] = [:], scoped: [String: [String: Double]] = [:]) {
    var values: [String: Double] = [:]
    for option in EstimatorRegistry.options { values[option.key] = option.defaultValue }
    for (key, value) in given { values[key] = value }
    self.values = values
    self.scoped = scoped
  }

  /// The value of `option` for `kind`: its own if given, else the shared one.
  public subscript(option: EstimatorOption, for kind: EstimatorKind) -> Double {
    scoped[kind.rawValue]?[option.key] ?? values[option.key] ?? option.defaultValue
  }

  /// A whole-number option's value for `kind`.
  public func whole(_ option: EstimatorOption, for kind: EstimatorKind) -> Int {
    let value = self[option, for: kind]
    return value.isFinite && abs(value) < 1e15 ? Int(value) : Int(option.defaultValue)
  }

  /// The shared value of the option called `key`, if it is one.
  public func value(_ key: String) -> Double? { values[key] }

  /// A copy with the shared `key` set to `value` (checked by `problems`).
  public func setting(_ key: String, to value: Double) -> EstimatorOptions {
    var copy = self
    copy.values[key] = value
    return copy
  }

  /// A copy with `key` set to `value` for the estimator called `estimator` only.
  public func setting(_ key: String, for estimator: String, to value: Double) -> EstimatorOptions {
    var copy = self
    copy.scoped[estimator, default: [:]][key] = value
    return copy
  }

  /// The rules on the options, each with its key: unknown keys and estimators, ranges, whole
  /// numbers, and a scoped key the estimator does not read.
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
    for name in scoped.keys.sorted() {
      guard let kind = EstimatorKind(rawValue: name) else {
        found.append(
          ScenarioProblem(
            key: "options.\(name)",
            message: "unknown estimator (known: \(EstimatorKind.validNames))"))
        continue
      }
      let reads = kind.descriptor.options
      for key in scoped[name]!.keys.sorted() {
        guard let option = reads.first(where: { $0.key == key }) else {
          let list = reads.isEmpty ? "none" : reads.map(\.key).joined(separator: ", ")
          found.append(
            ScenarioProblem(
              key: "options.\(name).\(key)",
              message: "\(name) does not read \(key) (it reads \(list))"))
          continue
        }
        found += option.problems(scoped[name]![key]!).map {
          ScenarioProblem(key: "options.\(name).\(key)", message: $0.message)
        }
      }
    }
    return found
  }
}
