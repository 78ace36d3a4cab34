/// The recursive-descent parser behind `CheckExpression`.
struct CheckParser {
  private let text: String
  private let characters: [Character]
  private var position = 0

  init(_ text: String) {
    self.text = text
    characters = Array(text)
  }

  mutating func parseCheck() throws(CheckSyntaxError) -> (
    CheckExpression.Term, CheckExpression.Comparison, CheckExpression.Term
  ) {
    let left = try parseSum()
    skipSpaces()
    guard let comparison = takeComparison() else {
      throw failure(atEnd ? "needs a comparison (<, <=, > or >=)" : "expected <, <=, > or >=")
    }
    let right = try parseSum()
    skipSpaces()
    guard atEnd else { throw failure("unexpected '\(characters[position])'") }
    return (left, comparison, right)
  }

  private mutating func parseSum() throws(CheckSyntaxError) -> CheckExpression.Term {
    var term = try parseProduct()
    while true {
      skipSpaces()
      guard let c = peek, c == "+" || c == "-" else { return term }
      position += 1
      term = .binary(term, c, try parseProduct())
    }
  }

  private mutating func parseProduct() throws(CheckSyntaxError) -> CheckExpression.Term {
    var term = try parseUnary()
    while true {
      skipSpaces()
      guard let c = peek, c == "*" || c == "/" else { return term }
      position += 1
      term = .binary(term, c, try parseUnary())
    }
  }

  private mutating func parseUnary() throws(CheckSyntaxError) -> CheckExpression.Term {
    skipSpaces()
    if peek == "-" {
      position += 1
      return .negate(try parseUnary())
    }
    return try parseAtom()
  }

  private mutating func parseAtom() throws(CheckSyntaxError) -> CheckExpression.Term {
    skipSpaces()
    guard let c = peek else { throw failure("ends where a number or a reference should be") }
    if c == "(" {
      position += 1
      let inner = try parseSum()
      try expect(")")
      return inner
    }
    if c.isNumber || c == "." {
      let value = try number()
      let save = position
      skipSpaces()
      if word() == "se" { return .standardErrors(value) }
      position = save
      return .number(value)
    }
    let start = position
    let name = word()
    guard !name.isEmpty else { throw failure("unexpected '\(c)'") }
    if name == "abs" {
      try expect("(")
      let inner = try parseSum()
      try expect(")")
      return .abs(inner)
    }
    guard peek == "." else {
      position = start
      throw failure("'\(name)' needs a field, as in \(name).mean[0]")
    }
    position += 1
    let field = word()
    guard !field.isEmpty else { throw failure("'\(name).' needs a field name") }
    var index: Int?
    if peek == "[" {
      position += 1
      let digits = String(characters[position...].prefix { $0.isNumber })
      guard let value = Int(digits) else { throw failure("expected a component number after '['") }
      position += digits.count
      try expect("]")
      index = value
    }
    return .reference(CheckReference(name: name, field: field, index: index))
  }

  // MARK: tokens

  private var atEnd: Bool { position >= characters.count }
  private var peek: Character? { atEnd ? nil : characters[position] }

  private mutating func skipSpaces() {
    while let c = peek, c.isWhitespace { position += 1 }
  }

  /// Letters, digits, `-` and `_`, starting with a letter.
  private mutating func word() -> String {
    guard let first = peek, first.isLetter else { return "" }
    var result = ""
    while let c = peek, c.isLetter || c.isNumber || c == "-" || c == "_" {
      result.append(c)
      position += 1
    }
    return result
  }

  private mutating func number() throws(CheckSyntaxError) -> Double {
    var literal = ""
    while let c = peek,
      c.isNumber || c == "." || c == "e" || c == "E"
        || ((c == "-" || c == "+") && (literal.last == "e" || literal.last == "E"))
    {
      literal.append(c)
      position += 1
    }
    guard let value = Double(literal), value.isFinite else {
      throw failure("'\(literal)' is not a number")
    }
    return value
  }

  private mutating func takeComparison() -> CheckExpression.Comparison? {
    for symbol in ["<=", ">=", "<", ">"] where characters[position...].starts(with: symbol) {
      position += symbol.count
      return CheckExpression.Comparison(rawValue: symbol)
    }
    return nil
  }

  private mutating func expect(_ c: Character) throws(CheckSyntaxError) {
    skipSpaces()
    guard peek == c else { throw failure("expected '\(c)'") }
    position += 1
  }

  private func failure(_ message: String) -> CheckSyntaxError {
    CheckSyntaxError(
      text: text, message: "\(message) at column \(min(position, characters.count) + 1)")
  }
}
