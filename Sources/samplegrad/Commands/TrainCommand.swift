import ArgumentParser
import SampleGradCore
import SampleGradEngine

/// `samplegrad train`: gradient descent with each estimator, measured by the exact loss.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Race the estimators: train the distribution's parameters with each one.",
    discussion: """
      Every estimator trains its own copy of the parameters (logits, log-odds, or mean and \
      log std) from the same start, with the same optimiser, learning rate, batch and number \
      of steps, on its own random stream. The output traces the exact loss at each \
      estimator's parameters every --every steps. Defaults come from the scenario's \
      [training] table (else 1000 steps of adam at 0.01, batch 1); flags override them. \
      Deterministic for a seed, at any --threads.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, table }

  @OptionGroup var scenario: ScenarioOptions

  @Option(
    name: .long, parsing: .unconditional, help: "Updates per estimator, 1 to 1e7.",
    transform: FlagValue.wholeNumber(ScenarioRules.trainingStepsRange))
  var steps: Int?

  @Option(
    name: .long, parsing: .unconditional, help: "Step size, 1e-9 to 1e6.",
    transform: FlagValue.number)
  var learningRate: Double?

  @Option(name: .long, help: "The optimiser.")
  var optimizer: OptimizerKind?

  @Option(
    name: .long, parsing: .unconditional, help: "Estimates averaged per update, 1 to 65536.",
    transform: FlagValue.wholeNumber(ScenarioRules.batchRange))
  var batch: Int?

  @Option(
    name: .long, parsing: .unconditional,
    help: "A trace point every E steps, plus step 0 and the last (default: steps / 10).",
    transform: FlagValue.wholeNumber(ScenarioRules.trainingStepsRange))
  var every: Int?

  @Option(name: .long, help: "Comma-separated estimator names (default: the scenario's).")
  var estimators: String?

  @OptionGroup var workers: WorkerOptions

  @Option(name: .long, help: "Output format: json, csv or table.")
  var format: Format = .json

  @OptionGroup(title: "Model presets (digits-vae)") var model: ModelPresetOptions

  @Option(
    name: .long,
    help: "Model presets: write each lane's final parameters to DIR/<estimator>.json.",
    completion: .directory)
  var saveParameters: String?

  func run() throws {
    let modelOnly = [
      model.latents.map { _ in "--latents" }, saveParameters.map { _ in "--save-parameters" },
    ].compactMap { $0 }
    if let preset = try ModelPresetOptions.load(
      scenario, model: model, estimators: estimators, modelOnly: modelOnly)
    {
      guard format == .json else {
        throw Failure.usage("--format: a model preset's race prints json only")
      }
      guard optimizer == nil || optimizer == .adam else {
        throw Failure.usage("--optimizer: a model preset trains with adam (pinned)")
      }
      try ModelCommands.train(
        preset, steps: steps, batch: batch, every: every, learningRate: learningRate,
        saveTo: saveParameters, threads: workers.count)
      return
    }
    let setup: RaceSetup
    do {
      let loaded = try scenario.load(estimators: estimators)
      setup = try TrainingOverrides(
        steps: steps, learningRate: learningRate, optimizer: optimizer, batch: batch
      ).race(
        for: loaded, seed: loaded.resolvedSeed(scenario.seed), every: every)
    } catch {
      throw Failure.scenario(error)
    }
    // Written as the race runs: a trace of every step is never held (`TrainingStreamer`).
    let write: (String) throws -> Void = { try Output.text($0) }
    switch format {
    case .json: try TrainingStreamer.json(setup, threads: workers.count, write: write)
    case .csv: try TrainingStreamer.csv(setup, threads: workers.count, write: write)
    case .table: try TrainingStreamer.table(setup, threads: workers.count, write: write)
    }
  }
}

extension OptimizerKind: ExpressibleByArgument {}
