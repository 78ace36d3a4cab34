/// A small JSON document model that keeps keys in the order they were written, so the
/// output of `samplegrad run` reads in the documented order (Foundation's encoder does not
/// promise one). Numbers print in Swift's shortest round-trip form.
public indirect enum JSONValue: Sendable, Equatable {
  case number(Double)
  case integer(Int)
  case unsigned(UInt64)
  case string(String)
  case bool(Bool)
  case array([JSONValue])
  case object([(String, JSONValue)])
  case null

  public static func numbers(_ values: [Double]) -> JSONValue {
    .array(values.map(JSONValue.number))
  }

  public static func == (a: JSONValue, b: JSONValue) -> Bool { a.render() == b.render() }

  /// Pretty-printed text: objects one key per line, arrays of scalars on one line.
  public func render(indent: String = "") -> String {
    switch self {
    case .number(let x):
      guard x.isFinite else { return "null" }
      if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
      return "\(x)"
    case .integer(let n): return String(n)
    case .unsigned(let n): return String(n)
    case .string(let s): return Self.quote(s)
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .array(let items):
      if items.allSatisfy(\.isScalar) {
        return "[" + items.map { $0.render() }.joined(separator: ", ") + "]"
      }
      let inner = indent + "  "
      return "[\n" + items.map { inner + $0.render(indent: inner) }.joined(separator: ",\n")
        + "\n" + indent + "]"
    case .object(let members):
      if members.isEmpty { return "{}" }
      let inner = indent + "  "
      return "{\n"
        + members.map { inner + Self.quote($0.0) + ": " + $0.1.render(indent: inner) }
        .joined(separator: ",\n") + "\n" + indent + "}"
    }
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: false
    default: true
    }
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        // Controls and invisible format characters as JSON escapes (UTF-16, a surrogate pair
        // above U+FFFF): the document stays valid and never acts on a terminal it is shown in.
        if TerminalText.needsEscape(scalar) {
          for unit in String(scalar).utf16 { out += jsonEscape(unit) }
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// `\u001b`: four lowercase hex digits.
  private static func jsonEscape(_ unit: UInt16) -> String {
    let hex = String(unit, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }
}
