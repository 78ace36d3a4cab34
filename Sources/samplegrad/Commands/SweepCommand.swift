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

  enum Format: String, CaseIterable { case json, csv, table }

  @OptionGroup var scenario: ScenarioOptions

  // Values are read as text and checked here, so a bad one is one line and exit 2.
  @Option(
    name: .long,
    help: "What to sweep: temperature, eta, parameter:N (1-based), target, frequency, threshold.")
  var over: String?

  @Option(name: .long, parsing: .unconditional, help: "First value (default: the sweep's own).")
  var from: String?

  @Option(name: .long, parsing: .unconditional, help: "Last value (default: the sweep's own).")
  var to: String?

  @Option(name: .long, parsing: .unconditional, help: "Number of points, 2 to 200 (default 25).")
  var points: String?

  @Option(name: .long, help: "Spacing of the points: log or linear (default: the sweep's own).")
  var scale: String?

  @Option(
    name: .long, parsing: .unconditional,
    help: "Samples per point and estimator (default: the scenario's, else 100000).")
  var samples: String?

  @Option(
    name: .long,
    help: "Comma-separated estimator names (default: the scenario's, without exact).")
  var estimators: String?

  @Option(
    name: .long, parsing: .unconditional,
    help: "Worker threads (default: all cores). Results do not depend on it.")
  var threads: String?

  @Option(name: .long, help: "Output format: json, csv or table.")
  var format: String = Format.json.rawValue

  func run() throws {
    let loaded: Scenario
    do {
      loaded = try scenario.load()
    } catch {
      throw Failure.report(error)
    }
    var flags = FlagReader()
    let setting =
      flags.read("--over", over, ScenarioSetting.validNames, what: "setting") {
        ScenarioSetting.parse($0)
      } ?? SweepPlan.defaultSetting(for: loaded)
    let first = flags.number("--from", from)
    let last = flags.number("--to", to)
    let pointCount = flags.count("--points", points)
    let spacing = flags.read("--scale", scale, "log, linear") { SweepScale(rawValue: $0) }
    let output = flags.read("--format", format, "json, csv, table") { Format(rawValue: $0) }
    let count = flags.count("--samples", samples, minimum: 1)
    let workers = flags.count("--threads", threads, minimum: 1)
    var kinds: [EstimatorKind]?
    if let estimators {
      kinds = estimators.split(separator: ",", omittingEmptySubsequences: false).compactMap {
        flags.read("--estimators", String($0), EstimatorKind.validNames, what: "estimator") {
          EstimatorKind.parse($0)
        }
      }
    }
    guard flags.problems.isEmpty, let output else { throw Failure.report(flags.problems) }

    let plan: SweepPlan
    do throws(InvalidScenario) {
      plan = try SweepPlan.standard(
        for: loaded,
        spec: SweepSpec(
          setting: setting, from: first, to: last, points: pointCount, scale: spacing),
        estimators: kinds)
    } catch {
      throw Failure.report(
        error.problems.map { $0.key.isEmpty ? $0.message : "--\($0.key): \($0.message)" })
    }
    let seed = scenario.seed ?? loaded.seed ?? Scenario.defaultSeed
    let result = SweepRunner.run(
      plan, samples: count ?? loaded.samples ?? Scenario.defaultSamples, seed: seed,
      threads: workers ?? ProcessInfoCores.count)
    switch output {
    case .json: print(SweepReport.json(result).render())
    case .csv: print(SweepReport.csv(result))
    case .table: print(SweepTable.render(result))
    }
  }
}
