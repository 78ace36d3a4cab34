import Foundation

/// JSON read as a tree, so a file's reader can say which key and which value is wrong
/// (`Decodable` structs only say that something is). JSON5's `NaN` and `Infinity` are read
/// as numbers, and a number too large for a `Double` as infinity: Python's `json.dump`
/// writes the first two, and the reader reports each as "not finite" with its key rather
/// than as a syntax error.
public indirect enum JSONTree: Sendable, Equatable {
  case number(Double)
  case string(String)
  case bool(Bool)
  case null
  case array([JSONTree])
  case object([String: JSONTree])

  /// The tree of `text`, or nil when it is not JSON.
  public static func parse(_ text: String) -> JSONTree? {
    let decoder = JSONDecoder()
    decoder.allowsJSON5 = true
    return try? decoder.decode(JSONTree.self, from: Data(text.utf8))
  }

  /// How a value is named in an error: its text for a scalar, its kind otherwise.
  public var shown: String {
    switch self {
    case .number(let x): return x.isNaN ? "NaN" : "\(x)"
    case .string(let s): return "\"\(s.prefix(20))\(s.count > 20 ? "…" : "")\""
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .array(let items): return "a list of \(items.count)"
    case .object: return "an object"
    }
  }
}

extension JSONTree: Decodable {
  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public init(from decoder: any Decoder) throws {
    if var list = try? decoder.unkeyedContainer() {
      var items: [JSONTree] = []
      while !list.isAtEnd { items.append(try list.decode(JSONTree.self)) }
      self = .array(items)
    } else if let object = try? decoder.container(keyedBy: Key.self) {
      var fields: [String: JSONTree] = [:]
      for key in object.allKeys {
        fields[key.stringValue] = try object.decode(JSONTree.self, forKey: key)
      }
      self = .object(fields)
    } else {
      let value = try decoder.singleValueContainer()
      if value.decodeNil() {
        self = .null
      } else if let b = try? value.decode(Bool.self) {
        self = .bool(b)
      } else if let x = try? value.decode(Double.self) {
        self = .number(x)
      } else if let s = try? value.decode(String.self) {
        self = .string(s)
      } else {
        // A number the decoder cannot hold in a Double (1e999): out of range.
        self = .number(.infinity)
      }
    }
  }
}
