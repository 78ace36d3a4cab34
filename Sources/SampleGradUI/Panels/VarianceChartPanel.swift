import SampleGradCore
import SampleGradEngine

/// The running variance of the selected component for every enabled estimator, on one log
/// scale, over the samples drawn: a settled variance draws flat, a change of the parameters
/// is a vertical mark after which every line starts again, and a legend pairs each row's
/// glyph and colour with its name (the same glyph as in the estimator rows).
///
/// On D variables (`total`) it draws the total variance, the sum over every component, which
/// is what the rows rank.
struct VarianceChartPanel: Widget, Sendable {
  var frame: PanelFrame
  /// Whether to draw the sum of every component's variance rather than the selected one's.
  var total = false
  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let context = PanelContext(frame: frame, theme: theme)
    guard rect.height >= 4 else { return }
    let snapshot = context.snapshot
    let g = context.glyphs
    let count = snapshot.exact.gradient.count
    SectionTitle(
      title: total
        ? "Running total variance of g (sum over \(count) components), log scale"
        : "Running variance of g = dL/d \(context.selectedName), log scale",
      info: "same scale for all rows",
      shortTitle: total
        ? "Total variance of g, log scale" : "Variance of dL/d \(context.selectedName), log scale"
    ).draw(into: &buffer, in: rect, theme: context.theme)
    let body = rect.splitTop(1).rest.inset(dx: 1)
    var series: [LogChart.Series] = []
    var legend: [(glyph: Character, style: Style, name: String)] = []
    var flat: [String] = []
    for (i, row) in snapshot.estimators.enumerated() where row.isEnabled {
      let values = row.varianceHistory.map { point -> Double? in
        if total { return point.isEmpty ? nil : point.reduce(0, +) }
        return point.indices.contains(context.selected) ? point[context.selected] : nil
      }
      let name = EstimatorLabel.name(row.kind, wide: false)
      let hasPoints = values.contains { $0 != nil }
      if hasPoints, !values.contains(where: { ($0 ?? 0) > 0 }) {
        flat.append(name)
        continue
      }
      let glyph = context.theme.seriesGlyph(i)
      let style = context.theme.seriesStyle(i)
      series.append(LogChart.Series(values: values, glyph: glyph, style: style))
      legend.append((glyph, style, name))
    }
    let legendLines = legendRows(legend, flat: flat, width: body.width, context: context)
    // The plot keeps at least four rows (with its axis and a row of change labels).
    let legendHeight = min(legendLines.count, max(body.height - 6, 1))
    let (chartRect, legendRect) = body.splitBottom(legendHeight)
    let chart = LogChart(
      series: series, pointCount: snapshot.historySamples.count,
      marks: snapshot.historyMarks.map { LogChart.Mark(point: $0.point, label: label($0, g)) },
      firstLabel: snapshot.historySamples.first.map { ScreenFormat.compactCount(Double($0)) } ?? "",
      lastLabel: snapshot.historySamples.last.map {
        ScreenFormat.compactCount(Double($0)) + " samples"
      } ?? "")
    if !chart.draw(into: &buffer, in: chartRect, theme: context.theme) {
      let text =
        "no variance yet: each row joins the chart after \(ScreenFormat.count(VarianceHistory.minimumSamples)) estimates"
      buffer.write(
        text, in: chartRect.row(chartRect.height / 2), align: .center, style: context.style(.hint),
        ellipsis: g.ellipsis)
    }
    for (i, line) in legendLines.prefix(legendHeight).enumerated() {
      var x = legendRect.x
      let y = legendRect.y + i
      for item in line {
        x = buffer.write(item.text, x: x, y: y, style: item.style, maxWidth: legendRect.maxX - x)
      }
    }
  }

  /// The legend as rows of styled pieces: `● score function  ■ REBAR  ┊ change`.
  private func legendRows(
    _ items: [(glyph: Character, style: Style, name: String)], flat: [String], width: Int,
    context: PanelContext
  ) -> [[(text: String, style: Style)]] {
    let plain = context.style(.plain)
    let hint = context.style(.hint)
    var pieces: [[(text: String, style: Style)]] = items.map {
      [(String($0.glyph), $0.style), (" " + $0.name, plain)]
    }
    pieces.append([
      (String(context.glyphs.changeMark), context.style(.change)), (" parameter change", hint),
    ])
    if !flat.isEmpty {
      pieces.append([(flat.joined(separator: ", ") + ": 0, not drawn", hint)])
    }
    var rows: [[(text: String, style: Style)]] = [[]]
    var used = 0
    for piece in pieces {
      let length = piece.reduce(0) { $0 + $1.text.count } + 2
      if used > 0, used + length > width {
        rows.append([])
        used = 0
      }
      rows[rows.count - 1] += piece + [("  ", plain)]
      used += length
    }
    return rows
  }

  /// What changed at a mark, in a few characters: `τ 0.4`, `logit 4 -7.50`.
  private func label(_ mark: VarianceHistory.Mark, _ g: Glyphs) -> String {
    SettingChange.parts(from: mark.before, to: mark.after, glyphs: g).first ?? ""
  }
}
