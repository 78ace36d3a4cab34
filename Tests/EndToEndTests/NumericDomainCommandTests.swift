import Foundation
import Testing

/// Issue 12, item 5, through the binary: the inputs that used to print `null`, `inf` or
/// `-nan` are refused with one line naming the key and its range, and the edges of the
/// domain print finite numbers in both formats.
@Suite("Numeric domain from the command line")
struct NumericDomainCommandTests {
  @Test(
    "the issue's inputs are refused with one line naming the key and range",
    arguments: [
      (
        "bias-and-variance", "logits = [1.0, 0.5, -0.5, 0.0]", "logits = [1e307, 0, 0, 0]",
        "distribution.logits: must be between -1e6 and 1e6, got 1e+307 (value 1)"
      ),
      (
        "gaussian-reparameterization", "std = 1.0", "std = 1e-300",
        "distribution.std: must be between 1e-30 and 1e50, got 1e-300"
      ),
      (
        "gaussian-reparameterization", "mean = 1.0", "mean = 1e154",
        "distribution.mean: must be between -1e50 and 1e50, got 1e+154"
      ),
      (
        "relax-toy", "target = 0.45", "target = -1e154",
        "objective.target: must be between -1e50 and 1e50, got -1e+154"
      ),
      (
        "bias-and-variance", "eta = 1.0", "eta = 1e200",
        "options.eta: must be between -1e30 and 1e30, got 1e+200"
      ),
      (
        "gaussian-cosine", "frequency = 3.0", "frequency = 1e308",
        "objective.frequency: must be between -1e50 and 1e50, got 1e+308"
      ),
      (
        "relax-toy-race", "learning_rate = 0.01", "learning_rate = 1e300",
        "training.learning_rate: must be between 1e-9 and 1e6, got 1e+300"
      ),
    ])
  func refused(preset: String, old: String, new: String, message: String) throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let original = try Samplegrad.preset(preset)
    #expect(original.contains(old), "\(preset) has no '\(old)'")
    let path = try folder.write("edge.toml", original.replacingOccurrences(of: old, with: new))
    let result = try Samplegrad.run(["run", "--preset", path, "--samples", "100"])
    #expect(result.isOneLineUsageError, "\(result.standardError)")
    #expect(result.errorLines.first == "samplegrad: error: \(path): \(message)")
  }

  @Test("flags are held to the same domain")
  func flags() throws {
    let result = try Samplegrad.run(["run", "--logits", "1e307,0,0,0", "--temperature", "0.01"])
    #expect(result.isOneLineUsageError)
    #expect(
      result.errorLines.first
        == "samplegrad: error: --logits: must be between -1e6 and 1e6, got 1e+307 (value 1) (see 'samplegrad run --help')"
    )
  }

  @Test("at the edges every number printed is finite, as JSON and as a table")
  func finiteAtTheEdges() throws {
    let arguments = [
      "run", "--logits", "1e6,-1e6,0,1e6", "--temperature", "0.01", "--samples", "3000",
    ]
    let json = try Samplegrad.run(arguments)
    #expect(json.status == 0, "\(json.standardError)")
    let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8))
    #expect(Self.numbers(in: object).allSatisfy { $0.isFinite })
    #expect(Self.undocumentedNulls(json.standardOutput).isEmpty)
    let table = try Samplegrad.run(arguments + ["--format", "table"])
    #expect(table.status == 0)
    #expect(!table.standardOutput.lowercased().contains("nan"))
    #expect(!table.standardOutput.lowercased().contains("inf"))
  }

  /// Lines of `run`'s JSON with a null that is not one of the documented ones: `pValue` (a
  /// test without degrees of freedom), `relativeNoise`, `meanCosine` and `biasStandardErrors`
  /// (where the exact gradient or the standard error is 0). Any other null is a NaN or an infinity.
  static func undocumentedNulls(_ json: String) -> [Substring] {
    let documented = [
      "\"pValue\":", "\"relativeNoise\":", "\"biasStandardErrors\":", "\"meanCosine\":",
    ]
    return json.split(separator: "\n").filter { line in
      line.contains("null") && !documented.contains { line.contains($0) }
    }
  }

  static func numbers(in value: Any) -> [Double] {
    switch value {
    case let number as NSNumber: [number.doubleValue]
    case let array as [Any]: array.flatMap { numbers(in: $0) }
    case let object as [String: Any]: object.values.flatMap { numbers(in: $0) }
    default: []
    }
  }
}
