/// A claim about a run's numbers, as a tour step writes it:
/// `abs(gumbel-softmax.bias[0]) > 5 se`, `rebar.variance[0] < 0.5 * score-function.variance[0]`,
/// `rloo.relativeNoise[0] < 1`.
///
/// Grammar (whitespace separates tokens; a `-` between two operands needs spaces around it,
/// since estimator names contain `-`):
///
///     check     := sum ('<' | '<=' | '>' | '>=') sum
///     sum       := product (('+' | '-') product)*
///     product   := unary (('*' | '/') unary)*
///     unary     := '-' unary | atom
///     atom      := number ['se'] | reference | 'abs' '(' sum ')' | '(' sum ')'
///     reference := name '.' field ['[' index ']']
///
/// `name` is an estimator (`rebar`), `exact` (`exact.loss`, `exact.gradient[i]`) or `histogram`
/// (`histogram.pValue`, `histogram.chiSquare`). Fields are those of `samplegrad run`'s JSON;
/// indices count from 0, as there. `N se` is N standard errors of the one estimator reference on
/// the other side of the comparison, at its component.
public struct CheckExpression: Sendable, Equatable, CustomStringConvertible {
  public enum Comparison: String, Sendable, CaseIterable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    func holds(_ a: Double, _ b: Double) -> Bool {
      switch self {
      case .less: a < b
      case .lessOrEqual: a <= b
      case .greater: a > b
      case .greaterOrEqual: a >= b
      }
    }
  }

  public indirect enum Term: Sendable, Equatable {
    case number(Double)
    /// `N se`: N standard errors of the reference on the other side.
    case standardErrors(Double)
    case reference(CheckReference)
    case negate(Term)
    case abs(Term)
    /// `a + b - c` or `a * b / c`: the first operand, then each operator with its operand,
    /// applied left to right. A flat list rather than a nested pair per operator, so a chain
    /// of any length is parsed, evaluated and released without one stack frame per term.
    case chain(Term, [Operation])
  }

  /// One `+ b`, `- b`, `* b` or `/ b` of a chain.
  public struct Operation: Sendable, Equatable {
    public let symbol: Character
    public let operand: Term
  }

  /// How deep parentheses and `abs(...)` may nest. The parser, the evaluation and the release
  /// of the tree recurse once per level, so a bound keeps a hostile file from overflowing the
  /// stack; a real check nests two or three levels.
  public static let maximumNesting = 256

  public let text: String
  public let left: Term
  public let comparison: Comparison
  public let right: Term

  public var description: String { text }

  /// Parses `text`, or says what is wrong and where.
  public init(_ text: String) throws(CheckSyntaxError) {
    var parser = CheckParser(text)
    let (left, comparison, right) = try parser.parseCheck()
    self.text = text
    self.left = left
    self.comparison = comparison
    self.right = right
    if left.usesStandardErrors || right.usesStandardErrors {
      for (unit, other) in [(left, right), (right, left)] where unit.usesStandardErrors {
        guard other.estimatorReferences.count == 1 else {
          throw CheckSyntaxError(
            text: text,
            message:
              "'se' needs exactly one estimator reference on the other side of '\(comparison.rawValue)'"
          )
        }
      }
    }
  }

  /// Every reference, left to right.
  public var references: [CheckReference] { left.references + right.references }
}

/// `rebar.variance[0]`, `exact.loss`, `histogram.pValue`.
public struct CheckReference: Sendable, Equatable, CustomStringConvertible {
  public let name: String
  public let field: String
  public let index: Int?

  public var description: String { "\(name).\(field)" + (index.map { "[\($0)]" } ?? "") }

  /// Whether it names an estimator row (not `exact.loss`, `exact.gradient` or the histogram).
  public var isEstimator: Bool {
    !(name == "histogram" || (name == "exact" && (field == "loss" || field == "gradient")))
  }
}

/// What is wrong with a check's text, with the position when there is one.
public struct CheckSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  public let text: String
  public let message: String
  public var description: String { "check '\(Self.quoted(text))': \(message)" }

  /// A check as a message quotes it: whole up to 120 characters, else its first 100 and
  /// `...`, so a refusal of a huge generated check stays one readable line.
  static func quoted(_ text: String) -> String {
    text.count <= 120 ? text : String(text.prefix(100)) + "..."
  }
}

extension CheckExpression.Term {
  var references: [CheckReference] {
    switch self {
    case .number, .standardErrors: []
    case .reference(let r): [r]
    case .negate(let t), .abs(let t): t.references
    case .chain(let first, let rest): first.references + rest.flatMap(\.operand.references)
    }
  }

  var estimatorReferences: [CheckReference] { references.filter(\.isEstimator) }

  var usesStandardErrors: Bool {
    switch self {
    case .standardErrors: true
    case .number, .reference: false
    case .negate(let t), .abs(let t): t.usesStandardErrors
    case .chain(let first, let rest):
      first.usesStandardErrors || rest.contains { $0.operand.usesStandardErrors }
    }
  }
}
