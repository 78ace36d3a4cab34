import SampleGradCore
import SampleGradEngine

/// The sweep view's help pages and its export (`x`): the curves as `samplegrad sweep` prints
/// them, in CSV and JSON.
extension SweepView {
  func help(_ context: RenderContext) -> [HelpPage] {
    let g = context.theme.glyphs
    let keys = HelpPage.keys(
      "The sweep",
      [
        KeyMap.Entry(
          context.tour == nil ? "← → h l" : "h l", context.tour == nil ? "Left Right h l" : "h l",
          "move the cursor; its numbers are listed"),
        KeyMap.Entry("Home End", "the first or the last point"),
        KeyMap.Entry("Enter", "move the live view to the cursor's value and go back to it"),
        KeyMap.Entry("Esc  w", "go back without changing anything"),
        KeyMap.Entry(
          "m",
          g.text(
            "draw the MSE (bias² + variance), the variance, or bias²; with many variables also "
              + "SD/|g| over all components (where such a sweep opens)")),
        KeyMap.Entry("↑ ↓ k j", "Up Down k j", "the gradient component (logit 1, mean, std...)"),
        KeyMap.Entry(
          "o",
          "sweep over the next setting: temperature, eta, each parameter, the objective's "
            + "target, frequency or threshold"),
        KeyMap.Entry("1 - 9", "hide or show a curve"),
        KeyMap.Entry(
          context.tour == nil ? "space" : "P", "pause or resume the refinement"),
      ],
      export: "export the curves as samplegrad sweep prints them: CSV and JSON files",
      inTour: context.tour != nil)
    let legend = HelpPage.legend(
      "what the sweep shows",
      [
        KeyMap.Entry(
          "curves",
          "Each estimator's error at every value of the setting, on one log scale, with its "
            + "row's mark and colour. Every point uses the same random numbers (those of "
            + "samplegrad run), so a bump in a curve is real, not luck."),
        KeyMap.Entry(
          "answer 0",
          "The dashed line of always answering 0 (the exact gradient squared): a biased "
            + "estimator whose bias reaches -100% ends on it."),
        KeyMap.Entry(
          g.text("SE²"),
          g.text(
            "In the bias² view an unbiased estimator sits on its own dashed noise floor, "
              + "SE² = variance / samples: a bias² on it is noise.")),
        KeyMap.Entry(
          "\(g.vertical)  now",
          "The solid line is the cursor, whose numbers are listed beside or below the chart; "
            + "the dotted line marks where the live view is."),
        KeyMap.Entry(
          g.isASCII ? "< lowest" : "◀ lowest",
          "The estimator with the lowest MSE at the cursor, by the rule of the live rows."),
        KeyMap.Entry(
          "refining",
          "A first curve at 4,096 samples per point, then rounds of twice as many up to about "
            + "a million; each finished round is what samplegrad sweep --samples N prints."),
      ])
    return [keys, legend]
  }

  /// The last finished round of the sweep on screen, in the formats `samplegrad sweep` prints
  /// for the same setting, seed and sample count.
  func export(_ context: RenderContext, screen: String) -> ViewExport {
    guard let part = context.snapshot.sweep, part.plan.setting == setting,
      let result = part.result
    else { return .nothing("nothing to export yet: the first curve is still being computed") }
    return .files([
      ExportFile("csv", SweepReport.csv(result) + "\n"),
      ExportFile("json", SweepReport.json(result).render() + "\n"),
    ])
  }
}
