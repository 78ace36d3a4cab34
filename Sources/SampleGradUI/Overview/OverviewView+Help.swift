import SampleGradCore
import SampleGradEngine

/// The overview's help pages and its export (`x`): the table as `samplegrad overview` prints
/// it, as text and as JSON.
extension OverviewView {
  func help(_ context: RenderContext) -> [HelpPage] {
    let keys = HelpPage.keys(
      "The overview",
      [
        KeyMap.Entry(
          "↑ ↓ k j", "Up Down k j",
          "the method whose evidence is spelled out (highlighted on a wide screen)"),
        KeyMap.Entry(
          context.tour == nil ? "← → h l" : "h l", context.tour == nil ? "Left Right h l" : "h l",
          "the parameter the numbers are for"),
        KeyMap.Entry(context.tour == nil ? "space" : "P", "pause or resume the refinement"),
        KeyMap.Entry("Esc  o", "back to the statistics"),
      ],
      export: "export the table as samplegrad overview prints it: a text and a JSON file",
      inTour: context.tour != nil)
    var entries = [
      KeyMap.Entry(
        "cells",
        "One row per method, the columns of the classic summary table; every cell is measured "
          + "and holds its evidence (a χ² p, a mean ± 2 SE, a bias in SE), n/a where the "
          + "scenario cannot measure it. The methods that run on the scenario on screen come "
          + "first; each other method is measured on a small built-in scenario of a kind it "
          + "works on, named on the line above its rows."),
      KeyMap.Entry(
        "exact distribution",
        "Each method's own forward samples, the points its forward pass evaluates f at, drawn "
          + "on their own stream and tested against the exact distribution: χ² p against p "
          + "(a gaussian: 40 bins of N(mean, std)). yes: p ≥ \(NumberFormat.short(OverviewFit.acceptance)) at a count where a shift "
          + "of \(NumberFormat.short(100 * OverviewFit.resolution))% of the probability would have shown; no: p < 1e-6, or points off the "
          + "outcomes (relaxed vectors: the share of outcomes is measured, 0% for "
          + "Gumbel-softmax); ?: neither yet. A row samples on until it is decided."),
      KeyMap.Entry(
        "narrow",
        "Below 120 columns each cell shows its answer and brief evidence, and the selected "
          + "method's full evidence is spelled out under the table."),
      KeyMap.Entry(
        "refining",
        "A first table at 4,096 samples per method, then rounds of twice as many up to about a "
          + "million; each round is what samplegrad overview --samples N prints."),
    ]
    let g = context.theme.glyphs
    if let overview = context.snapshot.overview?.overview(component: context.selectedParameter) {
      entries += OverviewReading(overview: overview).lines(theme: context.theme).map {
        KeyMap.Entry($0.label, $0.text)
      }
    }
    entries = entries.map { KeyMap.Entry(g.text($0.keys), g.text($0.text)) }
    return [keys, HelpPage.legend("what the overview shows", entries)]
  }

  /// The last finished round's table for the selected parameter, as `samplegrad overview
  /// --samples N --parameter K` prints it.
  func export(_ context: RenderContext, screen: String) -> ViewExport {
    guard let part = context.snapshot.overview, part.isOpen,
      let overview = part.overview(component: context.selectedParameter)
    else { return .nothing("nothing to export yet: the first table is still being measured") }
    return .files([
      ExportFile("txt", OverviewTable.render(overview) + "\n"),
      ExportFile("json", OverviewTable.json(overview).render() + "\n"),
    ])
  }
}
