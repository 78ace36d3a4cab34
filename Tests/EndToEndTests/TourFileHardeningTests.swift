import Foundation
import Testing

/// Issue 21's tour-file faults through the real binary: a deeply nested check crashed
/// `check`, `tour --check` and `tour` (fault 1); a CRLF tour outside `tours/` was refused by
/// `check` (fault 5).
@Suite("Tour files: hostile and unusual")
struct TourFileHardeningTests {
  /// A one-step tour on the default preset with `check` as its only claim.
  static func tour(check: String) -> String {
    """
    title = "t"
    [[step]]
    title = "s"
    preset = "bias-and-variance"
    estimators = ["exact", "score-function"]
    samples = 1000
    caption = "c"
    checks = ["\(check)"]
    """
  }

  @Test(
    "a check nested 18,100 deep is one line and exit 2 from check and tour --check, no crash",
    arguments: [["check"], ["tour", "--check"]])
  func deepNesting(command: [String]) throws {
    let depth = 18_100
    let check =
      String(repeating: "(", count: depth) + "score-function.mean[0]"
      + String(repeating: ")", count: depth) + " < 1"
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let path = try folder.write("deep.toml", Self.tour(check: check))
    let arguments = command.count == 1 ? command + [path] : [command[0], path, command[1]]
    let result = try Samplegrad.run(arguments, deadline: 30)
    #expect(result.status == 2, "\(result.standardError.prefix(500))")
    #expect(result.isOneLineUsageError, "\(result.standardError.prefix(500))")
    #expect(result.standardError.contains("deep.toml: step 1.checks[1]: check '((("))
    #expect(result.standardError.contains("nests deeper than 256"))
  }

  @Test("a chain of 60,000 terms is checked and evaluated, no crash")
  func longChain() throws {
    let check = Array(repeating: "exact.loss", count: 60_000).joined(separator: " - ") + " < 1e9"
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let path = try folder.write("chain.toml", Self.tour(check: check))
    let checked = try Samplegrad.run(["check", path], deadline: 30)
    #expect(checked.status == 0, "\(checked.standardError.prefix(500))")
    let played = try Samplegrad.run(["tour", path, "--check"], deadline: 60)
    #expect(played.status == 0, "\(played.standardError.prefix(500))")
    // Booleans, not the 780 kB of output, in a failure message.
    let passed = played.standardOutput.contains("\nPASS  step 1 (s): exact.loss - exact.loss")
    #expect(passed, "\(played.standardOutput.prefix(300))")
  }

  @Test("check accepts the built-in tour with CRLF line ends outside a tours/ folder")
  func crlfTour() throws {
    let text = try String(
      contentsOf: BuiltExecutable.packageRoot.appendingPathComponent(
        "tours/backprop-through-samples.toml"), encoding: .utf8)
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "crlf.toml", text.replacingOccurrences(of: "\n", with: "\r\n"))
    let result = try Samplegrad.run(["check", path], deadline: 30)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("ok (tour crlf: "))
  }
}
