import SampleGradCore
import SampleGradEngine

/// One row per estimator for the selected parameter: mean ± 2 SE against the exact value,
/// the bias, the variance on a log bar and its history as a sparkline. Unbiased and biased
/// rows differ in tag and colour; switched-off rows are dim and say `off`.
struct EstimatorsPanel: Sendable {
  var lines: Int
  static let historyLabelWidth = 9

  func draw(into buffer: inout Buffer, in rect: Rect, context: PanelContext) {
    guard rect.height >= 2 else { return }
    let snapshot = context.snapshot
    let sel = context.selected
    let exact = snapshot.exact.gradient.indices.contains(sel) ? snapshot.exact.gradient[sel] : .nan
    let info =
      "exact \(ScreenFormat.short(exact)) \(context.glyphs.dot) loss L \(ScreenFormat.short(snapshot.exact.loss))"
    SectionTitle(title: "Estimators of dL/d \(context.selectedName)", info: info)
      .draw(into: &buffer, in: rect, theme: context.theme)
    let columns = EstimatorColumns(rect: rect, twoLines: lines > 1)
    drawHeader(into: &buffer, y: rect.y + 1, columns: columns, context: context)
    for (i, estimator) in snapshot.estimators.enumerated() {
      let y = rect.y + 2 + i * lines
      guard y < rect.maxY else { break }
      drawRow(estimator, index: i, y: y, columns: columns, context: context, into: &buffer)
    }
  }

  private func drawHeader(
    into buffer: inout Buffer, y: Int, columns c: EstimatorColumns, context: PanelContext
  ) {
    let style = context.style(.hint)
    let g = context.glyphs
    buffer.write("#", in: c.key.rect(row: y), style: style)
    buffer.write("estimator", in: c.name.rect(row: y), style: style)
    buffer.write("mean", in: c.mean.rect(row: y), align: .right, style: style)
    buffer.write(" \(g.plusMinus) 2 SE", in: c.spread.rect(row: y), style: style)
    if let exact = c.exact {
      buffer.write("exact", in: exact.rect(row: y), align: .right, style: style)
    }
    buffer.write("bias", in: c.bias.rect(row: y), align: .right, style: style)
    buffer.write("variance", in: c.variance.rect(row: y), align: .right, style: style)
    let ticks = LogScale.variance.tickLabels(width: c.bar.width)
    buffer.write(ticks, in: c.bar.rect(row: y), style: style)
    if lines == 1 { buffer.write("history", in: c.history.rect(row: y), style: style) }
  }

  private func drawRow(
    _ e: EstimatorSnapshot, index: Int, y: Int, columns c: EstimatorColumns,
    context: PanelContext, into buffer: inout Buffer
  ) {
    let sel = context.selected
    let on = e.isEnabled
    let dim = context.style(.off)
    func pick(_ role: Role) -> Style { on ? context.style(role) : dim }
    let value = { (v: [Double]) in v.indices.contains(sel) && e.samples > 0 ? v[sel] : .nan }
    if index < 9 { buffer.write(String(index + 1), in: c.key.rect(row: y), style: pick(.key)) }
    buffer.write(c.displayName(e.kind), in: c.name.rect(row: y), style: pick(.plain))
    if let reason = e.unavailable {
      // The objective cannot serve this estimator (a table has no df/dx): say so, no numbers.
      var rect = c.tag.rect(row: y)
      rect.width = c.bias.x - c.tag.x
      buffer.write(reason, in: rect, style: dim)
      return
    }
    let tag = on ? (e.isUnbiased ? "unbiased" : "biased") : "off"
    buffer.write(tag, in: c.tag.rect(row: y), style: pick(e.isUnbiased ? .unbiased : .biased))
    let mean = value(e.mean)
    let se = value(e.standardError)
    let fit = { (x: Double, column: EstimatorColumns.Column) in
      ScreenFormat.fit(x, width: column.width)
    }
    // ASCII's two-character "+-" fills the spread column: keep a space before it.
    var meanRect = c.mean.rect(row: y)
    if context.glyphs.isASCII { meanRect.width -= 1 }
    buffer.write(
      ScreenFormat.fit(mean, width: meanRect.width), in: meanRect, align: .right,
      style: pick(.value))
    if se.isFinite {
      let sign = context.glyphs.isASCII ? "+-" : " ±"
      let spread = sign + ScreenFormat.fit(2 * se, width: c.spread.width - sign.count)
      buffer.write(spread, in: c.spread.rect(row: y), style: pick(.hint))
    }
    let exact = e.exact.indices.contains(sel) ? e.exact[sel] : .nan
    if let column = c.exact {
      buffer.write(fit(exact, column), in: column.rect(row: y), align: .right, style: pick(.value))
    }
    let bias = mean - exact
    let significant = bias.isFinite && se.isFinite && abs(bias) > 3 * se && e.samples > 1
    buffer.write(
      ScreenFormat.fit(bias, width: c.bias.width, signed: true), in: c.bias.rect(row: y),
      align: .right,
      style: pick(significant ? .biased : .value))
    let variance = value(e.variance)
    buffer.write(
      fit(variance, c.variance), in: c.variance.rect(row: y), align: .right, style: pick(.value))
    LogBar(value: variance).draw(
      into: &buffer, in: c.bar.rect(row: y), theme: context.theme, style: pick(.bar))
    let history = e.varianceHistory.map { $0.indices.contains(sel) ? $0[sel] : .nan }
    var spark = c.history.rect(row: lines > 1 ? y + 1 : y)
    if lines > 1 {
      spark.height = lines - 1
      let area = spark.splitLeft(Self.historyLabelWidth)
      buffer.write("variance", in: area.left.row(spark.height - 1), style: dim)
      if Sparkline.usesLogScale(history.suffix(area.rest.width)) {
        buffer.write("(log)", in: area.left.row(0), style: dim)
      }
      spark = area.rest
    }
    if let eta = e.eta, on, spark.width > 12 {
      // The control-variate scale in use (rebar-auto's moves as it learns).
      let label = "\(context.glyphs.isASCII ? "eta" : "η") \(ScreenFormat.short(eta)) "
      let area = spark.splitLeft(label.count)
      buffer.write(label, in: area.left.row(0), style: pick(.hint))
      spark = area.rest
    }
    Sparkline(values: history).draw(
      into: &buffer, in: spark, theme: context.theme, style: pick(.bar))
  }
}
