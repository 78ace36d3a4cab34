import SampleGradCore
import SampleGradEngine

/// Every variable's marginal in one strip, so D variables read at a glance: a bar per bit
/// rising to the frequency of b_d = 1 sampled so far with a dot at its exact P(b_d = 1) (as
/// the histogram's bars and the gaussian's columns: the exact values form a steady line of
/// dots, and the bars' tops show the sampling noise around it), or a heat cell per (variable,
/// category) shaded by p_d(k). Past the width the strip pages (`vars 1-78 of
/// 128`), the page holding the selected variable, which is marked under its column.
struct MarginalsPanel: Widget, Sendable {
  var frame: PanelFrame

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let context = PanelContext(frame: frame, theme: theme)
    guard !rect.isEmpty else { return }
    let snapshot = context.snapshot
    let selection = VariableSelection(snapshot.distribution)
    let geometry = MarginalsGeometry(rect: rect, selection: selection, selected: frame.selected)
    var pages: [String] = []
    if !geometry.showsAll(selection) {
      pages.append(
        "vars \(geometry.shown.lowerBound + 1)-\(geometry.shown.upperBound) of \(selection.variables)"
      )
    }
    let categories = geometry.categories
    if !selection.isBits, categories.count < selection.logitsPerVariable {
      pages.append(
        "k \(categories.lowerBound + 1)-\(categories.upperBound) of \(selection.logitsPerVariable)")
    }
    let page = pages.isEmpty ? nil : pages.joined(separator: ", ")
    let test = SamplesPanel.test(snapshot, glyphs: theme.glyphs)
    SectionTitle(
      title: title(selection, theme.glyphs),
      info: [page, test].compactMap { $0 }.joined(
        separator: " \(theme.glyphs.dot) "),
      shortTitle: selection.isBits ? "Marginals P(b_d = 1)" : "Marginals p_d(k)",
      shortInfo: page ?? test
    ).draw(into: &buffer, in: rect, theme: theme)
    guard !geometry.cells.isEmpty, !geometry.shown.isEmpty else { return }
    if selection.isBits {
      drawBars(into: &buffer, geometry, context)
    } else {
      drawHeat(into: &buffer, geometry, selection, context)
    }
    drawAxis(into: &buffer, geometry, selection, context)
  }

  private func title(_ selection: VariableSelection, _ g: Glyphs) -> String {
    selection.isBits
      ? "Marginals: b_d = 1 sampled (bar) and P(b_d = 1) (\(g.densityMarker))"
      : "Marginals: p_d(k), a column per variable, a row per category"
  }

  /// The frequency of outcome `k` of variable `d` sampled since the last reset, or nil
  /// before any sample.
  private func sampled(_ d: Int, _ k: Int, outcomes: Int) -> Double? {
    let histogram = frame.snapshot.histogram
    let i = d * outcomes + k
    guard histogram.total > 0, histogram.counts.indices.contains(i) else { return nil }
    return Double(histogram.counts[i]) / Double(histogram.total)
  }

  private func drawBars(
    into buffer: inout Buffer, _ geometry: MarginalsGeometry, _ context: PanelContext
  ) {
    let p = frame.snapshot.probabilities
    let shown = geometry.shown
    let bars = shown.map { sampled($0, 1, outcomes: 2) ?? 0 }
    let markers = shown.map { p.indices.contains(2 * $0 + 1) ? p[2 * $0 + 1] : .nan }
    let selected = VariableSelection(frame.snapshot.distribution).variable(of: frame.selected)
    ColumnChart(
      bars: bars, markers: markers, columnWidth: geometry.width,
      gap: geometry.stride - geometry.width, highlighted: selected - shown.lowerBound,
      markerOnBar: true
    ).draw(into: &buffer, in: geometry.cells, theme: context.theme)
  }

  /// A shade per (variable, category), the selected logit's cell in reverse video.
  private func drawHeat(
    into buffer: inout Buffer, _ geometry: MarginalsGeometry, _ selection: VariableSelection,
    _ context: PanelContext
  ) {
    let p = frame.snapshot.probabilities
    let k = selection.logitsPerVariable
    let selectedVariable = selection.variable(of: frame.selected)
    let selectedLogit = selection.logit(of: frame.selected)
    let labels = Rect(
      x: geometry.cells.x - MarginalsGeometry.labelWidth(selection), y: geometry.cells.y,
      width: MarginalsGeometry.labelWidth(selection), height: geometry.cells.height)
    for (row, category) in geometry.categories.enumerated() {
      let y = geometry.cells.y + row
      buffer.write(
        "k\(category + 1)", in: labels.row(row),
        style: context.style(category == selectedLogit ? .selected : .label))
      for d in geometry.shown {
        let i = d * k + category
        let value = p.indices.contains(i) ? p[i] : 0
        let isSelected = d == selectedVariable && category == selectedLogit
        let style = context.style(isSelected ? .selected : .bar)
        let cell = Cell(context.glyphs.shades[ShadeStrip.level(value)], style: style)
        let x = geometry.x(ofVariable: d)
        // Wide enough, the cell also says its p: `▓▓ 0.4551`.
        let shaded = geometry.width >= 9 ? 2 : geometry.width
        for j in 0..<shaded { buffer[x + j, y] = cell }
        if shaded < geometry.width {
          buffer.write(
            " " + ScreenFormat.probability(value), x: x + shaded, y: y,
            style: isSelected ? style : context.style(.plain), maxWidth: geometry.width - shaded)
        }
      }
    }
  }

  /// Variable numbers every few columns, and `▲37` under the selected variable.
  private func drawAxis(
    into buffer: inout Buffer, _ geometry: MarginalsGeometry, _ selection: VariableSelection,
    _ context: PanelContext
  ) {
    let axis = geometry.axis
    guard !axis.isEmpty else { return }
    let selected = selection.variable(of: frame.selected)
    let mark = "\(context.glyphs.moreAbove)\(selected + 1)"
    let markX =
      geometry.shown.contains(selected)
      ? min(geometry.x(ofVariable: selected), axis.maxX - mark.count) : axis.maxX
    let every = max(1, Int((6 / Double(geometry.stride)).rounded(.up)))
    let step = every <= 1 ? 1 : every <= 5 ? 5 : every <= 10 ? 10 : 20
    var free = axis.x
    for d in geometry.shown where d == geometry.shown.lowerBound || (d + 1) % step == 0 {
      let label = String(d + 1)
      let x = geometry.x(ofVariable: d)
      guard x >= free, x + label.count < markX || x > markX + mark.count,
        x + label.count <= axis.maxX
      else { continue }
      buffer.write(label, x: x, y: axis.y, style: context.style(.hint), maxWidth: axis.maxX - x)
      free = x + label.count + 1
    }
    if markX < axis.maxX, markX >= axis.x {
      buffer.write(
        mark, x: markX, y: axis.y, style: context.style(.marker), maxWidth: axis.maxX - markX)
    }
  }
}
