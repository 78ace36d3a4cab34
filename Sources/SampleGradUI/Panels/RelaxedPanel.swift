import SampleGradCore
import SampleGradEngine

/// The latest Gumbel-softmax (or binary Concrete) samples, one per row with a shaded cell
/// per category, above their running mean E[y] and the exact probabilities. At a low
/// temperature the rows are one-hot and E[y] matches softmax(θ); at a high one they are flat.
struct RelaxedPanel: Widget, Sendable {
  var frame: PanelFrame
  static let labelWidth = 8

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let context = PanelContext(frame: frame, theme: theme)
    guard rect.height >= 4 else { return }
    let snapshot = context.snapshot
    let k = snapshot.probabilities.count
    let body = rect.splitTop(1).rest.inset(dx: 1)
    let stripRoom = body.width - Self.labelWidth
    let cellWidth = k > 0 ? min(max(stripRoom / k, 1), 8) : 1
    let shown = min(k, max(stripRoom / cellWidth, 0))
    let info = shown < k ? "first \(shown) of \(k)" : "newest last"
    let shortTitle = "Relaxed samples, \(context.glyphs.tau) = \(temperature(context))"
    SectionTitle(title: title(context), info: info, shortTitle: shortTitle).draw(
      into: &buffer, in: rect, theme: context.theme)
    guard shown > 0 else { return }

    let stripEnd = Self.labelWidth + shown * cellWidth + 3
    let sideWidth = body.width - stripEnd
    let hint = Self.hint(context.glyphs)
    let hintBelow = sideWidth < 24 ? WordWrap.lines(hint, width: body.width) : []
    let limit = EngineState.relaxedRowLimit
    let spare = body.height - 3 - limit
    let shownHint = hintBelow.count <= spare ? hintBelow : []
    let sampleCount = max(
      min(limit, body.height - 2 - (shownHint.isEmpty ? 0 : shownHint.count + 1)), 1)
    let (sampleRows, afterSamples) = body.splitTop(sampleCount)
    let summaryRows = afterSamples.splitTop(2).top
    let latest = snapshot.relaxedRows.suffix(sampleRows.height)
    let strip = { (row: Rect) in row.splitLeft(Self.labelWidth).rest }
    for (i, values) in latest.enumerated() {
      let line = sampleRows.row(i)
      buffer.write("y", in: line, style: context.style(.label))
      ShadeStrip(values: values, cellWidth: cellWidth, style: context.style(.bar))
        .draw(into: &buffer, in: strip(line), theme: context.theme)
    }
    if latest.isEmpty {
      buffer.write("no samples yet", in: strip(sampleRows.row(0)), style: context.style(.hint))
    }
    let exactLabel = snapshot.distribution.kind == .bernoulli ? "1-p, p" : "softmax"
    // Shaded, the two vectors share a scale relative to their largest value, so their
    // pattern shows even when every probability is small (K = 64).
    let largest = max(snapshot.relaxedMean.max() ?? 0, snapshot.probabilities.max() ?? 0)
    let scale = cellWidth >= 8 || largest <= 0 ? 1 : 1 / largest
    let rows = [("E[y]", snapshot.relaxedMean), (exactLabel, snapshot.probabilities)]
    for (i, (label, values)) in rows.enumerated() {
      let line = summaryRows.row(i)
      buffer.write(label, in: line, style: context.style(.label))
      drawVector(
        values, into: &buffer, in: strip(line), cellWidth: cellWidth, scale: scale,
        context: context)
    }
    let side = body.splitLeft(stripEnd).rest
    let gapRow = sideWidth >= 20 ? summaryRows.intersection(side).row(1) : afterSamples.row(2)
    drawGap(into: &buffer, in: gapRow, context: context)
    if sideWidth >= 24 {
      buffer.writeWrapped(
        hint, in: sampleRows.intersection(side), style: context.style(.hint),
        ellipsis: context.glyphs.ellipsis)
    } else {
      let area = afterSamples.splitTop(3).rest
      for (i, line) in shownHint.enumerated() {
        buffer.write(line, in: area.row(i), style: context.style(.hint))
      }
    }
  }

  /// Numbers when each category has 8 cells or more, else shades of `value * scale`.
  private func drawVector(
    _ values: [Double], into buffer: inout Buffer, in rect: Rect, cellWidth: Int,
    scale: Double, context: PanelContext
  ) {
    if values.isEmpty {
      buffer.write(ScreenFormat.missing, in: rect, style: context.style(.hint))
    } else if cellWidth >= 8 {
      for (i, value) in values.enumerated() {
        let cell = rect.splitLeft(i * cellWidth).rest.splitLeft(cellWidth).left
        buffer.write(ScreenFormat.probability(value), in: cell)
      }
    } else {
      ShadeStrip(
        values: values.map { $0 * scale }, cellWidth: cellWidth, style: context.style(.marker)
      ).draw(into: &buffer, in: rect, theme: context.theme)
    }
  }

  /// "max |E[y] - p| 0.0632": how far the relaxed mean is from the exact probabilities.
  private func drawGap(into buffer: inout Buffer, in rect: Rect, context: PanelContext) {
    let mean = context.snapshot.relaxedMean
    let exact = context.snapshot.probabilities
    guard !mean.isEmpty, mean.count == exact.count, rect.width >= 20 else { return }
    let gap = zip(mean, exact).map { abs($0 - $1) }.max() ?? 0
    let end = buffer.write("max |E[y] - p| ", in: rect, style: context.style(.label))
    buffer.write(ScreenFormat.probability(gap), in: rect.splitLeft(end - rect.x).rest)
  }

  private func title(_ context: PanelContext) -> String {
    let g = context.glyphs
    let t = temperature(context)
    switch context.snapshot.distribution.kind {
    case .bernoulli: return "Relaxed samples y = sigmoid((l + noise) / \(g.tau)), \(g.tau) = \(t)"
    default: return "Relaxed samples y = softmax((\(g.theta) + g) / \(g.tau)), \(g.tau) = \(t)"
    }
  }

  private func temperature(_ context: PanelContext) -> String {
    context.snapshot.distribution.temperature.map(ScreenFormat.short) ?? ScreenFormat.missing
  }

  static func hint(_ g: Glyphs) -> String {
    "Low \(g.tau): rows near one-hot, E[y] close to p. High \(g.tau): rows flat, E[y] "
      + "drifts toward uniform. [ and ] change \(g.tau)."
  }
}
