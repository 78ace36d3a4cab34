import Foundation
import Testing

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
}
