import Foundation
import SampleGradCore
import SampleGradEngine

extension BenchCommand {
  /// The vector math the sampling kernels use, for JSON and for a table.
  static var vectorMath: (key: String, name: String) { (VectorMath.tier.key, VectorMath.tier.name) }

  /// The sampling lines `--only` names (nil without it); an unknown name is a usage error
  /// that lists the known ones.
  static func lines(named list: String?, from known: [String]) throws -> Set<String>? {
    guard let list else { return nil }
    let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    for name in names where !known.contains(name) {
      throw Failure.usage(
        "--only: no line '\(name)'; the lines are \(known.joined(separator: ", "))")
    }
    guard !names.isEmpty else { throw Failure.usage("--only: name at least one line") }
    return Set(names)
  }

  /// `--only` without `--count`: the sampling lines alone.
  func printSampling(_ results: [Benchmark.Result], scenario: Scenario) throws {
    switch format {
    case .json:
      try Output.line(
        JSONValue.object([
          ("vectorMath", .string(Self.vectorMath.key)),
          (
            "results",
            .array(results.map(Self.json))
          ),
        ]).render())
    case .table:
      try Output.line("\(scenario.displayTitle), vector math \(Self.vectorMath.name)")
      try printTable(results)
    }
  }

  /// One sampling figure in JSON; `speedup` (on more than one thread) is the median of the
  /// round-by-round ratios to one thread.
  static func json(_ r: Benchmark.Result) -> JSONValue {
    var fields: [(String, JSONValue)] = [
      ("name", .string(r.name)), ("threads", .integer(r.threads)),
      ("perSecond", .number((r.perSecond).rounded())),
    ]
    if let speedup = r.speedup {
      fields.append(("speedup", .number((speedup * 100).rounded() / 100)))
    }
    return .object(fields)
  }

  /// The sampling figures as a table, with each multi-thread line's speed-up over one thread.
  func printTable(_ results: [Benchmark.Result]) throws {
    try Output.line("name                      threads   samples/s   vs 1 thread")
    for r in results {
      let name = r.name.padding(toLength: 24, withPad: " ", startingAt: 0)
      let speedup = r.speedup.map { String(format: "   %10.2fx", $0) } ?? ""
      try Output.line(
        "\(name)  \(String(format: "%7d", r.threads))   \(String(format: "%9.3g", r.perSecond))"
          + speedup)
    }
  }

  /// `--count`: samples, CPU seconds and samples per CPU second of each line.
  func printCounted(_ results: [Benchmark.Counted], scenario: Scenario) throws {
    switch format {
    case .json:
      try Output.line(
        JSONValue.object([
          ("vectorMath", .string(Self.vectorMath.key)),
          ("seed", .integer(Int(Benchmark.countedSeed))),
          (
            "results",
            .array(
              results.map {
                .object([
                  ("name", .string($0.name)), ("samples", .integer($0.samples)),
                  ("cpuSeconds", .number($0.cpuSeconds)),
                  ("perCPUSecond", .number($0.perCPUSecond.rounded())),
                ])
              })
          ),
        ]).render())
    case .table:
      try Output.line(
        "\(scenario.displayTitle), vector math \(Self.vectorMath.name), one thread, seed "
          + "\(Benchmark.countedSeed)")
      try Output.line("name                        samples   CPU s   samples/CPU s")
      for r in results {
        let name = r.name.padding(toLength: 24, withPad: " ", startingAt: 0)
        try Output.line(
          "\(name)  \(String(format: "%9d", r.samples))  \(String(format: "%6.3f", r.cpuSeconds))"
            + "   \(String(format: "%9.3g", r.perCPUSecond))")
      }
    }
  }
}
