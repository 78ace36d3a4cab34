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

/// Why a distribution, an objective or a scenario could not be built: every rule it broke,
/// each tied to its key. Callers that know the source (a file, the command line) turn it
/// into a `ScenarioError`.
public struct InvalidScenario: Error, Sendable, Equatable, CustomStringConvertible {
  public let problems: [ScenarioProblem]

  public init(_ problems: [ScenarioProblem]) { self.problems = problems }

  public init(key: String, _ message: String) {
    self.init([ScenarioProblem(key: key, message: message)])
  }

  /// The first problem, for a one-line status message.
  public var description: String { problems.first?.description ?? "invalid scenario" }
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

  public init(source: String, _ invalid: InvalidScenario) {
    self.init(source: source, problems: invalid.problems)
  }

  /// One line per problem.
  public var lines: [String] { problems.map { "\(source): \($0)" } }

  public var description: String { lines.joined(separator: "\n") }
}
