import Foundation
import Testing

/// Issue 12, item 6: one rule for every usage error. Exit 2 and one line on stderr naming
/// the flag (or the command), what it expected and what it got, ending with a pointer to
/// the command's --help. ArgumentParser's own messages used to exit 64 with several lines.
@Suite("Usage errors")
struct UsageErrorTests {
  @Test(
    "each command-line mistake is one line with exit 2 and a pointer to --help",
    arguments: [
      (
        ["run", "--samples", "abc"],
        "--samples: expected a whole number between 1 and 1e12, got 'abc'", "run"
      ),
      (
        ["run", "--seed", "-1"],
        "--seed: expected a whole number from 0 to 18446744073709551615, got '-1'", "run"
      ),
      (["--seed", "-1"], "--seed: expected a whole number", "explore"),
      (
        ["run", "--format", "xml"], "--format: expected one of 'json' and 'table', got 'xml'", "run"
      ),
      (["run", "--bogus"], "unknown option '--bogus'", "run"),
      (["--samples", "abc"], "unknown option '--samples'", "explore"),
      (
        ["bogus"],
        "unknown command 'bogus' (commands: explore, run, ",
        ""
      ),
      (["run", "extra"], "unexpected argument 'extra'", "run"),
      (["run", "--samples"], "--samples: expected a value after it, got none", "run"),
      (
        ["run", "--threads", "0"], "--threads: expected a whole number between 1 and 1024, got '0'",
        "run"
      ),
      (["run", "--temperature", "warm"], "--temperature: expected a number, got 'warm'", "run"),
      (
        ["run", "--temperature", "-1"], "--temperature: must be between 0.01 and 100, got -1", "run"
      ),
      (
        ["run", "--logits", "1,2,,3"],
        "--logits: expected comma-separated numbers, got an empty value (value 3 of '1,2,,3')",
        "run"
      ),
      (
        ["run", "--estimators", "exact,,rebar"],
        "--estimators: expected comma-separated estimator names, got an empty value (value 2 of 'exact,,rebar')",
        "run"
      ),
      (["run", "--estimators", "rebar,exact,rebar"], "--estimators: lists 'rebar' twice", "run"),
      // Issue 21: "got 1 values".
      (
        ["run", "--logits", "5"],
        "--logits: scenario 'bias-and-variance' has 4 categories, got 1 value (see", "run"
      ),
      (["run", "--preset", "no-such-preset"], "--preset: no such preset 'no-such-preset'", "run"),
      (["explore", "--ascii=yes"], "--ascii: expected no value, got 'yes'", "explore"),
      (["check"], "expected one or more <files>, got none", "check"),
      (
        ["bench", "--seconds", "1e9"],
        "--seconds: expected a number between 0.01 and 3600, got '1e9'", "bench"
      ),
    ])
  func commandLine(arguments: [String], message: String, command: String) throws {
    let result = try Samplegrad.run(arguments)
    #expect(result.isOneLineUsageError, "\(result.status):\n\(result.standardError)")
    let help = command.isEmpty ? "samplegrad --help" : "samplegrad \(command) --help"
    let line = result.errorLines.first ?? ""
    #expect(line.hasPrefix("samplegrad: error: \(message)"), "\(line)")
    #expect(line.hasSuffix("(see '\(help)')"), "\(line)")
  }

  @Test("a file with several problems: run reports the first and says how many more")
  func fileProblems() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let text = try Samplegrad.preset("relax-toy")
      .replacingOccurrences(of: "temperature = 0.5", with: "temperature = 0")
      .replacingOccurrences(of: "target = 0.45", with: "target = 1e300")
    let path = try folder.write("two.toml", text)
    let run = try Samplegrad.run(["run", "--preset", path])
    #expect(run.isOneLineUsageError, "\(run.standardError)")
    #expect(
      run.errorLines.first
        == """
        samplegrad: error: \(path): distribution.temperature: must be between 0.01 and 100, \
        got 0 (and 1 more; 'samplegrad check \(path)' lists them all)
        """)
    let check = try Samplegrad.run(["check", path])
    #expect(check.status == 2)
    #expect(check.errorLines.count == 2)
  }
}
