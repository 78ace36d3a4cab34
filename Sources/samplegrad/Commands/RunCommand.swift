import ArgumentParser
import SampleGradCore
import SampleGradEngine

/// `samplegrad run`: every estimator N times on a scenario, printed as JSON or a table.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run the estimators headless and print their statistics.",
    discussion: """
      Each estimator draws --samples single-sample gradient estimates. For each parameter the \
      output gives their mean, per-sample variance, standard error and bias against the exact \
      gradient, the bias verdict (a bias more than 5 standard errors from zero is shown), the \
      standard deviation, the noise relative to the gradient (SD/|exact|), the samples a 10% \
      error needs and the MSE (bias^2 + variance); then the histogram of samples with a \
      chi-square test and the mean relaxed vector. Deterministic for a given seed, whatever \
      the number of threads.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case json, table }

  @OptionGroup var scenario: ScenarioOptions

  @Option(
    name: .long, parsing: .unconditional,
    help: "Samples per estimator, 1 to 1e12 (default: the scenario's, else 100000).",
    transform: FlagValue.wholeNumber(NumericDomain.samples))
  var samples: Int?

  @Option(name: .long, help: "Comma-separated estimator names (default: the scenario's).")
  var estimators: String?

  @Option(name: .long, help: "Output format: json or table.")
  var format: Format = .json

  @OptionGroup var workers: WorkerOptions

  @OptionGroup(title: "Model presets (digits-vae)") var model: ModelPresetOptions

  @Option(
    name: .long, parsing: .unconditional,
    help: "Model presets: the first B training images, 1 to 1500 (default: the preset's).",
    transform: FlagValue.wholeNumber(1...DigitsData.trainingCount))
  var batch: Int?

  @Option(
    name: .long, help: "Model presets: a parameters JSON file (default: the pinned start).",
    completion: .file(extensions: ["json"]))
  var parameters: String?

  func run() throws {
    let modelOnly = [
      model.latents.map { _ in "--latents" }, batch.map { _ in "--batch" },
      parameters.map { _ in "--parameters" },
    ].compactMap { $0 }
    if let preset = try ModelPresetOptions.load(
      scenario, model: model, estimators: estimators, modelOnly: modelOnly)
    {
      guard format == .json else {
        throw Failure.usage("--format: a model preset's run prints json only")
      }
      try ModelCommands.run(
        preset, latents: model.latents, batch: batch, parametersPath: parameters,
        samples: samples, threads: workers.count)
      return
    }
    let loaded = try scenario.loadOrFail(estimators: estimators)
    let count = loaded.resolvedSamples(samples)
    let seed = loaded.resolvedSeed(scenario.seed)
    let result: RunResult
    do {
      result = try HeadlessRunner.run(
        loaded, samples: count, seed: seed, threads: workers.count)
    } catch {
      throw Failure.usage(error.description)
    }
    switch format {
    case .json: try Output.line(RunReport.json(result).render())
    case .table: try Output.line(RunTable.render(result))
    }
  }
}
