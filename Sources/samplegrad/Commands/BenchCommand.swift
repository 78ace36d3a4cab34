import ArgumentParser
import Foundation
import SampleGradCore
import SampleGradEngine
import SampleGradUI

/// `samplegrad bench`: samples per second for each estimator and for raw relaxed sampling, on
/// one core and on all, and the time to render one full frame. Build with `-c release`.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure sampling throughput and frame render time (use a release build).",
    discussion: """
      Without --preset, a categorical with K = 10 at temperature 0.5. Each figure is the \
      median of five timed rounds; the machine's other load shows in the numbers, so compare \
      medians and ratios from the same run.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case json, table }

  @Option(
    name: .long, help: "A preset name or path (default: a K = 10 categorical).",
    completion: .file(extensions: ["toml"]))
  var preset: String?

  @Option(
    name: .long, parsing: .unconditional, help: "Seconds of timing per figure, 0.01 to 3600.",
    transform: FlagValue.number(0.01...3600))
  var seconds: Double = 1

  @Option(
    name: .long, parsing: .unconditional,
    help: "Threads for the all-core figures, 1 to 1024 (default: all cores).",
    transform: FlagValue.wholeNumber(Workers.range))
  var threads: Int?

  @Option(name: .long, help: "Output format: json or table.")
  var format: Format = .table

  func run() throws {
    let all = threads ?? Workers.cores
    let scenario: Scenario
    if let preset {
      do { scenario = try ScenarioOptions.loadPreset(preset) } catch {
        throw Failure.scenario(error)
      }
    } else {
      scenario = Benchmark.defaultScenario
    }

    let results = Benchmark.sampling(
      scenario: scenario, threads: all > 1 ? [1, all] : [1], seconds: seconds)
    let frame = FrameTiming.median(scenario: scenario, width: 160, height: 48)
    let categories = scenario.problem.categories

    switch format {
    case .json:
      let document = JSONValue.object([
        ("categories", .integer(categories)),
        ("vectorMath", .string(VectorMath.usesAVX2 ? "avx2" : "sse2")),
        (
          "results",
          .array(
            results.map {
              .object([
                ("name", .string($0.name)), ("threads", .integer($0.threads)),
                ("perSecond", .number(($0.perSecond).rounded())),
              ])
            })
        ),
        (
          "frame",
          .object([
            ("width", .integer(160)), ("height", .integer(48)),
            ("medianMilliseconds", .number(frame * 1000)),
          ])
        ),
      ])
      try Output.line(document.render())
    case .table:
      try Output.line(
        "\(scenario.displayTitle): \(categories) categories, vector math \(VectorMath.usesAVX2 ? "AVX2" : "SSE2")"
      )
      try Output.line("name                      threads   samples/s")
      for r in results {
        let name = r.name.padding(toLength: 24, withPad: " ", startingAt: 0)
        try Output.line(
          "\(name)  \(String(format: "%7d", r.threads))   \(String(format: "%9.3g", r.perSecond))")
      }
      try Output.line(String(format: "frame 160x48: %.3f ms (median)", frame * 1000))
    }
  }
}

/// The time to render one full explorer frame from a snapshot with real statistics.
enum FrameTiming {
  static func median(scenario: Scenario, width: Int, height: Int, frames: Int = 300) -> Double {
    var state = EngineState(scenario: scenario)
    for _ in 0..<20 {
      state.step(samples: 500)
      state.recordHistory()
    }
    let snapshot = state.snapshot()
    let explorer = Explorer(presets: [])
    var buffer = Buffer(width: width, height: height)
    var times: [Double] = []
    times.reserveCapacity(frames)
    for _ in 0..<frames {
      times.append(Benchmark.time { explorer.render(snapshot, into: &buffer) })
    }
    return Benchmark.median(times)
  }
}
