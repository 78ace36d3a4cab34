import ArgumentParser
import Foundation
import SampleGradCore

/// Parses the command line, runs the command and turns every way it can end into an exit
/// status, so that one rule holds for all of them (the README's "Exit status"):
///
/// - 0: done; help, the version and completion scripts also end here.
/// - 1: the output could not be written (a full disk, a closed stdout), or a checked tour
///   has a failing check (`tour --check`, whose results are already on stdout).
/// - 2: a usage or input error: one line on stderr per `Failure`, naming the flag or key,
///   what it expected and what it got; a command-line mistake ends with a pointer to the
///   command's `--help`. ArgumentParser's own errors (exit 64, several lines) are rewritten
///   into this form.
/// - 128 + N: ended by signal N (130 Ctrl-C, 131 SIGQUIT with one line, 141 when a pipe's
///   reader went away, 143 SIGTERM).
enum CommandRunner {
  static let program = "samplegrad"

  static func run(_ arguments: [String]) -> Int32 {
    var command: any ParsableCommand
    do {
      command = try SampleGrad.parseAsRoot(arguments)
    } catch {
      return reportParseError(error, arguments: arguments)
    }
    do {
      try command.run()
      return 0
    } catch let error as Failure {
      return report(error, command: type(of: command))
    } catch let error as OutputFailure {
      return report(error)
    } catch let error as SignalExit {
      return report(error)
    } catch is ChecksFailed {
      return 1
    } catch let exit as ExitCode {
      return exit.rawValue
    } catch {
      // ArgumentParser's own (`help` and `--help` run a command that throws one).
      return reportParseError(error, arguments: arguments)
    }
  }

  /// Help, the version and completion scripts go to stdout; what ArgumentParser calls a
  /// validation failure (its exit 64) is a usage error; anything else is exit 1.
  private static func reportParseError(_ error: any Error, arguments: [String]) -> Int32 {
    let code = SampleGrad.exitCode(for: error)
    if code != .success && code != .validationFailure {
      Output.error("\(program): error: \(SampleGrad.message(for: error))")
      return 1
    }
    guard code == .success else {
      let message = UsageMessage.rewrite(SampleGrad.message(for: error), arguments: arguments)
      let help =
        message.hasPrefix(UsageMessage.unknownCommand)
        ? helpCommand(for: SampleGrad.self)
        : UsageMessage.helpCommand(in: SampleGrad.fullMessage(for: error, columns: 80))
      Output.error("\(program): error: \(message) (see '\(help)')")
      return 2
    }
    do {
      try Output.line(SampleGrad.fullMessage(for: error))
      return 0
    } catch let failure {
      return report(failure)
    }
  }

  private static func report(_ failure: Failure, command: any ParsableCommand.Type) -> Int32 {
    for line in lines(for: failure, command: command) {
      Output.error("\(program): error: \(line)")
    }
    return 2
  }

  private static func report(_ failure: OutputFailure) -> Int32 {
    if failure.isBrokenPipe { return 128 + SIGPIPE }
    Output.error("\(program): error: \(failure.description)")
    return 1
  }

  private static func report(_ stop: SignalExit) -> Int32 {
    if stop.signal == SIGQUIT { Output.error("\(program): quit (SIGQUIT)") }
    return 128 + stop.signal
  }

  /// The lines one failure prints (without the `samplegrad: error: ` prefix).
  static func lines(for failure: Failure, command: any ParsableCommand.Type) -> [String] {
    let help = "see '\(helpCommand(for: command))'"
    switch failure {
    case .usage(let message):
      return ["\(message) (\(help))"]
    case .lines(let lines):
      return lines
    case .scenario(let error):
      guard let first = error.problems.first else { return [error.source] }
      let more = error.problems.count - 1
      if error.source == ScenarioOverrides.source {
        return ["\(first) (\(help))"]
      }
      let rest =
        more == 0
        ? ""
        : " (and \(more) more; '\(program) check \(error.source)' lists them all)"
      return ["\(error.source): \(first)\(rest)"]
    }
  }

  /// `samplegrad run --help`: where to read about `command`'s options.
  static func helpCommand(for command: any ParsableCommand.Type) -> String {
    let name = command.configuration.commandName ?? program
    return name == program ? "\(program) --help" : "\(program) \(name) --help"
  }
}
