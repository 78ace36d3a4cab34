import Foundation
import Testing

@testable import samplegrad

/// Issue 12, item 1: every sample count either runs, in memory that does not grow with it,
/// or is refused with one line and exit 2. (`--samples 9223372036854775807` used to trap in
/// the chunk arithmetic, and 1e12 allocated 383 MB before drawing a sample.)
@Suite("Sample counts")
struct SampleCountTests {
  @Test(
    "a count outside 1 to 1e12 on the command line is one line naming --samples",
    arguments: ["9223372036854775807", "1000000000000000", "1000000000001", "0", "-5"])
  func outOfRangeFlag(count: String) throws {
    let result = try Samplegrad.run(["run", "--samples", count])
    #expect(result.isOneLineUsageError, "\(result.status): \(result.standardError)")
    #expect(
      result.standardError.contains(
        "--samples: expected a whole number between 1 and 1e12, got '\(count)'"))
  }

  @Test("a count outside the range in a file fails check and run alike, with one line")
  func outOfRangeFile() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let text = try Samplegrad.preset("relax-toy")
      .replacingOccurrences(of: "samples = 400000", with: "samples = 9223372036854775807")
    let path = try folder.write("huge.toml", text)
    let expected = "\(path): samples: must be between 1 and 1e12, got 9223372036854775807"
    for command in [["check", path], ["run", "--preset", path]] {
      let result = try Samplegrad.run(command)
      #expect(result.isOneLineUsageError, "\(command): \(result.standardError)")
      #expect(result.standardError.contains(expected), "\(result.standardError)")
    }
  }

  @Test("the largest count runs in constant memory: chunks are streamed, not collected")
  func largestCountStreams() throws {
    let child = try Samplegrad.start(["run", "--samples", "1000000000000", "--threads", "2"])
    // Long enough for the old code to allocate a slot per chunk (15 million of them).
    Thread.sleep(forTimeInterval: 2)
    let peak = child.peakMemory
    kill(child.pid, SIGTERM)
    let result = child.wait(deadline: 10)
    #expect(result.status == 128 + SIGTERM, "\(result.standardError)")
    let bytes = try #require(peak, "cannot read the child's memory use")
    #expect(bytes < 120 << 20, "peak resident memory \(bytes >> 20) MB")
  }

  /// Issue 21: the message asks for "a whole number between 1 and 1e12", and `1e12` written
  /// that way was refused. Whole numbers in exponent form are read exactly now.
  @Test(
    "a whole number may be written with an exponent, read exactly",
    arguments: [
      ("1e12", "1000000000000"), ("1.5e3", "1500"), ("2.50e1", "25"), (".5e1", "5"),
      ("+7", "7"), ("-2e1", "-20"), ("9.007199254740993e15", "9007199254740993"),
    ])
  func exponentForm(text: String, digits: String) {
    #expect(WholeNumberText.digits(text) == digits)
  }

  @Test(
    "a fraction or a malformed number is still not a whole number",
    arguments: ["2.5", "1e-2", "1e", "e3", ".", "abc", "1e400", "1_000", "0x10", "1e3.5", " 1"])
  func notWhole(text: String) {
    #expect(WholeNumberText.digits(text) == nil)
  }

  @Test("--samples 1e3 runs 1,000 samples; 1e13 is refused naming the range")
  func exponentOnTheCommandLine() throws {
    let ran = try Samplegrad.run([
      "sweep", "--samples", "1e3", "--points", "2", "--estimators", "rebar", "--format", "csv",
    ])
    #expect(ran.status == 0, "\(ran.standardError)")
    #expect(ran.standardOutput.split(separator: "\n")[1].split(separator: ",")[3] == "1000")
    let refused = try Samplegrad.run(["run", "--samples", "1e13"])
    #expect(refused.isOneLineUsageError)
    #expect(
      refused.standardError.contains(
        "--samples: expected a whole number between 1 and 1e12, got '1e13'"))
  }
}
