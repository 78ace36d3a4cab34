/// A pretty-printed JSON object written member by member, byte for byte as
/// `JSONValue.render` writes the whole: for a document too long to hold in memory
/// (`samplegrad train --every 1` over ten million steps) that is written out as it is made.
public struct JSONObjectText: Sendable {
  /// The indent of the line that holds the closing brace.
  let indent: String
  private var count = 0

  public init(indent: String) { self.indent = indent }

  /// The text before the value of member `key`: the opening brace or a comma, the key.
  public mutating func key(_ key: String) -> String {
    defer { count += 1 }
    return (count == 0 ? "{\n" : ",\n") + indent + "  " + JSONValue.quote(key) + ": "
  }

  /// Member `key` with its whole value.
  public mutating func member(_ key: String, _ value: JSONValue) -> String {
    self.key(key) + value.render(indent: indent + "  ")
  }

  /// The closing brace (`{}` for an object without members).
  public func close() -> String { count == 0 ? "{}" : "\n" + indent + "}" }
}

/// A pretty-printed JSON array of objects or arrays written item by item, as
/// `JSONValue.render` writes it. (An array of scalars is one line, which only its last item
/// can decide, so it is rendered whole.)
public struct JSONArrayText: Sendable {
  let indent: String
  private var count = 0

  public init(indent: String) { self.indent = indent }

  /// The text before the next item: the opening bracket or a comma, the indent.
  public mutating func next() -> String {
    defer { count += 1 }
    return (count == 0 ? "[\n" : ",\n") + indent + "  "
  }

  /// The next item, whole (it must not be a scalar).
  public mutating func item(_ value: JSONValue) -> String {
    next() + value.render(indent: indent + "  ")
  }

  /// The closing bracket (`[]` for an empty array).
  public func close() -> String { count == 0 ? "[]" : "\n" + indent + "]" }
}
