import ArgumentParser
import Foundation
import SampleGradCore

/// Prints user errors as one `samplegrad: error:` line each and exits with status 2, the
/// code scripts can rely on for "your input was wrong".
enum Failure {
  static func report(_ lines: [String]) -> ExitCode {
    for line in lines {
      FileHandle.standardError.write(Data("samplegrad: error: \(line)\n".utf8))
    }
    return ExitCode(2)
  }

  static func report(_ error: ScenarioError) -> ExitCode { report(error.lines) }
}
