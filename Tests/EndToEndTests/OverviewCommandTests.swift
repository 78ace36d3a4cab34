import Foundation
import Testing

/// `samplegrad overview` as a handout script calls it.
@Suite("Overview command")
struct OverviewCommandTests {
  func samplegrad(_ arguments: [String]) throws -> ProcessResult {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    return try ChildProcess.run(binary, arguments, deadline: 120)
  }

  @Test("the table has a row per method and the measured cells")
  func table() throws {
    let result = try samplegrad(["overview", "--samples", "20000"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("argmax"))
    #expect(result.standardOutput.contains("no: gradient 0 ± 0"))
    #expect(result.standardOutput.contains("df/dx measured on a reward table"))
  }

  @Test("JSON: one object per row, each cell an answer and its evidence")
  func json() throws {
    let result = try samplegrad([
      "overview", "--preset", "step-function", "--samples", "20000", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    let rows = try #require(object["rows"] as? [[String: Any]])
    let pathwise = try #require(rows.first { $0["name"] as? String == "reparameterization" })
    let needs = try #require(pathwise["needsDerivative"] as? [String: String])
    #expect(needs["answer"] == "yes")
  }

  @Test("a parameter the scenario does not have is one line, exit 2")
  func badParameter() throws {
    let result = try samplegrad(["overview", "--parameter", "9"])
    #expect(result.status == 2)
    #expect(result.standardError.split(separator: "\n").count == 1)
    #expect(result.standardError.contains("--parameter: this scenario has 4 parameters, got 9"))
  }
}
