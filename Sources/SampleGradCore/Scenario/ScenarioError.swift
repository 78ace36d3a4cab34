/// One thing wrong with a scenario, tied to the key (or command-line flag) that holds it.
public struct ScenarioProblem: Sendable, Equatable, CustomStringConvertible {
  /// A dotted TOML key such as `distribution.temperature`, or a flag such as `--logits`.
  public let key: String
  public let message: String

  public init(key: String, message: String) {
    self.key = key
    self.message = message
  }

  public var description: String { key.isEmpty ? message : "\(key): \(message)" }
}

/// Why a scenario was rejected: the file (or "command line") and every problem found in it.
/// Each problem prints as one line, `file: key: what is wrong`.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
  public let source: String
  public let problems: [ScenarioProblem]

  public init(source: String, problems: [ScenarioProblem]) {
    self.source = source
    self.problems = problems
  }

  public init(source: String, key: String, _ message: String) {
    self.init(source: source, problems: [ScenarioProblem(key: key, message: message)])
  }

  /// One line per problem.
  public var lines: [String] { problems.map { "\(source): \($0)" } }

  public var description: String { lines.joined(separator: "\n") }
}
