import Foundation
import SampleGradCore
import SampleGradEngine

/// `run` and `train` on a model preset (the digits VAE).
enum ModelCommands {
  /// `samplegrad run --preset digits-vae`: each estimator's encoder gradient on the first B
  /// training images, at the start or at `--parameters FILE`, against the exact gradient.
  static func run(
    _ preset: VAEPreset, latents: Int?, batch: Int?, parametersPath: String?, samples: Int?,
    threads: Int
  ) throws {
    var preset = preset
    guard preset.race.isExact || parametersPath != nil else {
      throw Failure.usage(
        "run measures estimators against the exact gradient, which needs --latents <= \(VAEParameters.exactLatents) (got \(preset.race.latents))"
      )
    }
    if let batch { preset.race.batch = batch }
    guard (1...DigitsData.trainingCount).contains(preset.race.batch) else {
      throw Failure.usage("--batch: must be between 1 and 1500 images, got \(preset.race.batch)")
    }
    let (parameters, source) = try loadParameters(parametersPath, latents: preset.race.latents)
    if let parametersPath {
      if let latents, latents != parameters.latents {
        throw Failure.usage(
          "--latents \(latents) does not fit \(parametersPath): its prior.logits hold D = \(parameters.latents) numbers"
        )
      }
      preset.race.latents = parameters.latents
    }
    let rows = Array(0..<preset.race.batch)
    let count = samples ?? preset.samples
    guard count >= 2 else { throw Failure.usage("--samples: a model run needs at least 2") }
    let measured: (exact: ExactSolution, estimators: [VAEEstimatorRun])
    do {
      measured = try VAERunner.measure(
        preset, parameters: parameters, rows: rows, samples: count, threads: threads)
    } catch {
      throw Failure.usage(error.description)
    }
    try Output.line(
      VAERunReport.json(
        name: preset.name, preset: preset, parameters: parameters, source: source, rows: rows,
        samples: count, exact: measured.exact, estimators: measured.estimators
      ).render())
  }

  /// `samplegrad train --preset digits-vae`: the race's trace, and each lane's final
  /// parameters in `--save-parameters DIR` (`DIR/<estimator>.json`).
  static func train(
    _ preset: VAEPreset, steps: Int?, batch: Int?, every: Int?, learningRate: Double?,
    saveTo folder: String?, threads: Int
  ) throws {
    var race = preset.race
    if let steps {
      race.steps = steps
      if every == nil { race.every = max(steps / 10, 1) }
    }
    if let batch { race.batch = batch }
    if let every { race.every = max(every, 1) }
    if let learningRate { race.learningRate = learningRate }
    var problems = race.problems
    if !ScenarioRules.learningRateRange.contains(race.learningRate) {
      problems.append(
        ScenarioProblem(key: "--learning-rate", message: "must be between 1e-9 and 1e6"))
    }
    guard problems.isEmpty else {
      throw Failure.scenario(ScenarioError(source: "command line", problems: problems))
    }
    if let folder {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true)
    }
    let start = VAEParameters.initial(latents: race.latents)
    let lanes = VAERunner.train(race, start: start, threads: threads)
    if let folder {
      for lane in lanes {
        let path = folder + "/" + lane.kind.rawValue + ".json"
        let text = VAEParametersFile.json(lane.parameters).render() + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
          throw Failure.usage("--save-parameters: cannot write \(path)")
        }
      }
    }
    try Output.line(VAETrainingReport.json(race, name: preset.name, lanes: lanes).render())
  }

  /// The start (no file) or the parameters in `path`. A broken file is one line: its first
  /// problem (the key, the position and the value) and how many more there are.
  static func loadParameters(_ path: String?, latents: Int) throws(Failure) -> (
    VAEParameters, String
  ) {
    guard let path else { return (VAEParameters.initial(latents: latents), "initial") }
    do throws(ScenarioError) {
      let parameters = try VAEParametersFile.load(path: path)
      guard parameters.latents <= VAEParameters.exactLatents else {
        throw ScenarioError(
          source: path, key: "prior.logits",
          "run measures against the exact gradient, which needs D <= \(VAEParameters.exactLatents), got D = \(parameters.latents)"
        )
      }
      return (parameters, path)
    } catch {
      let more = error.problems.count - 1
      let first = error.problems.first.map(\.description) ?? "cannot be read"
      throw Failure.lines(["\(error.source): \(first)" + (more > 0 ? " (and \(more) more)" : "")])
    }
  }
}
