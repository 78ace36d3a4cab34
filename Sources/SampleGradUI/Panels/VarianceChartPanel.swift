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
    var legend: [LegendItem] = []
    var flat: [String] = []
    var waiting = false
    for row in snapshot.estimators where row.isEnabled {
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
      if !hasPoints, row.kind != .exact { waiting = true }
      let glyph = context.theme.seriesGlyph(row.kind)
      let style = context.theme.seriesStyle(row.kind)
      series.append(LogChart.Series(values: values, glyph: glyph, style: style))
      legend.append(LegendItem(glyph: glyph, style: style, name: name))
    }
    let chart = LogChart(
      series: series, pointCount: snapshot.historySamples.count,
      marks: snapshot.historyMarks.map { LogChart.Mark(point: $0.point, label: label($0, g)) },
      firstLabel: snapshot.historySamples.first.map { ScreenFormat.compactCount(Double($0)) } ?? "",
      lastLabel: snapshot.historySamples.last.map {
        ScreenFormat.compactCount(Double($0)) + " samples"
      } ?? "")
    // Lines that the chart draws on the same rows throughout hide one another: the legend
    // names them together ("■ score function = ▼ REBAR-auto, one line").
    let merged = Self.merge(
      legend,
      groups: chart.coincident(
        rows: max(body.height - 2, 1), subrows: context.theme.braille ? 4 : 1))
    // The plot keeps at least four rows (with its axis and a row of change labels).
    let legendRoom = max(body.height - 6, 1)
    let legendLines = legendRows(
      merged, flat: flat, width: body.width, rows: legendRoom, context: context)
    let legendHeight = min(legendLines.count, legendRoom)
    let (chartRect, legendRect) = body.splitBottom(legendHeight)
    if !chart.draw(into: &buffer, in: chartRect, theme: context.theme) {
      let text = Self.emptyText(
        flat: flat, waiting: waiting, anyEnabled: !snapshot.estimators.filter(\.isEnabled).isEmpty)
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

  /// One row's entry in the legend: its glyph and colour, its name, and the rows drawn on the
  /// same line (`others`).
  struct LegendItem {
    var glyph: Character
    var style: Style
    var name: String
    var others: [LegendItem] = []
  }

  /// `items` with each group of coinciding lines (indices into `items`) as one entry, at the
  /// place of its first.
  static func merge(_ items: [LegendItem], groups: [[Int]]) -> [LegendItem] {
    var result: [LegendItem] = []
    let later = Set(groups.flatMap { $0.dropFirst() })
    for (i, item) in items.enumerated() where !later.contains(i) {
      var entry = item
      if let group = groups.first(where: { $0.first == i }) {
        entry.others = group.dropFirst().map { items[$0] }
      }
      result.append(entry)
    }
    return result
  }

  /// What the chart says when it has no line to draw: why not, and what to do.
  static func emptyText(flat: [String], waiting: Bool, anyEnabled: Bool) -> String {
    if !anyEnabled { return "every estimator is off: 1-9 or e turns one on" }
    if !waiting, !flat.isEmpty {
      // Only exact rows (or constants such as argmax's 0): however long it samples, there
      // is no variance to draw.
      let names = flat.joined(separator: ", ")
      return "\(names) \(flat.count == 1 ? "has" : "have") no variance to chart: "
        + "turn an estimator on (2-9, e) to see its own"
    }
    return "no variance yet: each row joins the chart after "
      + "\(ScreenFormat.count(VarianceHistory.minimumSamples)) estimates"
  }

  /// The legend as rows of styled pieces: `● score function  ■ REBAR  ┊ change`, lines that
  /// coincide as one piece (`■ score function = ▼ REBAR-auto, one line`). Where it needs more
  /// than `rows` rows, the lines that do not fit keep their glyphs, without names (the
  /// estimator rows below name them), so none is left out.
  private func legendRows(
    _ items: [LegendItem], flat: [String], width: Int, rows maxRows: Int, context: PanelContext
  ) -> [[(text: String, style: Style)]] {
    let full = legendRows(items, flat: flat, width: width, context: context)
    guard full.count > maxRows, maxRows >= 1 else { return full }
    // The glyphs alone, `$ s`, after as many named entries as leave room for them.
    let glyphs = items.flatMap { [$0] + $0.others }
    for named in stride(from: items.count, through: 0, by: -1) {
      let rest = glyphs.dropFirst(items.prefix(named).reduce(0) { $0 + 1 + $1.others.count })
      var rows = legendRows(Array(items.prefix(named)), flat: [], width: width, context: context)
      if named == 0 { rows = [[]] }
      var tail: [(text: String, style: Style)] = []
      for item in rest { tail += [(String(item.glyph), item.style), (" ", context.style(.plain))] }
      // The change mark's piece is the last of a row: drop it where room is short.
      var last = rows[rows.count - 1]
      let used = last.reduce(0) { $0 + $1.text.count }
      let need = tail.reduce(0) { $0 + $1.text.count }
      if rows.count <= maxRows, used + need <= width {
        last += tail
        rows[rows.count - 1] = last
        return rows
      }
      if rows.count <= maxRows,
        let change = last.lastIndex(where: { $0.text == " parameter change" }),
        change >= 1
      {
        last.removeSubrange((change - 1)...)
        if last.reduce(0, { $0 + $1.text.count }) + need <= width {
          rows[rows.count - 1] = last + tail
          return rows
        }
      }
    }
    return full
  }

  private func legendRows(
    _ items: [LegendItem], flat: [String], width: Int, context: PanelContext
  ) -> [[(text: String, style: Style)]] {
    let plain = context.style(.plain)
    let hint = context.style(.hint)
    var pieces: [[(text: String, style: Style)]] = items.map { item in
      var piece = [(String(item.glyph), item.style), (" " + item.name, plain)]
      for other in item.others {
        piece += [(" = ", hint), (String(other.glyph), other.style), (" " + other.name, plain)]
      }
      if !item.others.isEmpty { piece.append((", one line", hint)) }
      return piece
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
