/// A scenario file's `[distribution]` table as its family reads it: typed look-ups that record
/// which keys were read, and every problem under its key. Keys the family never reads are
/// reported as not applying to it, so no family lists another family's keys.
struct DistributionTable {
  let kind: DistributionKind
  private let values: [String: DistributionValue]
  private var read: Set<String> = []
  private(set) var problems: [ScenarioProblem] = []

  init(kind: DistributionKind, values: [String: DistributionValue]) {
    self.kind = kind
    self.values = values
  }

  /// Whether the file gives `key`.
  func has(_ key: String) -> Bool { values[key] != nil }

  mutating func problem(_ key: String, _ message: String) {
    problems.append(ScenarioProblem(key: "distribution.\(key)", message: message))
  }

  mutating func missing(_ key: String) { problem(key, "is missing") }

  /// A number (`1` and `1.0` alike).
  mutating func number(_ key: String) -> Double? {
    read.insert(key)
    switch values[key] {
    case .number(let x): return x
    case nil: return nil
    default:
      problem(key, "expected a number")
      return nil
    }
  }

  /// A whole number.
  mutating func wholeNumber(_ key: String) -> Int? {
    read.insert(key)
    switch values[key] {
    case .number(let x) where x == x.rounded() && abs(x) < 1e15: return Int(x)
    case nil: return nil
    default:
      problem(key, "expected a whole number")
      return nil
    }
  }

  /// A number or a list of numbers; `wasList` says which the file wrote.
  mutating func numbers(_ key: String) -> (values: [Double], wasList: Bool)? {
    read.insert(key)
    switch values[key] {
    case .number(let x): return ([x], false)
    case .list(let xs): return (xs, true)
    case .rows: problem(key, "expected a number or a list of numbers, got a list of lists")
    case nil: break
    }
    return nil
  }

  /// A list of lists of numbers (rows); a flat list or a number reads as one row.
  mutating func rows(_ key: String) -> (rows: [[Double]], wasRows: Bool)? {
    read.insert(key)
    switch values[key] {
    case .number(let x): return ([[x]], false)
    case .list(let xs): return ([xs], false)
    case .rows(let rows): return (rows, true)
    case nil: return nil
    }
  }

  /// Problems for the keys the file gives that the family did not read (keys no family
  /// reads are the schema's unknown keys, reported there).
  mutating func reportUnread() {
    let known = Set(FamilyRegistry.keys.map(\.name))
    for key in values.keys.sorted() where !read.contains(key) && known.contains(key) {
      problem(key, "does not apply to a \(kind.rawValue) distribution")
    }
  }
}

/// A value of the `[distribution]` table, once its TOML type has been checked by the schema.
enum DistributionValue: Decodable, Equatable {
  case number(Double)
  case list([Double])
  case rows([[Double]])

  init(from decoder: any Decoder) throws {
    if let number = try? ScenarioFile.Number(from: decoder) {
      self = .number(number.value)
    } else if let list = try? [ScenarioFile.Number](from: decoder) {
      self = .list(list.map(\.value))
    } else if let rows = try? [[ScenarioFile.Number]](from: decoder) {
      self = .rows(rows.map { $0.map(\.value) })
    } else {
      throw DecodingError.typeMismatch(
        DistributionValue.self,
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "not a number, a list of numbers or a list of lists"))
    }
  }
}

/// A `[distribution]` key a family reads and the TOML type it takes, for the schema.
struct FamilyKey: Sendable, Equatable {
  let name: String
  let expected: ScenarioSchema.Expected

  init(_ name: String, _ expected: ScenarioSchema.Expected) {
    self.name = name
    self.expected = expected
  }
}
