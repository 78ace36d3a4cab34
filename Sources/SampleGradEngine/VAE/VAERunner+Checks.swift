import SampleGradCore

extension VAERunner {
  /// What a model preset's checks read (its lesson's, or a tour step's on it): the race of
  /// its settings when a check reads one (the last trace point per lane), and a `run` of each
  /// estimator's encoder gradient on the first B training images at the start; the same
  /// numbers `samplegrad train` and `samplegrad run --preset NAME` print.
  package static func checkContext(
    _ preset: VAEPreset, checks: [CheckExpression], threads: Int = 1
  ) throws(InvalidScenario) -> VAECheckContext {
    let start = VAEParameters.initial(latents: preset.race.latents)
    let lanes =
      VAECheckContext.readsRace(checks) ? train(preset.race, start: start, threads: threads) : []
    let measured = try measure(
      preset, parameters: start, rows: Array(0..<preset.race.batch), samples: preset.samples,
      threads: threads)
    return VAECheckContext(
      lanes: lanes, run: measured.estimators, exact: measured.exact, parameters: start)
  }
}
