import TOMLKit

/// The keys a scenario file may hold and the TOML type of each, checked on the parsed table
/// before anything is decoded. A wrong type then reads `seed: expected a whole number, got
/// 3.5`, naming the key once, what it expects and what it found, rather than whatever the
/// generic decoder makes of it.
enum ScenarioSchema {
  enum Expected: Equatable, Sendable {
    case string, wholeNumber, number, numberOrList, numbersOrRows, strings, table

    var description: String {
      switch self {
      case .string: "a string (in quotes)"
      case .wholeNumber: "a whole number"
      case .number: "a number"
      case .numberOrList: "a number or a list of numbers"
      case .numbersOrRows: "a number, a list of numbers or a list of lists of numbers"
      case .strings: "a list of strings"
      case .table: "a table"
      }
    }

    /// The type that accepts what either accepts (two families reading one key).
    func widened(with other: Expected) -> Expected {
      let order: [Expected] = [.wholeNumber, .number, .numberOrList, .numbersOrRows]
      guard let a = order.firstIndex(of: self), let b = order.firstIndex(of: other) else {
        return self
      }
      return order[max(a, b)]
    }
  }

  /// Every key, dotted from the top (`distribution.logits`), with the type it takes. The
  /// `[distribution]` keys come from the families (`FamilyRegistry.keys`) and the `[options]`
  /// keys from the estimators (`EstimatorRegistry.options`).
  static let keys: [(key: String, expected: Expected)] =
    [
      ("name", .string), ("title", .string), ("lesson", .string), ("seed", .wholeNumber),
      ("samples", .wholeNumber), ("estimators", .strings), ("distribution", .table),
      ("objective", .table), ("options", .table), ("distribution.kind", .string),
    ] + FamilyRegistry.keys.map { ("distribution.\($0.name)", $0.expected) }
    + [
      ("objective.kind", .string), ("objective.weights", .numberOrList),
      ("objective.target", .numberOrList), ("objective.frequency", .number),
      ("objective.values", .numberOrList), ("objective.threshold", .number),
    ]
    + EstimatorRegistry.options.map {
      ("options.\($0.key)", $0.isWholeNumber ? Expected.wholeNumber : .number)
    }
    + EstimatorRegistry.displayOrder.filter { !$0.descriptor.options.isEmpty }.flatMap { kind in
      [("options.\(kind.rawValue)", Expected.table)]
        + kind.descriptor.options.map {
          ("options.\(kind.rawValue).\($0.key)", $0.isWholeNumber ? Expected.wholeNumber : .number)
        }
    } + [
      ("training", .table), ("training.steps", .wholeNumber), ("training.learning_rate", .number),
      ("training.optimizer", .string), ("training.batch", .wholeNumber),
      ("training.anneal", .string), ("training.tau_min", .number), ("training.rate", .number),
      ("sweep", .table), ("sweep.over", .string), ("sweep.from", .number), ("sweep.to", .number),
      ("sweep.points", .wholeNumber), ("sweep.scale", .string),
    ]

  /// The keys each table accepts (`""` is the top level), for the unknown-key check.
  static let allowedKeys: [String: [String]] = {
    var allowed: [String: [String]] = [:]
    for (key, _) in keys {
      let parts = key.split(separator: ".")
      let table = parts.dropLast().joined(separator: ".")
      allowed[table, default: []].append(String(parts.last!))
    }
    return allowed
  }()

  /// Removes each dotted key (`distribution.logits`) from `root`.
  static func remove(_ keys: Set<String>, from root: TOMLTable) {
    for key in keys {
      let parts = key.split(separator: ".").map(String.init)
      var table: TOMLTable? = root
      for part in parts.dropLast() { table = table?[part]?.table }
      table?.remove(at: parts.last!)
    }
  }

  /// One problem per known key whose value has the wrong type.
  static func typeProblems(in root: TOMLTable) -> [ScenarioProblem] {
    var problems: [ScenarioProblem] = []
    for (key, expected) in keys {
      let parts = key.split(separator: ".").map(String.init)
      var table: TOMLTable? = root
      for part in parts.dropLast() { table = table?[part]?.table }
      guard let value = table?[parts.last!] else { continue }
      if let found = mismatch(value, expected) {
        problems.append(
          ScenarioProblem(key: key, message: "expected \(expected.description), got \(found)"))
      }
    }
    return problems
  }

  /// What `value` is, if it is not what `expected` asks for.
  private static func mismatch(_ value: any TOMLValueConvertible, _ expected: Expected)
    -> String?
  {
    switch (expected, value.type) {
    case (.string, .string), (.wholeNumber, .int), (.number, .int), (.number, .double),
      (.numberOrList, .int), (.numberOrList, .double), (.numbersOrRows, .int),
      (.numbersOrRows, .double), (.table, .table):
      return nil
    case (.numbersOrRows, .array):
      guard let array = value.array else { return describe(value) }
      let rows = array.allSatisfy { $0.type == .array }
      for (i, element) in array.enumerated() {
        if rows {
          for (j, entry) in (element.array ?? []).enumerated()
          where entry.type != .int && entry.type != .double {
            return "a list of lists holding \(describe(entry)) (row \(i + 1), value \(j + 1))"
          }
        } else if element.type != .int && element.type != .double {
          return "a list holding \(describe(element)) (value \(i + 1))"
        }
      }
      return nil
    case (.numberOrList, .array), (.strings, .array):
      let wanted: Set<TOMLType> = expected == .strings ? [.string] : [.int, .double]
      guard let array = value.array else { return describe(value) }
      for (i, element) in array.enumerated() where !wanted.contains(element.type) {
        return "a list holding \(describe(element)) (value \(i + 1))"
      }
      return nil
    default:
      return describe(value)
    }
  }

  /// `3.5`, `a string ("four")`, `a list of tables ([[distribution]])`, `a date-time`.
  private static func describe(_ value: any TOMLValueConvertible) -> String {
    switch value.type {
    case .int: return value.int.map { "\($0)" } ?? "a whole number"
    case .double: return value.double.map { "\($0)" } ?? "a number"
    case .bool: return value.bool.map { "\($0)" } ?? "true or false"
    case .string:
      let text = value.string ?? ""
      let short = text.count > 24 ? text.prefix(24) + "..." : Substring(text)
      return "a string (\"\(short)\")"
    case .table: return "a table"
    case .array:
      let array = value.array
      if let array, !array.isEmpty, array.allSatisfy({ $0.type == .table }) {
        return "a list of tables (written [[...]])"
      }
      return "a list"
    case .date: return "a date"
    case .time: return "a time"
    case .dateTime: return "a date-time"
    }
  }
}
