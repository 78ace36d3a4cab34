import Foundation
import Testing

/// `bench --only` and `bench --count` (issue 22): a few lines alone, and a fixed amount of
/// work from a fixed seed for callgrind. Nothing here is timed.
@Suite("bench lines and counts")
struct BenchLinesTests {
  func json(_ arguments: [String]) throws -> [String: Any] {
    let result = try Samplegrad.run(arguments, deadline: 60)
    #expect(result.status == 0, "\(result.standardError)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  @Test("--count draws exactly that many samples of each line named by --only")
  func countedLines() throws {
    let document = try json([
      "bench", "--count", "100", "--only", "relaxed-sample,rebar,arm (D=128)", "--format", "json",
    ])
    let results = try #require(document["results"] as? [[String: Any]])
    #expect(results.map { $0["name"] as? String } == ["relaxed-sample", "rebar", "arm (D=128)"])
    #expect(results.allSatisfy { $0["samples"] as? Int == 100 })
    #expect(document["sweep"] == nil && document["train"] == nil)
  }

  @Test("--only times the lines it names on one thread and on all, and nothing else")
  func onlyLines() throws {
    let document = try json([
      "bench", "--only", "argmax", "--seconds", "0.01", "--threads", "2", "--format", "json",
    ])
    let results = try #require(document["results"] as? [[String: Any]])
    #expect(results.map { $0["threads"] as? Int } == [1, 2])
    #expect(results.allSatisfy { $0["name"] as? String == "argmax" })
    // The two-thread figure carries its speed-up over the interleaved one-thread rounds.
    #expect(results[0]["speedup"] == nil)
    let speedup = try #require(results[1]["speedup"] as? Double)
    #expect(speedup > 0)
  }

  @Test("an unknown line is a usage error that lists the lines")
  func unknownLine() throws {
    let result = try Samplegrad.run(["bench", "--only", "nope", "--count", "1"], deadline: 60)
    #expect(result.status != 0)
    #expect(result.standardError.contains("--only: no line 'nope'; the lines are relaxed-sample"))
  }
}
