import SampleGradCore
import SampleGradEngine

/// The gaussian's samples: the binned histogram as columns against the exact probability of
/// each bin (a marker per column), re-binned to fit the width, with the x axis below.
struct DensityPanel: Widget, Sendable {
  var frame: PanelFrame
  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let context = PanelContext(frame: frame, theme: theme)
    guard rect.height >= 4 else { return }
    let snapshot = context.snapshot
    let histogram = snapshot.histogram
    SectionTitle(
      title: "Samples", info: SamplesPanel.summary(snapshot, glyphs: context.glyphs),
      shortInfo: SamplesPanel.test(snapshot, glyphs: context.glyphs)
    ).draw(into: &buffer, in: rect, theme: context.theme)
    let body = rect.splitTop(1).rest.inset(dx: 1)
    let (chartAndAxis, legendRow) = body.splitBottom(1)
    let (chart, axisRow) = chartAndAxis.splitBottom(1)
    let bins = histogram.counts.count
    guard bins > 0, chart.width > 0, histogram.edges.count == bins + 1 else { return }
    let group = (bins + chart.width - 1) / chart.width
    let columns = (bins + group - 1) / group
    let columnWidth = max(chart.width / columns, 1)
    let total = Double(max(histogram.total, 1))
    var observed: [Double] = []
    var exact: [Double] = []
    for c in 0..<columns {
      let range = (c * group)..<min((c + 1) * group, bins)
      observed.append(range.reduce(0.0) { $0 + Double(histogram.counts[$1]) } / total)
      exact.append(range.reduce(0.0) { $0 + histogram.probabilities[$1] })
    }
    let scale = max(observed.max() ?? 0, exact.max() ?? 0, 1e-12)
    let plotWidth = columns * columnWidth
    let plot = Rect(
      x: chart.x + (chart.width - plotWidth) / 2, y: chart.y, width: plotWidth,
      height: chart.height)
    ColumnChart(
      bars: observed.map { $0 / scale }, markers: exact.map { $0 / scale },
      columnWidth: columnWidth
    ).draw(into: &buffer, in: plot, theme: context.theme)
    let axis = Rect(x: plot.x, y: axisRow.y, width: plot.width, height: axisRow.height)
    drawAxis(into: &buffer, row: axis, edges: histogram.edges, context: context)
    let marker = context.glyphs.densityMarker
    var legend = "bars: samples per bin   \(marker): exact probability"
    if legend.count > legendRow.width { legend = "bars: samples   \(marker): exact" }
    let outside = "   outside the range: \(ScreenFormat.count(histogram.outside))"
    if histogram.outside > 0, legend.count + outside.count <= legendRow.width { legend += outside }
    buffer.write(legend, in: legendRow, align: .center, style: context.style(.hint))
  }

  /// Labels for the left edge, the middle and the right edge of the x range.
  private func drawAxis(
    into buffer: inout Buffer, row: Rect, edges: [Double], context: PanelContext
  ) {
    guard let first = edges.first, let last = edges.last, row.width >= 12 else { return }
    let style = context.style(.label)
    buffer.write(ScreenFormat.short(first), in: row, align: .left, style: style)
    buffer.write(ScreenFormat.short((first + last) / 2), in: row, align: .center, style: style)
    buffer.write(ScreenFormat.short(last), in: row, align: .right, style: style)
  }
}
