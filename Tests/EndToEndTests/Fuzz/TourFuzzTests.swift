import Foundation
import Testing

/// Mutated tour files through `check` and `tour --check` (issue 21: a check nested 18,000
/// deep or chained 44,000 terms long crashed both; a CRLF tour outside `tours/` was refused by
/// `check` alone; a NUL cut a check short). Each command ends by the exit-status rule (`tour
/// --check` may also exit 1, a claim that failed, with its results on stdout), and the two
/// agree on which files are valid.
@Suite("Fuzz: tour files", .timeLimit(.minutes(5)))
struct TourFuzzTests {
  static let seed: UInt64 = 21
  static let tours = 80 / Fuzz.share

  @Test("mutated tours: check and tour --check agree, each by the exit-status rule")
  func mutatedTours() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let builtIn = try String(
      contentsOf: BuiltExecutable.packageRoot.appendingPathComponent(
        "tours/backprop-through-samples.toml"), encoding: .utf8
    ).replacingOccurrences(of: "samples = 100000", with: "samples = 300")
    let found = Fuzz.run(Self.tours, seed: Self.seed) { index, random in
      let text = TourMutation.tour(builtIn: builtIn, &random)
      let path = try folder.write("tour-\(index).toml", text)
      return try Self.problems(path: path).map { "\($0)\n\(text.prefix(600))" }
    }
    Fuzz.expectNone(found)
  }

  static func problems(path: String) throws -> [String] {
    var found: [String] = []
    let check = try Samplegrad.run(["check", path], deadline: 30)
    if let problem = FuzzJudge.problem(
      check, arguments: ["check", path], output: .text, manyLines: true)
    {
      found.append("check: \(problem)")
    }
    let arguments = ["tour", path, "--check"]
    let played = try Samplegrad.run(arguments, deadline: 60)
    // A claim may measure an infinity (`exact.loss / 0 > 1`): only the rule's other parts.
    if let problem = FuzzJudge.problem(
      played, arguments: arguments, output: .claims, statuses: [0, 1, 2])
    {
      found.append("tour --check: \(problem)")
    }
    if (check.status == 2) != (played.status == 2) {
      found.append(
        "check exited \(check.status), tour --check \(played.status):"
          + " \(check.standardError.prefix(300)) | \(played.standardError.prefix(300))")
    }
    if played.status == 1, !played.standardOutput.contains("\nFAIL  ") {
      found.append("tour --check exited 1 without a FAIL line")
    }
    return found
  }
}
