/// The recursive-descent parser behind `CheckExpression`: it recurses only into parentheses
/// and `abs(...)`, whose depth it bounds; chains of operators and signs are loops.
struct CheckParser {
  private let text: String
  private let characters: [Character]
  private var position = 0
  /// Parentheses and `abs(` open around the current position.
  private var depth = 0

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
    try parseChain(of: ["+", "-"]) { (parser: inout CheckParser) throws(CheckSyntaxError) in
      try parser.parseProduct()
    }
  }

  private mutating func parseProduct() throws(CheckSyntaxError) -> CheckExpression.Term {
    try parseChain(of: ["*", "/"]) { (parser: inout CheckParser) throws(CheckSyntaxError) in
      try parser.parseUnary()
    }
  }

  /// `operand (symbol operand)*`, collected into one flat chain (a single operand stays as it
  /// is). A loop, not a recursion: a long sum costs no stack.
  private mutating func parseChain(
    of symbols: Set<Character>,
    operand: (inout CheckParser) throws(CheckSyntaxError) -> CheckExpression.Term
  ) throws(CheckSyntaxError) -> CheckExpression.Term {
    let first = try operand(&self)
    var rest: [CheckExpression.Operation] = []
    while true {
      skipSpaces()
      guard let c = peek, symbols.contains(c) else { break }
      position += 1
      rest.append(CheckExpression.Operation(symbol: c, operand: try operand(&self)))
    }
    return rest.isEmpty ? first : .chain(first, rest)
  }

  /// `- - x` is `x`: the signs are counted in a loop (negating twice gives back exactly the
  /// same double), so a long run of them costs no stack either.
  private mutating func parseUnary() throws(CheckSyntaxError) -> CheckExpression.Term {
    var negations = 0
    while true {
      skipSpaces()
      guard peek == "-" else { break }
      position += 1
      negations += 1
    }
    let atom = try parseAtom()
    return negations % 2 == 1 ? .negate(atom) : atom
  }

  /// Enters one level of `( ... )` or `abs( ... )`, refusing more than
  /// `CheckExpression.maximumNesting`.
  private mutating func nested(
    _ body: (inout CheckParser) throws(CheckSyntaxError) -> CheckExpression.Term
  ) throws(CheckSyntaxError) -> CheckExpression.Term {
    guard depth < CheckExpression.maximumNesting else {
      throw failure("nests deeper than \(CheckExpression.maximumNesting) parentheses or abs(...)")
    }
    depth += 1
    defer { depth -= 1 }
    return try body(&self)
  }

  private mutating func parseAtom() throws(CheckSyntaxError) -> CheckExpression.Term {
    skipSpaces()
    guard let c = peek else { throw failure("ends where a number or a reference should be") }
    if c == "(" {
      position += 1
      return try nested { (parser: inout CheckParser) throws(CheckSyntaxError) in
        let inner = try parser.parseSum()
        try parser.expect(")")
        return inner
      }
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
      return try nested { (parser: inout CheckParser) throws(CheckSyntaxError) in
        let inner = try parser.parseSum()
        try parser.expect(")")
        return .abs(inner)
      }
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
