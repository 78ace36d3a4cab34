import SampleGradCore
import SampleGradEngine

/// The estimator rows on D variables, ranked by total MSE (lowest first, starred and bold):
/// per row the error over every component at once, the total noise against |g| and the mean
/// cosine between one estimate and the exact gradient, drawn as a bar, so a class sees which
/// estimates point the right way (IndeCateR's full bar, the score function's empty one)
/// without reading numbers. With `d` the selected component's verdict, bias, variance and
/// SD/|g| follow after a rule. Pinned totals (`m`) sit in parentheses beside the live ones.
struct RankedEstimatorsPanel: Widget, Sendable {
  var frame: PanelFrame
  var collapsesOffRows: Bool
  /// Whether the selected component's own columns are shown (`d`).
  var showsComponent: Bool

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let context = PanelContext(frame: frame, theme: theme)
    guard rect.height >= 2 else { return }
    let snapshot = context.snapshot
    let ranked = RankedRows(snapshot)
    let isWide = rect.width >= ScreenLayout.wideWidth
    let count = snapshot.exact.gradient.count
    let title =
      isWide
      ? "Estimators of g = dL/d\(context.glyphs.theta) (all \(count) components), ranked by total MSE"
      : "Estimators, ranked by total MSE"
    SectionTitle(
      title: title, info: info(context, ranked, width: rect.width - title.count - 8)
    ).draw(into: &buffer, in: rect, theme: theme)
    let columns = RankedColumns(
      rect: rect, pinned: context.pin != nil, component: showsComponent)
    drawHeader(into: &buffer, y: rect.y + 1, columns: columns, context: context)
    var y = rect.y + 2
    var folded: [(row: Int, name: String, reason: String?)] = []
    for i in ranked.order {
      let estimator = snapshot.estimators[i]
      if collapsesOffRows, !estimator.isEnabled {
        folded.append((i, EstimatorLabel.name(estimator.kind, wide: false), estimator.unavailable))
        continue
      }
      guard y < rect.maxY else { break }
      let row = RankedRow(
        estimator: estimator, index: i, total: ranked.totals[i], isLowest: ranked.lowest == i)
      row.draw(into: &buffer, y: y, columns: columns, context: context)
      y += 1
    }
    if !folded.isEmpty, y < rect.maxY {
      let line = Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1)
      buffer.write(
        EstimatorsPanel.foldedLine(folded.sorted { $0.row < $1.row }), in: line,
        style: context.style(.off), ellipsis: context.glyphs.ellipsis)
    }
  }

  /// `|g| 2.2e-03 · right of │: log-odds 3 · lowest MSE: IndeCateR · L 0.25`: what fits.
  private func info(_ context: PanelContext, _ ranked: RankedRows, width: Int) -> String {
    let g = context.glyphs
    let snapshot = context.snapshot
    let norm = snapshot.exact.gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
    var parts = ["|g| \(ScreenFormat.short(norm))"]
    if showsComponent { parts.append("right of \(g.vertical): \(context.selectedName)") }
    if let lowest = ranked.lowest {
      parts.append(
        "lowest MSE: " + EstimatorLabel.name(snapshot.estimators[lowest].kind, wide: false))
    }
    if let pin = context.pin {
      parts.append("( ) at " + pin.describe(against: snapshot.distribution, glyphs: g))
    }
    parts.append("L \(ScreenFormat.short(snapshot.exact.loss))")
    let separator = " \(g.dot) "
    var kept: [String] = []
    for part in parts {
      let next = (kept + [part]).joined(separator: separator)
      guard next.count <= width else { break }
      kept.append(part)
    }
    return kept.joined(separator: separator)
  }

  private func drawHeader(
    into buffer: inout Buffer, y: Int, columns: RankedColumns, context: PanelContext
  ) {
    for column in columns.columns {
      var align = Alignment.right
      var role = Role.hint
      let text: String
      switch column.field {
      case .key:
        text = "#"
        align = .left
      case .glyph: text = ""
      case .name:
        text = "estimator"
        align = .left
      case .meanSquaredError: text = "MSE"
      case .relative, .componentRelative: text = "SD/|g|"
      case .cosine:
        text = "cos"
        align = .left
      case .totalVariance, .variance: text = "variance"
      case .squaredBias: text = context.glyphs.text("bias²")
      case .evaluations: text = "f/est"
      case .rule: text = String(context.glyphs.vertical)
      case .verdict:
        text = "verdict"
        align = .left
      case .bias: text = "bias"
      case .relativePin, .cosinePin:
        text = "(pin)"
        role = .pinned
      }
      buffer.write(text, in: column.rect(row: y), align: align, style: context.style(role))
    }
  }
}

/// One ranked row as drawn: its totals, and with `d` the selected component's numbers.
private struct RankedRow {
  let estimator: EstimatorSnapshot
  let index: Int
  let total: TotalSummary?
  let isLowest: Bool

  func draw(into buffer: inout Buffer, y: Int, columns: RankedColumns, context: PanelContext) {
    let on = estimator.isEnabled
    let dim = context.style(.off)
    func pick(_ role: Role) -> Style { on ? context.style(role) : dim }
    if !on,
      let first = columns.columns.first(where: {
        $0.field != .key && $0.field != .glyph && $0.field != .name
      })
    {
      let text =
        estimator.unavailable
        ?? (index < 9 ? "off (press \(index + 1), or e)" : "off (e turns it on)")
      buffer.write(
        text, in: Rect(x: first.x, y: y, width: columns.end - first.x, height: 1), style: dim)
    }
    let summary = on ? estimator.summary(context.selected) : nil
    let pinned = context.pin?.total(estimator.kind, in: context.snapshot)
    for column in columns.columns {
      let cell = column.rect(row: y)
      func number(_ x: Double?, signed: Bool = false, role: Role = .value) {
        guard let x else { return }
        let text = ScreenFormat.number(x, width: cell.width, signed: signed)
        buffer.write(text, in: cell, align: .right, style: pick(role))
      }
      switch column.field {
      case .key:
        if index < 9 { buffer.write(String(index + 1), in: cell, style: pick(.key)) }
      case .glyph:
        if on {
          buffer.write(
            String(context.theme.seriesGlyph(index)), in: cell,
            style: context.theme.seriesStyle(index))
        }
      case .name:
        buffer.write(
          EstimatorLabel.name(estimator.kind, wide: columns.isWide), in: cell,
          style: pick(isLowest ? .lowest : .plain))
      case .meanSquaredError:
        guard let total else { continue }
        let text =
          ScreenFormat.number(total.meanSquaredError, width: cell.width - 2)
          + (isLowest ? " *" : "  ")
        buffer.write(text, in: cell, align: .right, style: pick(isLowest ? .lowest : .value))
      case .relative: number(total?.relativeNoise)
      case .relativePin:
        guard on, let noise = pinned?.relativeNoise else { continue }
        let text = ScreenFormat.number(noise, width: cell.width - 2)
        buffer.write("(\(text))", in: cell, align: .right, style: context.style(.pinned))
      case .cosine:
        guard let total else { continue }
        drawCosine(total.meanCosine, in: cell, context: context, into: &buffer)
      case .cosinePin:
        guard on, let cosine = pinned?.meanCosine else { continue }
        buffer.write(
          "(\(RankedColumns.cosine(cosine)))", in: cell, align: .right,
          style: context.style(.pinned))
      case .totalVariance: number(total?.variance)
      case .squaredBias: number(total?.squaredBias)
      case .evaluations:
        guard on else { continue }
        let evaluations = estimator.kind.descriptor.evaluations(context.snapshot.problem)
        buffer.write(
          ScreenFormat.compactCount(Double(evaluations)), in: cell, align: .right,
          style: pick(.hint))
      case .rule:
        buffer.write(String(context.glyphs.vertical), in: cell, style: context.style(.hint))
      case .verdict:
        guard let verdict = summary?.verdict else { continue }
        let role: Role =
          verdict.isBiased ? .biased : verdict == .tooFewSamples ? .hint : .noBiasSeen
        buffer.write(
          columns.isWide ? verdict.text : verdict.compactText, in: cell, style: context.style(role))
      case .bias:
        number(
          summary?.bias, signed: true, role: summary?.verdict.isBiased == true ? .biased : .value)
      case .variance: number(summary?.variance)
      case .componentRelative: number(summary?.relativeNoise)
      }
    }
  }

  /// `0.98 █████▉`: the mean cosine and, when positive, a bar of it (a full bar is 1: every
  /// estimate points along the exact gradient).
  private func drawCosine(
    _ cosine: Double?, in cell: Rect, context: PanelContext, into buffer: inout Buffer
  ) {
    let (number, rest) = cell.splitLeft(RankedColumns.cosineNumberWidth, gap: 1)
    buffer.write(
      RankedColumns.cosine(cosine), in: number, align: .right, style: context.style(.value))
    guard let cosine, cosine.isFinite else { return }
    HorizontalBar(fraction: max(cosine, 0), style: context.style(.bar)).draw(
      into: &buffer, in: rest, theme: context.theme)
  }
}
