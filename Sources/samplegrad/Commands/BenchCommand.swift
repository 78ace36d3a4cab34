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
      medians and ratios from the same run. One thread and all threads take turns round by \
      round; 'vs 1 thread' is the median of each all-thread round's rate over the one-thread \
      round before it. Below --seconds 1 the sweep, the race and the \
      frames shrink in proportion (the output says how many samples, steps and frames).
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

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Only these sampling lines, comma-separated (e.g. relaxed-sample,rebar); no sweep, race or frames.",
      valueName: "names"))
  var only: String?

  @Option(
    name: .long, parsing: .unconditional,
    help: ArgumentHelp(
      "Draw exactly this many samples per sampling line on one thread from a fixed seed, timed by CPU clock (for callgrind and loaded machines), 1 to 1e12; no sweep, race or frames.",
      valueName: "samples"),
    transform: FlagValue.wholeNumber(NumericDomain.samples))
  var count: Int?

  func run() throws {
    let all = threads ?? Workers.cores
    if let preset, let path = try? PresetLibrary.standard().locate(preset),
      VAEPreset.isModel(path: path)
    {
      let model: VAEPreset
      do {
        model = try VAEPreset.load(path: path)
      } catch {
        throw Failure.scenario(error)
      }
      try ModelBench.run(model, seconds: seconds, threads: all, json: format == .json)
      return
    }
    // The named preset, loaded once for every figure.
    var named: Scenario?
    if let preset { named = try ScenarioOptions.loadPresetOrFail(preset) }
    let scenario = named ?? Benchmark.defaultScenario
    let lines = Benchmark.lines(scenario: scenario) + Benchmark.manyVariableLines()
    let chosen = try Self.lines(named: only, from: lines.map(\.name))
    if let count {
      try printCounted(
        lines.filter { chosen?.contains($0.name) ?? true }.map {
          Benchmark.counted($0, samples: count)
        }, scenario: scenario)
      return
    }
    let threadCounts = all > 1 ? [1, all] : [1]
    let results =
      Benchmark.sampling(
        scenario: scenario, threads: threadCounts, seconds: seconds, only: chosen)
      + Benchmark.manyVariables(threads: threadCounts, seconds: seconds, only: chosen)
    if chosen != nil {
      try printSampling(results, scenario: scenario)
      return
    }
    // The default preset's own sweep unless a preset is named.
    let swept = try named ?? ScenarioOptions.loadPresetOrFail(PresetLibrary.defaultPreset)
    let budget = BenchBudget(seconds: seconds)
    let sweeps: [Benchmark.SweepTiming]
    do throws(InvalidScenario) {
      sweeps = try Benchmark.sweep(
        scenario: swept, samples: budget.sweepSamples, threads: all > 1 ? [1, all] : [1],
        rounds: budget.sweepRounds)
    } catch {
      throw Failure.usage("--preset: cannot sweep it: \(error.description)")
    }
    let frame = FrameTiming.median(
      scenario: scenario, width: 160, height: 48, frames: budget.frames)
    let sweepFrame = FrameTiming.sweepMedian(
      scenario: swept, width: 160, height: 48, frames: budget.frames)
    let categories = scenario.problem.categories
    let race = TrainTiming.measure(named: named, threads: all, budget: budget)

    switch format {
    case .json:
      let document = JSONValue.object([
        ("categories", .integer(categories)),
        ("vectorMath", .string(Self.vectorMath.key)),
        (
          "results",
          .array(results.map(Self.json))
        ),
        (
          "sweep",
          .array(
            sweeps.map {
              .object([
                ("over", .string($0.plan.setting.name)), ("points", .integer($0.plan.grid.points)),
                ("samples", .integer($0.samples)),
                ("estimators", .array($0.plan.estimators.map { .string($0.rawValue) })),
                ("threads", .integer($0.threads)), ("medianSeconds", .number($0.medianSeconds)),
              ])
            })
        ),
        (
          "frame",
          .object([
            ("width", .integer(160)), ("height", .integer(48)),
            ("medianMilliseconds", .number(frame * 1000)),
            ("sweepViewMedianMilliseconds", .number(sweepFrame * 1000)),
            ("raceViewMedianMilliseconds", race.map { .number($0.frameSeconds * 1000) } ?? .null),
          ])
        ),
        ("train", race.map(\.json) ?? .null),
      ])
      try Output.line(document.render())
    case .table:
      try Output.line(
        "\(scenario.displayTitle): \(categories) categories, vector math \(Self.vectorMath.name)"
      )
      try printTable(results)
      for sweep in sweeps {
        let plan = sweep.plan
        try Output.line(
          "sweep \(plan.scenario.name) over \(plan.setting.name): \(plan.grid.points) points x "
            + "\(sweep.samples) samples x \(NumberFormat.count(plan.estimators.count, "estimator")), "
            + "\(sweep.threads) thread\(sweep.threads == 1 ? "" : "s"): "
            + String(format: "%.2f s (median)", sweep.medianSeconds))
      }
      try Output.line(String(format: "frame 160x48: %.3f ms (median)", frame * 1000))
      try Output.line(
        String(format: "frame 160x48, sweep view: %.3f ms (median)", sweepFrame * 1000))
      if let race {
        try Output.line(race.line)
        try Output.line(
          String(format: "frame 160x48, race view: %.3f ms (median)", race.frameSeconds * 1000))
      }
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
    return median(of: state.snapshot(), explorer: Explorer(presets: []), width, height, frames)
  }

  /// The same for the race view (`T`) of a finished race: every lane's whole curve.
  static func raceMedian(setup: RaceSetup, width: Int, height: Int, frames: Int = 300) -> Double {
    var host = JobHost(scenario: setup.scenario, seed: setup.seed)
    host.pacing = RacePacing(seconds: 0)
    host.apply(.job(.race(.open)))
    while host.hasWork { host.work() }
    let snapshot = host.snapshot()
    var explorer = Explorer(presets: [])
    _ = explorer.handle(.character("T"), snapshot: snapshot)
    return median(of: snapshot, explorer: explorer, width, height, frames)
  }

  /// The same for the sweep view (`w`) after its first round.
  static func sweepMedian(scenario: Scenario, width: Int, height: Int, frames: Int = 300) -> Double
  {
    var host = JobHost(scenario: scenario, seed: Scenario.defaultSeed)
    host.apply(.job(.sweep(.open(SweepPlan.defaultSetting(for: scenario)))))
    while host.snapshot().sweep?.result == nil, host.hasWork { host.work() }
    let snapshot = host.snapshot()
    var explorer = Explorer(presets: [])
    _ = explorer.handle(.character("w"), snapshot: snapshot)
    return median(of: snapshot, explorer: explorer, width, height, frames)
  }

  private static func median(
    of snapshot: Snapshot, explorer: Explorer, _ width: Int, _ height: Int, _ frames: Int
  ) -> Double {
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
/// else `relax-toy-race` (10,000 steps of the RELAX toy), on all threads; and the time to
/// draw its race view once it has finished.
enum TrainTiming {
  struct Figure {
    let name: String
    let steps: Int
    let estimators: Int
    let threads: Int
    let seconds: Double
    let frameSeconds: Double

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

  /// `named` is the preset `--preset` loaded, if any; `budget` shortens the race below a
  /// second of `--seconds`.
  static func measure(named: Scenario?, threads: Int, budget: BenchBudget) -> Figure? {
    let chosen = named.flatMap { $0.training == nil ? nil : $0 }
    guard let scenario = chosen ?? (try? PresetLibrary.standard().load("relax-toy-race")),
      var settings = scenario.training
    else { return nil }
    settings.steps = budget.raceSteps(settings.steps)
    guard
      let setup = try? RaceSetup(
        scenario: scenario, settings: settings, seed: scenario.resolvedSeed(nil))
    else { return nil }
    return Figure(
      name: scenario.name, steps: settings.steps, estimators: scenario.estimators.count,
      threads: threads,
      seconds: Benchmark.training(setup, threads: threads, rounds: budget.raceRounds),
      frameSeconds: FrameTiming.raceMedian(
        setup: setup, width: 160, height: 48, frames: budget.frames))
  }
}
