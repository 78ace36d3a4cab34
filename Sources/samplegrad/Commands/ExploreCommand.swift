import ArgumentParser
import SampleGradCore

/// `samplegrad explore` (the default): the live screen. The engine samples on its own queue;
/// this command's main loop reads keys, performs the explorer's effects and draws the
/// latest snapshot when something changed.
struct ExploreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explore",
    abstract: "Open the live explorer (the default).",
    discussion: """
      Watch the estimators sample live; change the parameters and the temperature with the \
      keys shown at the bottom (? lists them all, Tab in the help explains every symbol). \
      Needs an interactive terminal; for text output use 'samplegrad run'.

      Exit status: 0 on q, 130 on Ctrl-C, 131 on Ctrl-\\ (SIGQUIT), 143 on SIGTERM, 2 on \
      bad input or no terminal. Any other signal restores the terminal before it ends \
      the program.
      """
  )

  @OptionGroup var scenario: ScenarioOptions

  @OptionGroup var display: DisplayFlags

  @OptionGroup(title: "Model presets (digits-vae)") var model: ModelPresetOptions

  func run() throws {
    let modelOnly = model.latents.map { _ in ["--latents"] } ?? []
    if let preset = try ModelPresetOptions.load(
      scenario, model: model, estimators: nil, modelOnly: modelOnly)
    {
      try runModel(preset)
      return
    }
    let loaded = try scenario.loadOrFail()
    try ExplorerSession.run(
      scenario: loaded, seed: loaded.resolvedSeed(scenario.seed),
      display: display, suggestion: TerminalRequirements.runSuggestion(preset: scenario.preset),
      title: "samplegrad: \(loaded.displayTitle)")
  }

  /// A model preset: its race on screen, over the default scenario's statistics (to which
  /// Escape returns).
  private func runModel(_ preset: VAEPreset) throws {
    let base = try ScenarioOptions.loadPresetOrFail(PresetLibrary.defaultPreset)
    try ExplorerSession.run(
      scenario: base, seed: base.resolvedSeed(nil), display: display,
      suggestion:
        "samplegrad train --preset \(TerminalRequirements.safe(scenario.preset) ?? "digits-vae")",
      title: "samplegrad: \(preset.title)"
    ) { explorer, _ in explorer.openModel(preset) }
  }
}
