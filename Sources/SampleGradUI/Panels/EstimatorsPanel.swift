import SampleGradCore
import SampleGradEngine

/// One row per estimator for the selected parameter: the measured bias verdict, the bias, the
/// variance, the noise of one estimate (SD) and that noise against the gradient (SD/|g|), the
/// samples a 10% error needs, and the mean ± 2 SE where they fit. Pinned numbers (`m`) sit in
/// parentheses beside the live ones. Switched-off rows take one line each, or share one.
struct EstimatorsPanel: Widget, Sendable {
  var frame: PanelFrame
  var collapsesOffRows: Bool

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let context = PanelContext(frame: frame, theme: theme)
    guard rect.height >= 2 else { return }
    let snapshot = context.snapshot
    let sel = context.selected
    let exact = snapshot.exact.gradient.indices.contains(sel) ? snapshot.exact.gradient[sel] : .nan
    let title = "Estimators of g = dL/d \(context.selectedName)"
    SectionTitle(
      title: title, info: info(context, exact: exact, width: rect.width - title.count - 8)
    ).draw(into: &buffer, in: rect, theme: context.theme)
    let columns = EstimatorColumns(
      rect: rect, pinned: context.pin != nil,
      showsEta: snapshot.estimators.contains { $0.isEnabled && !$0.diagnostics.isEmpty })
    drawHeader(into: &buffer, y: rect.y + 1, columns: columns, context: context)
    var y = rect.y + 2
    var folded: [(row: Int, name: String, reason: String?)] = []
    for (i, estimator) in snapshot.estimators.enumerated() {
      if collapsesOffRows, !estimator.isEnabled {
        folded.append((i, EstimatorLabel.name(estimator.kind, wide: false), estimator.unavailable))
        continue
      }
      guard y < rect.maxY else { break }
      drawRow(estimator, index: i, y: y, columns: columns, context: context, into: &buffer)
      y += 1
    }
    if !folded.isEmpty, y < rect.maxY {
      let line = Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1)
      buffer.write(
        Self.foldedLine(folded), in: line, style: context.style(.off),
        ellipsis: context.glyphs.ellipsis)
    }
  }

  /// The switched-off rows in one line, then those the objective cannot serve, grouped by
  /// why: `off: 3 SF + baseline, 7 argmax · needs df/dx: 4 Gumbel-softmax  (e chooses)`.
  static func foldedLine(_ rows: [(row: Int, name: String, reason: String?)]) -> String {
    let label = { (row: Int, name: String) in (row < 9 ? "\(row + 1) " : "") + name }
    var groups: [(title: String, names: [String])] = []
    let off = rows.filter { $0.reason == nil }.map { label($0.row, $0.name) }
    if !off.isEmpty { groups.append(("off", off)) }
    for row in rows {
      guard let reason = row.reason else { continue }
      if let g = groups.firstIndex(where: { $0.title == reason }) {
        groups[g].names.append(label(row.row, row.name))
      } else {
        groups.append((reason, [label(row.row, row.name)]))
      }
    }
    let text = groups.map { "\($0.title): " + $0.names.joined(separator: ", ") }
      .joined(separator: " · ")
    return off.isEmpty ? text : text + "  (e chooses)"
  }

  /// `exact 0.0924 · ( ) pinned at τ 0.5 · lowest MSE: REBAR · L 1.8`: the facts that fit in
  /// `width`, the pinned setting first, then the exact value, the ranking and the loss.
  private func info(_ context: PanelContext, exact: Double, width: Int) -> String {
    let g = context.glyphs
    let snapshot = context.snapshot
    // Each fact with a shorter form; the most important come first and take what fits.
    var parts: [(order: Int, texts: [String])] = []
    if let pin = context.pin {
      let setting = pin.describe(against: snapshot.distribution, glyphs: g)
      parts.append((1, ["( ) pinned at \(setting)", "( ) at \(setting)"]))
    }
    parts.append((0, ["exact \(ScreenFormat.short(exact))"]))
    if let lowest = context.lowestMeanSquaredError {
      let name = EstimatorLabel.name(snapshot.estimators[lowest].kind, wide: false)
      parts.append((2, ["lowest MSE: \(name)"]))
    }
    parts.append((3, ["L \(ScreenFormat.short(snapshot.exact.loss))"]))
    let separator = " \(g.dot) "
    var kept: [(order: Int, text: String)] = []
    var used = 0
    for part in parts {
      let extra = kept.isEmpty ? 0 : separator.count
      guard let text = part.texts.first(where: { used + extra + $0.count <= width }) else { break }
      kept.append((part.order, text))
      used += extra + text.count
    }
    return kept.sorted { $0.order < $1.order }.map(\.text).joined(separator: separator)
  }

  private func drawHeader(
    into buffer: inout Buffer, y: Int, columns: EstimatorColumns, context: PanelContext
  ) {
    let style = context.style(.hint)
    let g = context.glyphs
    for column in columns.columns {
      let text: String
      var align = Alignment.right
      switch column.field {
      case .key:
        text = "#"
        align = .left
      case .glyph: text = ""
      case .name:
        text = "estimator"
        align = .left
      case .verdict:
        text = columns.isWide ? "bias verdict" : "verdict"
        align = .left
      case .meanAndSpread:
        text =
          ScreenFormat.pad("mean", EstimatorColumns.meanWidth, align: .right)
          + " \(g.plusMinus) 2 SE"
        align = .left
      case .exact: text = "exact"
      case .bias: text = "bias"
      case .variance: text = "variance"
      case .deviation: text = "SD"
      case .relative: text = "SD/|g|"
      case .needed: text = "n 10%"
      case .eta: text = g.eta
      case .biasPin, .variancePin, .relativePin: text = "(pinned)"
      }
      let role: Role = EstimatorColumns.isPin(column.field) ? .pinned : .hint
      buffer.write(
        text, in: column.rect(row: y), align: align,
        style: role == .pinned ? context.style(.pinned) : style)
    }
  }

  private func drawRow(
    _ e: EstimatorSnapshot, index: Int, y: Int, columns: EstimatorColumns,
    context: PanelContext, into buffer: inout Buffer
  ) {
    let on = e.isEnabled
    let dim = context.style(.off)
    func pick(_ role: Role) -> Style { on ? context.style(role) : dim }
    let summary = on ? e.summary(context.selected) : nil
    let pinned = context.pin?.summary(e.kind, component: context.selected, in: context.snapshot)
    let verdict = summary?.verdict
    let biased = verdict?.isBiased == true
    let isLowest = context.lowestMeanSquaredError == index
    let showsPin = pinned != nil && pinned?.verdict != .exact
    if !on,
      let first = columns.columns.first(where: {
        $0.field != .key && $0.field != .glyph && $0.field != .name
      })
    {
      // A row the objective cannot serve says why ("needs df/dx"); a switched-off one how to
      // turn it on.
      let text =
        e.unavailable ?? (index < 9 ? "off (press \(index + 1), or e)" : "off (e turns it on)")
      buffer.write(
        text, in: Rect(x: first.x, y: y, width: columns.end - first.x, height: 1), style: dim)
    }
    for column in columns.columns {
      let cell = column.rect(row: y)
      switch column.field {
      case .key:
        if index < 9 { buffer.write(String(index + 1), in: cell, style: pick(.key)) }
      case .glyph:
        if on {
          buffer.write(
            String(context.theme.seriesGlyph(e.kind)), in: cell,
            style: context.theme.seriesStyle(e.kind))
        }
      case .name:
        buffer.write(
          EstimatorLabel.name(e.kind, wide: columns.isWide), in: cell,
          style: pick(isLowest ? .lowest : .plain))
      case .verdict:
        guard let verdict else { continue }
        let text = columns.isWide ? verdict.text : verdict.compactText
        let role: Role =
          verdict.isBiased ? .biased : verdict == .tooFewSamples ? .hint : .noBiasSeen
        buffer.write(text, in: cell, style: context.style(role))
      case .meanAndSpread:
        guard let summary else { continue }
        let (meanRect, spreadRect) = cell.splitLeft(EstimatorColumns.meanWidth)
        let mean = ScreenFormat.number(summary.mean, width: meanRect.width - 1)
        buffer.write(mean, in: meanRect, align: .right, style: pick(.value))
        let sign = " " + context.glyphs.plusMinus
        let spread = ScreenFormat.number(
          2 * summary.standardError, width: spreadRect.width - sign.count)
        buffer.write(sign + spread, in: spreadRect, style: pick(.hint))
      case .exact:
        guard let summary else { continue }
        write(ScreenFormat.number(summary.exact, width: cell.width), cell, pick(.value), &buffer)
      case .bias:
        guard let summary else { continue }
        let text = ScreenFormat.number(summary.bias, width: cell.width, signed: true)
        write(text, cell, pick(biased ? .biased : .value), &buffer)
      case .biasPin:
        guard let pinned, showsPin else { continue }
        let text = ScreenFormat.number(pinned.bias, width: cell.width - 2, signed: true)
        write("(\(text))", cell, context.style(.pinned), &buffer)
      case .variance:
        guard let summary else { continue }
        write(ScreenFormat.number(summary.variance, width: cell.width), cell, pick(.value), &buffer)
      case .variancePin:
        guard let pinned, showsPin else { continue }
        let text = ScreenFormat.number(pinned.variance, width: cell.width - 2)
        write("(\(text))", cell, context.style(.pinned), &buffer)
      case .deviation:
        guard let summary else { continue }
        let text = ScreenFormat.number(summary.standardDeviation, width: cell.width)
        write(text, cell, pick(.value), &buffer)
      case .relative:
        guard let relative = summary?.relativeNoise else { continue }
        write(ScreenFormat.number(relative, width: cell.width), cell, pick(.value), &buffer)
      case .relativePin:
        guard showsPin, let relative = pinned?.relativeNoise else { continue }
        let text = ScreenFormat.number(relative, width: cell.width - 2)
        write("(\(text))", cell, context.style(.pinned), &buffer)
      case .needed:
        guard let summary else { continue }
        write(Self.needed(summary.samplesForTenPercentError), cell, pick(.value), &buffer)
      case .eta:
        // The η column shows an estimator's first diagnostic (REBAR's eta).
        guard on, let eta = e.diagnostics.first?.value else { continue }
        write(ScreenFormat.number(eta, width: cell.width), cell, pick(.hint), &buffer)
      }
    }
  }

  private func write(_ text: String, _ cell: Rect, _ style: Style, _ buffer: inout Buffer) {
    buffer.write(text, in: cell, align: .right, style: style)
  }

  /// Samples for a 10% error in at most six characters: `219k`, `never`, `-`.
  static func needed(_ needed: EstimateSummary.SamplesNeeded) -> String {
    switch needed {
    case .never: "never"
    case .unknown: ScreenFormat.missing
    case .samples(let n): ScreenFormat.compactCount(n)
    }
  }
}
