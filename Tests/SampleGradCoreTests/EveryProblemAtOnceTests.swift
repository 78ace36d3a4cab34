import Foundation
import Testing

@testable import SampleGradCore

/// `check` promises every problem of a file at once (issue 21, fault 8): before, problems
/// came in stages, a file with three needed three rounds, and `run`'s "(and N more)" counted
/// only the first stage.
@Suite("Every problem at once")
struct EveryProblemAtOnceTests {
  static let base = """
    name = "x"
    estimators = ["exact", "score-function"]
    [distribution]
    kind = "categorical"
    logits = [1.0, 0.5]
    temperature = 0.5
    [objective]
    kind = "quadratic"
    target = [0, 1]
    """

  func problems(_ text: String) -> [String] {
    do {
      _ = try ScenarioDecoder.decode(text, source: "t.toml")
      return []
    } catch {
      return error.lines
    }
  }

  @Test("a misspelt key, a bad [training] and a bad [sweep] are listed together")
  func threeStagesInOneRound() {
    let text =
      Self.base.replacingOccurrences(of: "temperature = 0.5", with: "temprature = 0.5")
      + "\n[training]\nsteps = 0\n[sweep]\nover = \"temperature\"\npoints = 1\n"
    let found = problems(text)
    #expect(found.count == 3, "\(found)")
    #expect(found.contains { $0.contains("distribution.temprature: unknown key") })
    #expect(found.contains { $0.contains("training.steps: must be between 1 and 1e7, got 0") })
    #expect(found.contains { $0.contains("sweep.points: must be between 2 and 200, got 1") })
  }

  @Test("a value of the wrong type does not hide the other problems, nor reads as missing")
  func typeProblemsAndTheRest() {
    let text =
      Self.base.replacingOccurrences(of: "logits = [1.0, 0.5]", with: "logits = \"two\"")
      + "\nseed = -1\n[training]\nbatch = 0\n"
    let found = problems(text)
    #expect(found.contains { $0.contains("distribution.logits: expected") })
    #expect(found.contains { $0.contains("training.batch: must be between") })
    #expect(!found.contains { $0.contains("distribution.logits: is missing") })
  }

  @Test("a name repeated 50 times is one line that says how often")
  func repeatedNameOnce() {
    let list = Array(repeating: "\"exact\"", count: 50).joined(separator: ", ")
    let text = Self.base.replacingOccurrences(
      of: "estimators = [\"exact\", \"score-function\"]", with: "estimators = [\(list)]")
    #expect(problems(text) == ["t.toml: estimators: lists 'exact' 50 times"])
  }

  @Test("a rule judged by the file and by the plan is said once")
  func noDuplicates() {
    let text = Self.base + "\n[sweep]\nover = \"temperature\"\npoints = 1\n"
    #expect(problems(text) == ["t.toml: sweep.points: must be between 2 and 200, got 1"])
  }
}
