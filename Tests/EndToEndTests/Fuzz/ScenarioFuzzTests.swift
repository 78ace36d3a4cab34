import Foundation
import Testing

/// Issue 12's fuzz, grown by issue 21: mutated scenario files, from a fixed seed, through
/// the real binary. Each command ends with exit 0 and finite output, or exit 2 and one line
/// (`FuzzJudge`), and `check`, `run`, `sweep` and `train` agree on which files are valid:
/// issue 21 found sweep refusing 168 of 2,161 files the others accepted (a gaussian at mean
/// 4e16 or more, a file with only `exact`).
@Suite("Fuzz: scenario files", .timeLimit(.minutes(5)))
struct ScenarioFuzzTests {
  static let seed: UInt64 = 12
  static let files = 150 / Fuzz.share

  @Test("mutated files: check, run, sweep and train agree, each by the exit-status rule")
  func mutatedFiles() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let presets = try FileManager.default.contentsOfDirectory(
      atPath: BuiltExecutable.packageRoot.appendingPathComponent("presets").path
    ).filter { $0.hasSuffix(".toml") }.sorted()
    // Scenario files only: a model preset (a [model] table) is not a scenario for sweep and
    // overview, and has its own decoder's tests.
    let texts = try presets.map { try Samplegrad.preset(String($0.dropLast(5))) }
      .filter { !$0.contains("\n[model]\n") }
    let found = Fuzz.run(Self.files, seed: Self.seed) { index, random in
      let bytes = Mutation.file(Array(random.pick(texts).utf8), &random)
      let path = try folder.write("case-\(index).toml", bytes: bytes)
      var problems = try Self.problems(path: path, samples: random.int(in: 20...300))
      // The mutations put NUL escapes only inside basic strings: never a valid file.
      let text = String(decoding: bytes, as: UTF8.self)
      if text.contains("\\u0000") || text.contains("\\U00000000"),
        problems.isEmpty, try Samplegrad.run(["check", path]).status == 0
      {
        problems.append("a NUL escape in a string was accepted")
      }
      return problems.map { "\($0)\n\(text)" }
    }
    Fuzz.expectNone(found)
  }

  /// The commands' verdicts on the file at `path`, and what is wrong with them.
  static func problems(path: String, samples: Int) throws -> [String] {
    var found: [String] = []
    func judge(_ arguments: [String], _ output: FuzzJudge.Output, manyLines: Bool = false) throws
      -> ProcessResult
    {
      let result = try Samplegrad.run(arguments, deadline: 30)
      if let problem = FuzzJudge.problem(
        result, arguments: arguments, output: output, manyLines: manyLines)
      {
        found.append("\(arguments.first!): \(problem)")
      }
      return result
    }
    let run = try judge(
      ["run", "--preset", path, "--samples", "\(samples)"], .json(nulls: FuzzJudge.runNulls))
    let valid = run.status == 0
    let check = try judge(["check", path], .text, manyLines: true)
    let train = try judge(
      ["train", "--preset", path, "--steps", "20", "--every", "5"],
      .json(nulls: FuzzJudge.trainNulls))
    let sweep = try judge(
      ["sweep", "--preset", path, "--points", "3", "--samples", "40"],
      .json(nulls: FuzzJudge.sweepNulls))
    for (name, result) in [("check", check), ("train", train)]
    where (result.status == 0) != valid {
      found.append("run exited \(run.status), \(name) \(result.status): \(result.standardError)")
    }
    // A file may list only `exact`: nothing to sweep, said of the file's own key.
    let nothingToSweep = sweep.standardError.contains("\(path): estimators: nothing to sweep")
    if (sweep.status == 0) != valid, !(valid && nothingToSweep) {
      found.append("run exited \(run.status), sweep \(sweep.status): \(sweep.standardError)")
    }
    return found
  }
}
