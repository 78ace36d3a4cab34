import ArgumentParser
import SampleGradCore
import SampleGradEngine

/// `samplegrad overview`: the classic summary table of gradient estimators, every cell measured
/// on one scenario.
struct OverviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "overview",
    abstract: "Print the summary table of every method, each cell measured on a scenario.",
    discussion: """
      One row per estimator, with the columns texts print as constants: which samples it works \
      on, whether it is differentiable with respect to the parameters, whether it follows the \
      exact distribution, whether it needs df/dx, and whether it is unbiased. Each cell holds \
      the measurement behind it (a chi-square p, a gradient of 0 ± 0, a bias in standard \
      errors). The exact distribution is tested on each method's own forward samples (the \
      points its forward pass evaluates f at). The df/dx column comes from a second run of the \
      same distribution with an objective that has no useful derivative: a reward table, or a \
      step for a gaussian. A method that does not run on the scenario is measured on a small \
      built-in scenario of a kind it works on, listed after the scenario's own rows.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case json, table }

  @OptionGroup var scenario: ScenarioOptions

  @Option(
    name: .long, parsing: .unconditional,
    help: ArgumentHelp(
      "Samples per estimator and run, exactly, 1 to 1e12 (default: 100000, and more for a row "
        + "whose 'unbiased' or 'exact distribution' answer is not yet decisive; with --samples "
        + "such a row reads '?')."),
    transform: FlagValue.wholeNumber(NumericDomain.samples))
  var samples: Int?

  @Option(
    name: .long, parsing: .unconditional,
    help: "The parameter the numbers are for, counting from 1 (default: 1).",
    transform: FlagValue.wholeNumber(1...64))
  var parameter: Int?

  @Option(name: .long, help: "Output format: table or json.")
  var format: Format = .table

  @OptionGroup var workers: WorkerOptions

  func run() throws {
    let loaded = try scenario.loadOrFail()
    let index = (parameter ?? 1) - 1
    guard index < loaded.distribution.parameterCount else {
      throw Failure.usage(
        "--parameter: this scenario has \(loaded.distribution.parameterCount) parameters, got \(index + 1)"
      )
    }
    let overview = OverviewRunner.measure(
      // Not resolvedSamples: the overview ignores the scenario's samples (it measures every
      // estimator family at one standard count unless --samples says otherwise).
      loaded, samples: samples ?? Scenario.defaultSamples, seed: loaded.resolvedSeed(scenario.seed),
      threads: workers.count, component: index,
      // A count given is the count used (the live view's rounds are exactly these runs);
      // without one, undecided rows sample on until their answer is decisive.
      settling: samples == nil)
    switch format {
    case .table: try Output.line(OverviewTable.render(overview))
    case .json: try Output.line(OverviewTable.json(overview).render())
    }
  }
}
