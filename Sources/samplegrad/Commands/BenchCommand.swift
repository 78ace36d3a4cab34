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
      Without --preset, a categorical with K = 10 at temperature 0.5. Each figure is the
      median of five timed rounds; the machine's other load shows in the numbers, so compare
      medians and ratios from the same run.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case json, table }

  @Option(name: .long, help: "A preset name or path (default: a K = 10 categorical).")
  var preset: String?

  @Option(name: .long, parsing: .unconditional, help: "Seconds of timing per figure.")
  var seconds: Double = 1

  @Option(
    name: .long, parsing: .unconditional,
    help: "Threads for the all-core figures (default: all cores).")
  var threads: Int?

  @Option(name: .long, help: "Output format: json or table.")
  var format: Format = .table

  func run() throws {
    guard seconds > 0, seconds.isFinite else {
      throw Failure.report(["--seconds: must be a positive number, got \(seconds)"])
    }
    let all = threads ?? ProcessInfoCores.count
    guard all >= 1 else { throw Failure.report(["--threads: must be at least 1, got \(all)"]) }
    let scenario: Scenario
    if let preset {
      do { scenario = try PresetLibrary.standard().load(preset) } catch {
        throw Failure.report(error)
      }
    } else {
      scenario = Benchmark.defaultScenario
    }

    let results = Benchmark.sampling(
      scenario: scenario, threads: all > 1 ? [1, all] : [1], seconds: seconds)
    let frame = FrameTiming.median(scenario: scenario, width: 160, height: 48)
    let categories = scenario.problem.categories
    let race = TrainTiming.measure(preset: preset, threads: all)

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
        ("train", race.map(\.json) ?? .null),
      ])
      print(document.render())
    case .table:
      print(
        "\(scenario.displayTitle): \(categories) categories, vector math \(VectorMath.usesAVX2 ? "AVX2" : "SSE2")"
      )
      print("name                      threads   samples/s")
      for r in results {
        let name = r.name.padding(toLength: 24, withPad: " ", startingAt: 0)
        print(
          "\(name)  \(String(format: "%7d", r.threads))   \(String(format: "%9.3g", r.perSecond))")
      }
      print(String(format: "frame 160x48: %.3f ms (median)", frame * 1000))
      if let race { print(race.line) }
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

/// The time to run a training race headless: the preset's if it has a `[training]` table,
/// else `relax-toy-race` (10,000 steps of the RELAX toy), on all threads.
enum TrainTiming {
  struct Figure {
    let name: String
    let steps: Int
    let estimators: Int
    let threads: Int
    let seconds: Double

    var laneStepsPerSecond: Double { Double(steps * estimators) / seconds }

    var line: String {
      String(
        format: "train %@: %d steps x %d estimators, %d threads: %.3f s (median), %.3g steps/s",
        name, steps, estimators, threads, seconds, laneStepsPerSecond)
    }

    var json: JSONValue {
      .object([
        ("preset", .string(name)), ("steps", .integer(steps)), ("estimators", .integer(estimators)),
        ("threads", .integer(threads)), ("medianSeconds", .number(seconds)),
        ("stepsPerSecond", .number(laneStepsPerSecond.rounded())),
      ])
    }
  }

  static func measure(preset: String?, threads: Int) -> Figure? {
    let library = PresetLibrary.standard()
    let chosen = preset.flatMap { try? library.load($0) }.flatMap { $0.training == nil ? nil : $0 }
    guard let scenario = chosen ?? (try? library.load("relax-toy-race")),
      let settings = scenario.training,
      let setup = try? RaceSetup(
        scenario: scenario, settings: settings, seed: scenario.seed ?? Scenario.defaultSeed)
    else { return nil }
    return Figure(
      name: scenario.name, steps: settings.steps, estimators: scenario.estimators.count,
      threads: threads, seconds: Benchmark.training(setup, threads: threads))
  }
}
