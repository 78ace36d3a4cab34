import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

/// Every widget keeps to its area: drawn at many sizes (0x0 up to a large screen) into a
/// buffer filled with a marker, none writes a cell outside its area, and none traps. A new
/// widget is caught by `everyWidgetHasASample`, which reads the sources for `: Widget`.
@Suite("Widget bounds")
struct WidgetBoundsTests {
  /// A widget as the test draws it, named by its type.
  struct Sample {
    let widget: any Widget
    var name: String { String(describing: type(of: widget)) }
  }

  /// Areas from empty to larger than a real screen, odd sizes included.
  static let sizes = [
    (0, 0), (1, 1), (0, 5), (5, 0), (2, 1), (3, 2), (7, 3), (12, 4), (20, 2), (20, 6), (33, 9),
    (50, 12), (79, 23), (80, 24), (101, 31), (160, 48),
  ]

  static let categorical = HandBuilt.categorical(after: true)
  static let gaussian = HandBuilt.gaussian()
  static let many = HandBuiltMany.bits()
  static let manyCategoricals = HandBuiltMany.categoricals()
  /// A sweep refined through its first round by the engine.
  static let sweep = SweepViewTests.snapshot()

  /// One or more samples of every widget, each as full as the fixtures allow.
  static func samples(_ theme: Theme) -> [Sample] {
    let frame = PanelFrame(
      snapshot: categorical, selected: 1, pin: Pin(HandBuilt.categorical(after: false)))
    let gaussianFrame = PanelFrame(snapshot: gaussian, selected: 1)
    let lesson = LessonContent.lesson(of: categorical.scenario, glyphs: theme.glyphs)!
    let chrome = TourChrome(
      number: 3, count: 14, title: "A baseline",
      caption: String(repeating: "A caption. ", count: 30))
    let race = RaceFixtures.relaxToy
    let lanes = LaneStyle.all(for: race, rows: categorical.estimators.map(\.kind), theme: theme)
    let overview = HandBuiltOverview.categorical
    let columns = OverviewColumns.compact(overview, width: 100, glyphs: theme.glyphs)
    let sweepView = SweepView(setting: .temperature, component: 0, cursor: 10)
    let result = sweep.sweep!.result!
    let curves = SweepCurves(result: result, view: sweepView, theme: theme)
    let keys = [
      ViewKey("←→", ascii: "h/l", "point", priority: 0), ViewKey("q", "quit", priority: 1),
    ]
    let picker = PresetPicker(selected: 1)
    var explorer = Explorer(
      presets: Fixtures.presets, options: DisplayOptions(ascii: theme.glyphs.isASCII))
    let livePages = explorer.helpPages(categorical)
    explorer.view = sweepView
    let sweepPages = explorer.helpPages(sweep)
    var raceSnapshot = RaceFixtures.live(race)
    raceSnapshot.race = race
    raceSnapshot.race?.isOpen = true
    let overviewSnapshot = HandBuiltOverview.snapshot(categorical, overview)
    let modelPart = ModelRaceFixtures.part()
    let modelQuality = ModelRaceFixtures.part(quality: true)
    let modelStyles = modelPart.lanes.indices.map {
      LaneStyle(glyph: theme.seriesGlyph($0), style: theme.seriesStyle($0))
    }
    var samples: [any Widget] = [
      Box(title: "A title"),
      ColumnChart(bars: [0.2, 1, 0.5], markers: [0.3, 0.9, 0.6], columnWidth: 3),
      CurveChart(
        xs: result.plan.grid.values, scale: result.plan.grid.scale, curves: curves.chart,
        cursor: 10, now: 0.5),
      HorizontalBar(fraction: 0.7),
      HistogramBar(observed: 0.4, exact: 0.99),
      KeyHints(keys, theme: theme, tour: chrome),
      LogChart(
        series: [LogChart.Series(values: [1, 10, nil, 100], glyph: "■", style: .plain)],
        pointCount: 4, marks: [LogChart.Mark(point: 2, label: "τ 0.4")], firstLabel: "1k",
        lastLabel: "4k"),
      SectionTitle(title: "Samples", info: "2,000,000 drawn"),
      ShadeStrip(values: [0, 0.3, 1, 0.6], cellWidth: 3),
      DensityPanel(frame: gaussianFrame),
      EstimatorsPanel(frame: frame, collapsesOffRows: false),
      EstimatorsPanel(frame: frame, collapsesOffRows: true),
      FooterPanel(tour: chrome),
      HeaderPanel(frame: frame, tourLabel: chrome.label(theme.glyphs)),
      LessonPanel(content: lesson),
      MeanSquaredErrorTablePanel(frame: frame),
      ObjectivePanel(frame: frame),
      ObjectivePanel(frame: gaussianFrame),
      ParametersPanel(frame: frame),
      ParametersPanel(frame: gaussianFrame),
      RelaxedPanel(frame: frame),
      SamplesPanel(frame: frame),
      StatusLine(frame: frame, message: nil, lessonHint: lesson),
      SweepReadout(view: sweepView, result: result, curves: curves),
      SweepReadout(view: sweepView, result: result, curves: curves, compact: true),
      TooSmallNotice(),
      VarianceChartPanel(frame: frame),
      VarianceChartPanel(frame: gaussianFrame),
      EstimatorChooserOverlay(frame: frame, selected: 2),
      HelpOverlay(pages: livePages, page: 0, scroll: 3),
      HelpOverlay(pages: livePages, page: 1, scroll: 0),
      HelpOverlay(pages: sweepPages, page: 0, scroll: 0),
      HelpOverlay(pages: sweepPages, page: 1, scroll: 2),
      SweepScreen(view: sweepView, snapshot: sweep, message: "a refused key", tour: chrome),
      SweepScreen(view: sweepView, snapshot: categorical),
      RaceScreen(snapshot: raceSnapshot, message: nil, tour: nil),
      RaceScreen(snapshot: categorical, message: nil, tour: chrome),
      OverviewScreen(
        view: OverviewView(), snapshot: overviewSnapshot, component: 1, message: nil,
        tour: chrome),
      OverviewScreen(view: OverviewView(), snapshot: categorical, component: 0, message: "m"),
      PresetPickerOverlay(
        presets: Fixtures.presets, picker: picker, shown: Array(Fixtures.presets.indices)),
      PromptOverlay(frame: frame, prompt: ValuePrompt(target: .temperature)),
      OverviewDetail(overview: overview, row: overview.rows[2]),
      OverviewReading(overview: overview),
      OverviewRows(overview: overview, columns: columns, selected: 2),
      LossChart(snapshot: race, lanes: lanes),
      ModelRaceScreen(
        snapshot: ModelRaceFixtures.snapshot(modelPart), view: ModelRaceView(), message: "m"),
      ModelRaceScreen(
        snapshot: ModelRaceFixtures.snapshot(modelQuality),
        view: ModelRaceView(selected: 2, showsTest: true), message: nil),
      ModelRaceScreen(snapshot: categorical, view: ModelRaceView(), message: nil),
      ModelLaneTable(part: modelPart, styles: modelStyles, selected: 1),
      QualityTable(quality: modelQuality.quality, styles: modelStyles, step: 10),
      QualityTable(quality: nil, styles: modelStyles, step: 10),
      DigitRow(images: modelPart.originals),
      ElboChart(
        series: modelPart.lanes.map {
          ElboChart.Series(
            steps: $0.trace.map(\.step), values: $0.trace.map(\.trainElbo), glyph: "o",
            style: .plain)
        }, lastStep: 20),
      RaceTable(snapshot: race, lanes: lanes),
      LessonHint(content: lesson),
      CaptionBox(chrome: chrome, area: Rect(x: 0, y: 2, width: 80, height: 12)),
      CaptionBox(chrome: chrome, area: Rect(x: 0, y: 0, width: 500, height: 500), page: 3),
    ]
    let bits = PanelFrame(
      snapshot: many, selected: 36, pin: Pin(HandBuiltMany.bits()))
    let categoricals = PanelFrame(snapshot: manyCategoricals, selected: 4)
    samples += [
      MarginalsPanel(frame: bits),
      MarginalsPanel(frame: categoricals),
      VariablePanel(frame: bits),
      VariablePanel(frame: categoricals),
      RankedEstimatorsPanel(frame: bits, collapsesOffRows: false, showsComponent: true),
      RankedEstimatorsPanel(frame: categoricals, collapsesOffRows: true, showsComponent: false),
      OptionPromptOverlay(
        scenario: many.scenario, prompt: OptionPrompt(text: "draws=1", error: "a refusal")),
      OptionPromptOverlay(scenario: gaussian.scenario, prompt: OptionPrompt(selected: 1)),
      SurrogatePanel(curve: SurrogatePanelTests.relax),
      SurrogatePanel(curve: SurrogatePanelTests.lax),
    ]
    if let full = OverviewColumns.full(overview, width: 160, glyphs: theme.glyphs) {
      samples.append(OverviewRows(overview: overview, columns: full, selected: 1))
    }
    return samples.map(Sample.init)
  }

  /// The cells outside `area` that no longer hold the marker.
  static func writtenOutside(_ buffer: Buffer, _ area: Rect) -> [String] {
    var outside: [String] = []
    for y in 0..<buffer.height {
      for x in 0..<buffer.width {
        let inside = x >= area.x && x < area.maxX && y >= area.y && y < area.maxY
        if !inside, buffer[x, y].character != Canvas.marker { outside.append("(\(x),\(y))") }
      }
    }
    return outside
  }

  @Test(
    "every widget, at every size, writes only inside its area (braille, glyph and ASCII charts)",
    arguments: [Canvas.unicode, Canvas.glyphCharts, Canvas.ascii])
  func staysInside(theme: Theme) {
    for sample in Self.samples(theme) {
      for (width, height) in Self.sizes {
        // A margin of marker cells on every side, uneven so an off-by-one shows.
        var buffer = Canvas.make(width: width + 5, height: height + 4)
        let area = Rect(x: 2, y: 1, width: width, height: height)
        _ = sample.widget.draw(into: &buffer, in: area, theme: theme)
        let outside = Self.writtenOutside(buffer, area)
        #expect(
          outside.isEmpty,
          "\(sample.name) at \(width)x\(height) wrote outside its area at \(outside.prefix(5))")
      }
    }
  }

  /// The names of every type in `Sources/SampleGradUI` declared as a `Widget`.
  static func declaredWidgets() throws -> Set<String> {
    let sources = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/SampleGradUI")
    let files = try #require(FileManager.default.enumerator(atPath: sources.path))
    let declaration = /struct (\w+): Widget\b/
    var names: Set<String> = []
    for case let path as String in files where path.hasSuffix(".swift") {
      let text = try String(
        contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
      for match in text.matches(of: declaration) { names.insert(String(match.1)) }
    }
    return names
  }

  @Test("every widget in the sources has a sample here, so none escapes the bounds test")
  func everyWidgetHasASample() throws {
    let declared = try Self.declaredWidgets()
    let sampled = Set(Self.samples(Canvas.unicode).map(\.name))
    #expect(declared.count > 30)
    #expect(declared.subtracting(sampled).isEmpty, "no sample of \(declared.subtracting(sampled))")
    #expect(sampled.subtracting(declared).isEmpty, "not widgets: \(sampled.subtracting(declared))")
  }
}
