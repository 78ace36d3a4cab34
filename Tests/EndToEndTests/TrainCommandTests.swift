import Foundation
import Testing

/// `samplegrad train` as a script uses it: the documented JSON shape, one CSV row per
/// (estimator, step), the same bytes at any thread count, and one line with exit 2 for
/// every bad value.
@Suite("samplegrad train")
struct TrainCommandTests {
  func samplegrad(_ arguments: [String]) throws -> ProcessResult {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    return try ChildProcess.run(binary, arguments, deadline: 60)
  }

  @Test("JSON has the documented keys; trace points every E steps plus 0 and the last")
  func json() throws {
    let result = try samplegrad([
      "train", "--preset", "relax-toy-race", "--steps", "250", "--every", "100",
      "--estimators", "exact,disarm",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(object["scenario"] as? String == "relax-toy-race")
    #expect(object["seed"] as? Int == 7)
    #expect(object["optimizer"] as? String == "adam")
    #expect(object["learningRate"] as? Double == 0.01)
    #expect(object["batch"] as? Int == 1)
    #expect(object["steps"] as? Int == 250)
    let estimators = try #require(object["estimators"] as? [[String: Any]])
    #expect(estimators.map { $0["name"] as? String } == ["exact", "disarm"])
    for estimator in estimators {
      let trace = try #require(estimator["trace"] as? [[String: Any]])
      #expect(trace.map { $0["step"] as? Int } == [0, 100, 200, 250])
      let final = try #require(estimator["final"] as? [String: Any])
      #expect(final["step"] as? Int == 250)
      #expect((final["parameters"] as? [Double])?.count == 1)
      #expect(final["loss"] is Double)
    }
  }

  @Test("CSV: a header, then one row per estimator and trace step")
  func csv() throws {
    let result = try samplegrad([
      "train", "--preset", "gaussian-race", "--steps", "40", "--every", "10", "--format", "csv",
    ])
    #expect(result.status == 0)
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.first == "estimator,step,loss,mean,std")
    #expect(lines.count == 1 + 4 * 5)
    #expect(lines[1].hasPrefix("exact,0,"))
  }

  @Test("the same bytes at any thread count")
  func threads() throws {
    let arguments = ["train", "--preset", "categorical-race", "--steps", "1500", "--seed", "4"]
    let one = try samplegrad(arguments + ["--threads", "1"])
    let two = try samplegrad(arguments + ["--threads", "2"])
    let five = try samplegrad(arguments + ["--threads", "5", "--format", "json"])
    #expect(one.status == 0 && two.status == 0)
    #expect(one.standardOutput == two.standardOutput)
    #expect(one.standardOutput == five.standardOutput)
  }

  @Test("the table is a handout: settings, loss by step, who got within 1% and when")
  func table() throws {
    let result = try samplegrad(["train", "--preset", "relax-toy-race", "--format", "table"])
    #expect(result.status == 0)
    let text = result.standardOutput
    #expect(text.contains("adam, learning rate 0.01, batch 1, 10000 steps, seed 7"))
    #expect(text.contains("optimum 0.249001"))
    #expect(text.contains("within 1% at step"))
    #expect(text.contains("exact     ") && text.contains("1798"))
  }

  @Test(
    "bad values: one line naming the flag or key, exit 2",
    arguments: [
      (
        ["train", "--steps", "0"],
        "--steps: expected a whole number between 1 and 1e7, got '0' (see 'samplegrad train --help')"
      ),
      (
        ["train", "--learning-rate", "-1"],
        "--learning-rate: must be between 1e-9 and 1e6, got -1 (see 'samplegrad train --help')"
      ),
      (["train", "--learning-rate", "fast"], "--learning-rate: expected a number, got 'fast'"),
      (
        ["train", "--optimizer", "rmsprop"],
        "--optimizer: expected one of 'sgd' and 'adam', got 'rmsprop'"
      ),
      (["train", "--batch", "0"], "--batch: expected a whole number between 1 and 65536, got '0'"),
      (["train", "--every", "0"], "--every: expected a whole number between 1 and 1e7, got '0'"),
      (["train", "--threads", "0"], "--threads: expected a whole number between 1 and 1024"),
      (["train", "--estimators", "arm"], "estimator 'arm'"),
      (["train", "--preset", "no-such-preset"], "no such preset"),
    ])
  func badInput(arguments: [String], expected: String) throws {
    let result = try samplegrad(arguments)
    #expect(result.status == 2)
    #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
    #expect(result.standardError.contains(expected), "\(result.standardError)")
  }

  /// Issue 21, fault 3: the trace and the output were held whole, 5.1 GB for a million steps
  /// of JSON. Written as the race runs, memory no longer grows with the trace: 300,000
  /// traced steps of one lane (about 200 MB held the old way) stay under 80 MB, the
  /// process's own size and a few megabytes of pieces in flight.
  @Test(
    "train --every 1 writes as it runs, in memory that does not grow with the trace",
    // The thread sanitizer's shadow memory multiplies resident memory: no bound holds there.
    .disabled(if: BuiltExecutable.underThreadSanitizer, "resident memory under TSan"))
  func denseTraceStreams() throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    for format in ["json", "csv", "table"] {
      let child = try ChildProcess.start(
        binary,
        [
          "train", "--preset", "relax-toy", "--steps", "300000", "--every", "1",
          "--estimators", "score-function", "--format", format,
        ], environment: Samplegrad.environment, standardOutput: .file("/dev/null"))
      let (status, peak) = child.waitForPeakMemory(deadline: 120)
      #expect(status == 0, "\(format)")
      #expect(peak < 80 << 20, "\(format): peak resident memory \(peak >> 20) MB")
    }
  }
}
