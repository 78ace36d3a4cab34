import ArgumentParser
import SampleGradCore
import SampleGradEngine

/// `samplegrad sweep`: bias, variance and MSE of each estimator at every point of a range of
/// one setting, as JSON, CSV or a table.
struct SweepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Run the estimators at every value of a setting and print bias, variance and MSE.",
    discussion: """
      Each point is the scenario with the swept setting at that value, run exactly as \
      'samplegrad run' runs it (same seed, same numbers), so every point sees the same random \
      numbers and the curves are smooth. Without --over, the preset's own sweep, else the \
      temperature (25 points, log-spaced 0.01 to 100), else the first parameter. A parameter, \
      eta, target, frequency or threshold is swept around its value. Deterministic for a seed \
      whatever the thread count.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, table }

  @OptionGroup var scenario: ScenarioOptions

  @Option(
    name: .long,
    help: "What to sweep: temperature, eta, parameter:N (1-based), target, frequency, threshold.")
  var over: String?

  @Option(
    name: .long, parsing: .unconditional, help: "First value (default: the sweep's own).",
    transform: FlagValue.number)
  var from: Double?

  @Option(
    name: .long, parsing: .unconditional, help: "Last value (default: the sweep's own).",
    transform: FlagValue.number)
  var to: Double?

  @Option(
    name: .long, parsing: .unconditional, help: "Number of points, 2 to 200 (default 25).",
    transform: FlagValue.wholeNumber(SweepGrid.pointRange))
  var points: Int?

  @Option(name: .long, help: "Spacing of the points: log or linear (default: the sweep's own).")
  var scale: SweepScale?

  @Option(
    name: .long, parsing: .unconditional,
    help: "Samples per point and estimator, 1 to 1e12 (default: the scenario's, else 100000).",
    transform: FlagValue.wholeNumber(NumericDomain.samples))
  var samples: Int?

  @Option(
    name: .long,
    help: "Comma-separated estimator names (default: the scenario's, without exact).")
  var estimators: String?

  @OptionGroup var workers: WorkerOptions

  @Option(name: .long, help: "Output format: json, csv or table.")
  var format: Format = .json

  func run() throws {
    let loaded = try scenario.loadOrFail(estimators: estimators)
    var setting = SweepPlan.defaultSetting(for: loaded)
    if let over {
      guard let parsed = ScenarioSetting.parse(over) else {
        throw Failure.usage(
          "--over: expected one of \(ScenarioSetting.validNames), got '\(over)'")
      }
      setting = parsed
    }
    let plan: SweepPlan
    do throws(InvalidScenario) {
      plan = try SweepPlan.standard(
        for: loaded,
        spec: SweepSpec(setting: setting, from: from, to: to, points: points, scale: scale),
        estimators: estimators == nil ? nil : loaded.estimators)
    } catch {
      // The runner reports the first problem, naming the flag or the file's key behind it.
      let source = SweepProblemSource(
        flags: givenFlags, file: (try? scenario.presetPath()) ?? scenario.preset,
        fileSweep: loaded.sweep.flatMap { $0.setting == setting ? $0 : nil })
      throw Failure.scenario(source.error(for: error.problems[0]))
    }
    let result = SweepRunner.run(
      plan, samples: loaded.resolvedSamples(samples), seed: loaded.resolvedSeed(scenario.seed),
      threads: workers.count)
    switch format {
    case .json: try Output.line(SweepReport.json(result).render())
    case .csv: try Output.line(SweepReport.csv(result))
    case .table: try Output.line(SweepTable.render(result))
    }
  }
}

extension SweepCommand {
  /// The sweep's flags that were given, as `SweepPlan` keys its problems.
  fileprivate var givenFlags: Set<String> {
    var flags: Set<String> = []
    if over != nil { flags.insert("over") }
    if from != nil { flags.insert("from") }
    if to != nil { flags.insert("to") }
    if points != nil { flags.insert("points") }
    if scale != nil { flags.insert("scale") }
    if estimators != nil { flags.insert("estimators") }
    return flags
  }
}

extension SweepScale: ExpressibleByArgument {}
