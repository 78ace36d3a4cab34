import Foundation
import Testing

/// `samplegrad tour --check`, `tours` and `check` on tour files, as a script would call them.
@Suite("Tour commands")
struct TourCommandTests {
  func samplegrad(_ arguments: [String]) throws -> ProcessResult {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    return try ChildProcess.run(binary, arguments, deadline: 120)
  }

  func temporaryFile(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("tour-\(UUID().uuidString).toml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test("tour --check passes every claim of the built-in tour, one line per check, exit 0")
  func checkPasses() throws {
    let result = try samplegrad(["tour", "backprop-through-samples", "--check"])
    #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("PASS  step 1 (The problem)") })
    #expect(!lines.contains { $0.hasPrefix("FAIL") })
    #expect(lines.last?.hasSuffix("checks pass") == true)
  }

  @Test("a failing claim prints FAIL with the measured values and exits 1")
  func checkFails() throws {
    let path = try temporaryFile(
      """
      title = "wrong"
      [[step]]
      title = "x"
      preset = "bias-and-variance"
      caption = "x"
      samples = 5000
      checks = ["score-function.variance[0] < 0.01"]
      """)
    let result = try samplegrad(["tour", path, "--check"])
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("FAIL  step 1 (x): score-function.variance[0] < 0.01"))
  }

  @Test("tour without a terminal: one line that offers --check, exit 2")
  func playWithoutTerminal() throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = "xterm-256color"
    let result = try ChildProcess.run(
      binary, ["tour", "backprop-through-samples"], environment: environment, deadline: 20)
    #expect(result.status == 2)
    let lines = result.standardError.split(separator: "\n")
    #expect(lines.count == 1, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "needs an interactive terminal (stdin is not a terminal); for text output use "
          + "'samplegrad tour backprop-through-samples --check'"))
  }

  @Test("a tour with a broken step is refused before the screen changes, exit 2")
  func playBrokenTour() throws {
    let path = try temporaryFile(
      """
      title = "broken"
      [[step]]
      title = "x"
      preset = "bias-and-variance"
      caption = "x"
      [[step]]
      title = "y"
      caption = "y"
      std = 2.0
      """)
    let result = try samplegrad(["tour", path])
    #expect(result.status == 2)
    #expect(
      result.standardError.contains("step 2.std: this step's categorical distribution has no std"))
  }

  @Test("tours lists the built-in tour; check validates tour files, one line per problem")
  func listAndValidate() throws {
    let list = try samplegrad(["tours"])
    #expect(list.status == 0)
    #expect(list.standardOutput.contains("backprop-through-samples"))
    let broken = try temporaryFile(
      """
      title = "broken"
      [[step]]
      title = "x"
      preset = "no-such-preset"
      capton = "x"
      checks = ["rebar.mean[0] <"]
      """)
    let result = try samplegrad(["check", broken])
    #expect(result.status == 2)
    let lines = result.standardError.split(separator: "\n")
    #expect(lines.count == 3, "\(lines)")
    #expect(lines.contains { $0.contains("step 1.capton: unknown key (did you mean 'caption'?)") })
    #expect(lines.contains { $0.contains("step 1.caption: is missing") })
    #expect(lines.contains { $0.contains("step 1.checks[1]: check 'rebar.mean[0] <'") })
  }

  /// Found by issue 21's fuzz: a tour with two broken steps printed two lines from `tour`
  /// and `tour --check`, where every command gives one (the first and how many more).
  @Test(
    "several broken steps are one line, the first and how many more", arguments: [[], ["--check"]])
  func severalBrokenSteps(flags: [String]) throws {
    let path = try temporaryFile(
      """
      title = "broken twice"
      [[step]]
      title = "x"
      preset = "bias-and-variance"
      caption = "x"
      [[step]]
      title = "y"
      caption = "y"
      std = 2.0
      [[step]]
      title = "z"
      preset = "no-such-preset"
      caption = "z"
      """)
    let result = try samplegrad(["tour", path] + flags)
    #expect(result.isOneLineUsageError, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "\(path): step 2.std: this step's categorical distribution has no std"))
    #expect(
      result.standardError.contains("(and 1 more; 'samplegrad check \(path)' lists them all)"))
  }
}
