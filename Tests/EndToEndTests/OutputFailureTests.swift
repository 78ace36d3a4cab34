import Foundation
import Testing

/// Issue 12, items 3 and 4: an output that cannot be written is an error (a message on
/// stderr and exit 1), and an error message that cannot be written never crashes the
/// program (it used to trap in `FileHandle.write`).
@Suite("Output failures")
struct OutputFailureTests {
  static let commands: [[String]] = [
    ["run", "--samples", "200"], ["run", "--samples", "200", "--format", "table"],
    ["check", "relax-toy"], ["presets"], ["--help"], ["--version"], ["run", "--help"],
    ["--generate-completion-script", "bash"],
  ]

  @Test("stdout on a full disk: exit 1 and one line saying so", arguments: commands)
  func fullDisk(arguments: [String]) throws {
    let result = try Samplegrad.run(arguments, standardOutput: .file("/dev/full"))
    #expect(result.status == 1, "\(result.standardError)")
    #expect(
      result.errorLines == [
        "samplegrad: error: cannot write to standard output (No space left on device)"
      ])
  }

  @Test("stdout closed: exit 1 and one line saying so", arguments: commands)
  func closedStandardOutput(arguments: [String]) throws {
    let result = try Samplegrad.run(arguments, standardOutput: .closed)
    #expect(result.status == 1, "\(result.standardError)")
    #expect(
      result.errorLines == [
        "samplegrad: error: cannot write to standard output (Bad file descriptor)"
      ])
  }

  @Test(
    "an error that cannot be written still exits 2, never a crash",
    arguments: [["run", "--samples", "0"], ["check", "/nonexistent/bad.toml"], ["--bogus"]])
  func unwritableStandardError(arguments: [String]) throws {
    for stream in [ChildStream.file("/dev/full"), .closed] {
      let result = try Samplegrad.run(arguments, standardError: stream)
      #expect(result.status == 2, "\(stream)")
      #expect(result.standardOutput.isEmpty)
    }
  }

  @Test("a pipe whose reader left ends the run quietly with 141, as a shell expects")
  func brokenPipe() throws {
    let binary = try #require(BuiltExecutable.samplegrad)
    // `true` has exited (closing the pipe) long before the run has anything to write.
    let script = "'\(binary)' run --samples 300000 | true; echo \"status ${PIPESTATUS[0]}\""
    let result = try ChildProcess.run(
      "/bin/bash", ["-c", script], environment: Samplegrad.environment)
    #expect(result.standardOutput == "status 141\n")
    #expect(result.standardError.isEmpty, "\(result.standardError)")
  }
}
