import Foundation
import Testing

/// Issue 12, item 12: a well-behaved command line. `--version`, completion scripts for the
/// usual shells, and a manual page generated from the commands and kept in the tree.
@Suite("Command line")
struct CommandLineTests {
  @Test("--version prints the one version, for the root and every command")
  func version() throws {
    let manual = try String(
      contentsOf: BuiltExecutable.packageRoot.appendingPathComponent("docs/samplegrad.1"),
      encoding: .utf8)
    for arguments in [["--version"], ["run", "--version"]] {
      let result = try Samplegrad.run(arguments)
      #expect(result.status == 0)
      let version = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(version.split(separator: ".").count == 3, "\(version)")
      #expect(manual.contains("\"samplegrad \(version)\""))
    }
  }

  @Test("completion scripts name every command", arguments: ["bash", "zsh", "fish"])
  func completions(shell: String) throws {
    let result = try Samplegrad.run(["--generate-completion-script", shell])
    #expect(result.status == 0, "\(result.standardError)")
    for command in ["explore", "run", "presets", "check", "bench", "temperature"] {
      #expect(result.standardOutput.contains(command), "\(shell): \(command)")
    }
    let readme = try String(
      contentsOf: BuiltExecutable.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("--generate-completion-script \(shell)"))
  }

  @Test("docs/samplegrad.1 is what 'samplegrad generate-manual' prints now")
  func manualInSync() throws {
    let result = try Samplegrad.run(["generate-manual"])
    #expect(result.status == 0, "\(result.standardError)")
    let path = BuiltExecutable.packageRoot.appendingPathComponent("docs/samplegrad.1")
    let stored = try String(contentsOf: path, encoding: .utf8)
    #expect(
      stored == result.standardOutput,
      "docs/samplegrad.1 is stale: run 'swift run samplegrad generate-manual > docs/samplegrad.1'")
    for section in [".SH SYNOPSIS", ".SH COMMANDS", ".SH EXIT STATUS", "\\-\\-samples"] {
      #expect(stored.contains(section), "\(section)")
    }
  }
}
