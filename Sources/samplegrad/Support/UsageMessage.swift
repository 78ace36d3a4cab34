import Foundation

/// ArgumentParser's error messages in samplegrad's form: `--samples: expected a whole
/// number between 1 and 1e12, got 'abc'` rather than `The value 'abc' is invalid for
/// '--samples <samples>'` followed by a usage block. Messages it does not know are kept,
/// on one line.
enum UsageMessage {
  static let unknownCommand = "unknown command"

  static func rewrite(_ message: String, arguments: [String]) -> String {
    let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    // A first word that is no command: the default command (explore) found it unexpected.
    if let first = arguments.first, line == "Unexpected argument '\(first)'" {
      return "\(unknownCommand) '\(first)' (commands: \(commandNames.joined(separator: ", ")))"
    }
    for (pattern, template) in rules {
      guard let regex = try? NSRegularExpression(pattern: pattern),
        let match = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line))
      else { continue }
      return regex.replacementString(
        for: match, in: line, offset: 0, template: template)
    }
    guard let first = line.first else { return "invalid command line" }
    let trimmed = line.hasSuffix(".") ? String(line.dropLast()) : line
    return first.lowercased() + trimmed.dropFirst()
  }

  /// ArgumentParser's wording (1.x), and samplegrad's.
  private static let rules: [(String, String)] = [
    // A value a transform refused: the transform says what it expected.
    (#"^The value '(.*)' is invalid for '(-[^' ]+)[^']*': (.*)$"#, "$2: $3, got '$1'"),
    // A value not among an enumeration's cases.
    (
      #"^The value '(.*)' is invalid for '(-[^' ]+)[^']*'\. Please provide one of (.*)\.$"#,
      "$2: expected one of $3, got '$1'"
    ),
    (#"^The value '(.*)' is invalid for '(-[^' ]+)[^']*'$"#, "$2: got '$1', which is not valid"),
    (#"^Missing value for '(-[^' ]+)[^']*'$"#, "$1: expected a value after it, got none"),
    (
      #"^The option '(-[^' ]+)' does not take any value, but '(.*)' was specified\.$"#,
      "$1: expected no value, got '$2'"
    ),
    (
      #"^Unknown option '(.*)'\. Did you mean '(.*)'\?$"#,
      "unknown option '$1' (did you mean '$2'?)"
    ),
    (#"^Unknown option '(.*)'$"#, "unknown option '$1'"),
    (#"^Unexpected argument '(.*)'$"#, "unexpected argument '$1'"),
    (#"^Missing expected argument '<(.*)> \.\.\.'$"#, "expected one or more <$1>, got none"),
    (#"^Missing expected argument '(.*)'$"#, "expected $1, got none"),
  ]

  /// The commands `samplegrad --help` lists.
  static var commandNames: [String] {
    SampleGrad.configuration.subcommands.filter { $0.configuration.shouldDisplay }
      .compactMap { $0.configuration.commandName }
  }

  /// `samplegrad run --help`, read from the "See '...' for more information." line of
  /// ArgumentParser's full message, so the pointer names the command that was parsed.
  static func helpCommand(in fullMessage: String) -> String {
    let pattern = #"See '([^']+)' for more information"#
    guard let regex = try? NSRegularExpression(pattern: pattern),
      let match = regex.firstMatch(
        in: fullMessage, range: NSRange(fullMessage.startIndex..., in: fullMessage)),
      let range = Range(match.range(at: 1), in: fullMessage)
    else { return "\(CommandRunner.program) --help" }
    return String(fullMessage[range])
  }
}
