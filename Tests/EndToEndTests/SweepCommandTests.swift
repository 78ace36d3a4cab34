import Foundation
import Testing

/// `samplegrad sweep` as a script uses it: the documented JSON, CSV and table, each point
/// equal to `samplegrad run` at that setting, and one line with exit 2 for any bad value.
@Suite("Sweep command")
struct SweepCommandTests {
  func samplegrad(_ arguments: [String]) throws -> ProcessResult {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    return try ChildProcess.run(binary, arguments, deadline: 60)
  }

  func json(_ result: ProcessResult) throws -> [String: Any] {
    #expect(result.status == 0, "\(result.standardError)")
    let data = Data(result.standardOutput.utf8)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test("JSON has exactly the documented keys, in order, and no exact row unless asked")
  func shape() throws {
    let result = try samplegrad(["sweep", "--points", "3", "--samples", "500"])
    let document = try json(result)
    #expect(Set(document.keys) == ["scenario", "over", "scale", "seed", "samples", "points"])
    let order = ["scenario", "over", "scale", "seed", "samples", "points"].map {
      result.standardOutput.range(of: "\"\($0)\":")!.lowerBound
    }
    #expect(order == order.sorted())
    #expect(document["over"] as? String == "temperature")
    #expect(document["scale"] as? String == "log")
    let points = try #require(document["points"] as? [[String: Any]])
    #expect(points.map { $0["value"] as? Double } == [0.01, 1, 100])
    for point in points {
      #expect(Set(point.keys) == ["value", "exact", "estimators"])
      let exact = try #require(point["exact"] as? [String: Any])
      #expect(Set(exact.keys) == ["loss", "gradient"])
      let estimators = try #require(point["estimators"] as? [[String: Any]])
      #expect(
        estimators.map { $0["name"] as? String } == [
          "score-function", "gumbel-softmax", "straight-through", "rebar",
        ])
      for estimator in estimators {
        #expect(
          Set(estimator.keys) == [
            "name", "samples", "mean", "variance", "standardError", "bias", "mse", "total",
          ])
        #expect(estimator["samples"] as? Int == 500)
      }
    }
  }

  @Test(
    "each point equals samplegrad run at that setting, number for number",
    arguments: [["--over", "temperature"], ["--over", "parameter:2", "--scale", "linear"]])
  func pointsEqualRun(over: [String]) throws {
    let common = ["--samples", "3000", "--seed", "5", "--estimators", "gumbel-softmax,rebar"]
    let document = try json(try samplegrad(["sweep", "--points", "3"] + over + common))
    let points = try #require(document["points"] as? [[String: Any]])
    for point in points {
      let value = try #require(point["value"] as? Double)
      let setting =
        over[1] == "temperature"
        ? ["--temperature", "\(value)"] : ["--logits", "1,\(value),-0.5,0"]
      let run = try json(try samplegrad(["run"] + setting + common))
      let runEstimators = try #require(run["estimators"] as? [[String: Any]])
      let sweepEstimators = try #require(point["estimators"] as? [[String: Any]])
      #expect(runEstimators.count == sweepEstimators.count)
      for (a, b) in zip(runEstimators, sweepEstimators) {
        #expect(a["name"] as? String == b["name"] as? String)
        for key in ["mean", "variance", "standardError", "bias"] {
          #expect(a[key] as? [Double] == b[key] as? [Double], "\(key) at \(value)")
        }
      }
      let exact = try #require(run["exact"] as? [String: Any])
      #expect(
        exact["gradient"] as? [Double] == (point["exact"] as? [String: Any])?["gradient"]
          as? [Double])
    }
  }

  @Test("deterministic for a seed whatever the thread count")
  func deterministic() throws {
    let arguments = ["sweep", "--points", "4", "--samples", "70000", "--seed", "3"]
    let one = try samplegrad(arguments + ["--threads", "1"])
    let two = try samplegrad(arguments + ["--threads", "2"])
    #expect(one.status == 0 && two.status == 0)
    #expect(one.standardOutput == two.standardOutput)
  }

  @Test("CSV: a header, then one row per point, estimator and component")
  func csv() throws {
    let result = try samplegrad([
      "sweep", "--preset", "mohamed-quadratic", "--points", "3", "--samples", "200",
      "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let lines = result.standardOutput.split(separator: "\n")
    #expect(
      lines.first == "value,estimator,component,samples,exact,mean,variance,standardError,bias,mse")
    #expect(lines.count == 1 + 3 * 4 * 2)
    #expect(lines[1].hasPrefix("-3,score-function,mean,200,8,"))
    #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",").count == 10 })
  }

  @Test("the table: the title, what is swept, a block per component, where MSE is lowest")
  func table() throws {
    let result = try samplegrad([
      "sweep", "--preset", "temperature-sweep", "--samples", "2000", "--format", "table",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let text = result.standardOutput
    for expected in [
      "temperature-sweep", "swept: temperature from 0.01 to 100, 25 points (log scale), now 0.5",
      "logit 1:", "logit 4:", "gumbel-softmax: lowest MSE", "lowest MSE",
    ] {
      #expect(text.contains(expected), "\(expected)")
    }
  }

  @Test(
    "every bad value is one line naming the flag, exit 2",
    arguments: [
      (["--over", "heat"], "--over: expected one of temperature, eta, parameter:N"),
      (["--over", "frequency"], "--over: cannot sweep frequency: only a cosine objective"),
      (["--over", "parameter:7"], "--over: cannot sweep parameter:7: there is no parameter 7"),
      (["--from", "0.001"], "--from: temperature must be between 0.01 and 100, got 0.001"),
      (["--from", "abc"], "--from: expected a number, got 'abc'"),
      (["--to", "nan"], "--to: must be a finite number, got nan"),
      (["--from", "5", "--to", "1"], "--to: must be greater than from (5), got 1"),
      (["--over", "eta", "--scale", "log"], "--from: a log scale needs values above 0, got 0"),
      (["--points", "1"], "--points: expected a whole number between 2 and 200, got '1'"),
      (["--points", "ten"], "--points: expected a whole number between 2 and 200, got 'ten'"),
      (["--scale", "cubic"], "--scale: expected one of 'log' and 'linear', got 'cubic'"),
      (["--samples", "0"], "--samples: expected a whole number between 1 and 1e12, got '0'"),
      (["--threads", "0"], "--threads: expected a whole number between 1 and 1024, got '0'"),
      (["--format", "xml"], "--format: expected one of 'json', 'csv' or 'table', got 'xml'"),
      (["--estimators", "rebar,nope"], "--estimators: unknown estimator 'nope'"),
      (
        ["--estimators", "rebar,,exact"],
        "--estimators: expected comma-separated estimator names, got an empty value (value 2 of 'rebar,,exact')"
      ),
      (["--estimators", "measure-valued"], "--estimators: estimator 'measure-valued' needs"),
      (["--preset", "no-such-preset"], "no such preset"),
      (["--seed", "-1"], "--seed: expected a whole number from 0"),
      (["--temperature", "warm"], "--temperature: expected a number, got 'warm'"),
      (["--logits", "1,2"], "has 4 categories, got 2"),
      (["--to", "1000"], "--to: temperature must be between 0.01 and 100, got 1000 (at point 25"),
      (["--from", "200"], "--from: must be less than to (100, the standard end), got 200"),
      (
        [
          "--preset", "mohamed-quadratic", "--over", "parameter:2", "--from", "-1", "--to", "1",
          "--scale", "linear",
        ],
        "--from: std must be between 1e-30 and 1e50, got -1 (at point 1 of 25)"
      ),
    ])
  func badValues(arguments: [String], expected: String) throws {
    let result = try samplegrad(["sweep"] + arguments)
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
    let lines = result.standardError.split(separator: "\n")
    #expect(lines.count == 1, "\(result.standardError)")
    #expect(result.standardError.contains(expected), "\(result.standardError)")
  }

  @Test("--estimators is read as run and train read it: spaces around a name are trimmed")
  func estimatorsTrimmed() throws {
    let result = try samplegrad([
      "sweep", "--estimators", " rebar, score-function", "--points", "2", "--samples", "100",
      "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let rows = result.standardOutput.split(separator: "\n").dropFirst()
    #expect(Set(rows.map { $0.split(separator: ",")[1] }) == ["rebar", "score-function"])
  }

  /// Issue 21, fault 4: sweep refused files that check, run and train accept, and named
  /// flags that were never given.
  @Test("a gaussian at mean 1e17 sweeps around its mean")
  func hugeMean() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "big.toml",
      try Samplegrad.preset("measure-valued").replacingOccurrences(
        of: "mean = 1.0", with: "mean = 1e17"))
    let result = try samplegrad([
      "sweep", "--preset", path, "--samples", "200", "--points", "3", "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let values = Set(
      result.standardOutput.split(separator: "\n").dropFirst().map {
        $0.split(separator: ",")[0]
      })
    #expect(values.count == 3, "\(values)")
  }

  @Test("a file with only exact is refused naming the file's estimators, not a flag")
  func onlyExact() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let text = try Samplegrad.preset("measure-valued")
    let path = try folder.write(
      "exact.toml",
      text.replacingOccurrences(
        of: text[text.range(of: "estimators = [")!.lowerBound...].prefix { $0 != "\n" },
        with: "estimators = [\"exact\"]"))
    let result = try samplegrad(["sweep", "--preset", path])
    #expect(result.isOneLineUsageError, "\(result.standardError)")
    #expect(
      result.standardError
        == "samplegrad: error: \(path): estimators: nothing to sweep: the file lists no estimator"
        + " besides exact (add one, or pass --estimators)\n")
  }
}
