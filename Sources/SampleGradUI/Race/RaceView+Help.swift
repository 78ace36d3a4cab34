import SampleGradCore
import SampleGradEngine

/// The race view's help pages and its export (`x`): the race so far as `samplegrad train`
/// prints it.
extension RaceView {
  func help(_ context: RenderContext) -> [HelpPage] {
    let keys = HelpPage.keys(
      "The race",
      [
        KeyMap.Entry(context.tour == nil ? "space" : "P", "pause or resume the race"),
        KeyMap.Entry("r", "race again from step 0 (the same seed: the same race)"),
        KeyMap.Entry(
          "+ -", "the next learning rate up or down (1, 2, 5 in each decade), and race again"),
        KeyMap.Entry(
          "Esc  T",
          "back to the statistics; T again returns to the same race unless the scenario "
            + "changed"),
      ],
      export: "export the race so far as samplegrad train prints it: a JSON file",
      inTour: context.tour != nil)
    let g = context.theme.glyphs
    let legend = HelpPage.legend(
      "what the race shows",
      [
        KeyMap.Entry(
          "race",
          "Every enabled estimator trains its own copy of the parameters (logits, log-odds, "
            + "or mean and log std) from the same start, with the scenario's [training] "
            + "settings, on its own random stream: the same race, number for number, as "
            + "samplegrad train with the same settings and seed."),
        KeyMap.Entry(
          "loss",
          "The chart draws each lane's exact loss against step, on a log scale of 1 + step "
            + "for races longer than 200 steps; the lane keeps its row's glyph and colour."),
        KeyMap.Entry(
          "\(g.dot)\(g.dot) optimum",
          "The lowest loss the distribution can reach, as a dotted line."),
        KeyMap.Entry(
          "closed",
          "The share of the gap between the start and the optimum a lane has closed; "
            + "reached: the step it first came within 1% of the optimum."),
        KeyMap.Entry(
          "parameters",
          "Each lane's parameters now; for a categorical, its probabilities as a bar row."),
      ])
    return [keys, legend]
  }

  /// The race so far in the JSON `samplegrad train` prints; finished, it is that command's
  /// output for the same settings and seed.
  func export(_ context: RenderContext, screen: String) -> ViewExport {
    guard context.snapshot.race?.isOpen == true, let result = context.snapshot.raceResult else {
      return .nothing("nothing to export yet: the race is starting")
    }
    return .files([ExportFile("json", TrainingReport.json(result).render() + "\n")])
  }
}
