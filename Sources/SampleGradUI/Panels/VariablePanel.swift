import SampleGradCore
import SampleGradEngine

/// The selected variable up close, where the one-variable screen has its parameters and
/// relaxed vectors: its logits (a bit's log-odds), p and the frequency sampled, its latest
/// relaxed vectors (a bit's `[1 - y, y]`) and their running mean E[y] beside p. Only this
/// variable's values are drawn, so D = 128 reads as clearly as D = 1.
struct VariablePanel: Widget, Sendable {
  var frame: PanelFrame
  static let labelWidth = 8

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let context = PanelContext(frame: frame, theme: theme)
    guard rect.height >= 2 else { return }
    let snapshot = context.snapshot
    let selection = VariableSelection(snapshot.distribution)
    let d = selection.variable(of: frame.selected)
    let g = context.glyphs
    let tau = snapshot.distribution.temperature.map(ScreenFormat.short) ?? ScreenFormat.missing
    let name = selection.name(ofVariable: d)
    SectionTitle(
      title: "\(name.prefix(1).uppercased() + name.dropFirst()) of \(selection.variables)",
      info: "relaxed y at \(g.tau) = \(tau), newest last", shortInfo: "\(g.tau) = \(tau)"
    ).draw(into: &buffer, in: rect, theme: theme)
    let body = rect.splitTop(1).rest.inset(dx: 1)
    let values = VariableValues(snapshot, variable: d)
    let k = values.p.count
    guard k > 0, body.width > Self.labelWidth else { return }
    let cellWidth = min(max((body.width - Self.labelWidth) / k, 1), 8)
    let columns = Self.labelWidth + k * cellWidth
    let plan = rows(height: body.height, relaxed: values.relaxed.count)
    for (i, row) in plan.enumerated() {
      let line = body.row(i)
      let strip = line.splitLeft(Self.labelWidth).rest
      switch row {
      case .logits:
        buffer.write(
          selection.isBits ? "log-odds" : "logits", in: line, style: context.style(.label))
        drawLogits(into: &buffer, in: strip, cellWidth: cellWidth, selection, context)
      case .probabilities:
        buffer.write(selection.isBits ? "1-p, p" : "p", in: line, style: context.style(.label))
        drawVector(values.p, into: &buffer, in: strip, cellWidth: cellWidth, context)
      case .sampled:
        buffer.write("drawn", in: line, style: context.style(.label))
        drawVector(values.sampled, into: &buffer, in: strip, cellWidth: cellWidth, context)
      case .relaxed(let index):
        buffer.write("y", in: line, style: context.style(.label))
        guard values.relaxed.indices.contains(index) else {
          buffer.write("no samples yet", in: strip, style: context.style(.hint))
          continue
        }
        ShadeStrip(values: values.relaxed[index], cellWidth: cellWidth, style: context.style(.bar))
          .draw(into: &buffer, in: strip, theme: theme)
      case .mean:
        buffer.write("E[y]", in: line, style: context.style(.label))
        drawVector(values.mean, into: &buffer, in: strip, cellWidth: cellWidth, context)
        if let gap = values.gap, line.width - columns >= 22 {
          let side = line.splitLeft(columns + 3).rest
          let end = buffer.write("max |E[y] - p| ", in: side, style: context.style(.label))
          buffer.write(ScreenFormat.probability(gap), in: side.splitLeft(end - side.x).rest)
        }
      }
    }
    let side = body.splitLeft(columns + 3).rest
    let hintRows = plan.firstIndex { if case .relaxed = $0 { true } else { false } }
    if let first = hintRows, side.width >= 24 {
      let count = plan.filter { if case .relaxed = $0 { true } else { false } }.count
      let area = Rect(x: side.x, y: body.y + first, width: side.width, height: count)
      buffer.writeWrapped(
        RelaxedPanel.hint(g), in: area, style: context.style(.hint), ellipsis: g.ellipsis)
    }
  }

  /// What each row of the body shows, top down.
  enum Row: Equatable {
    case logits, probabilities, sampled, mean
    /// The `index`-th of the relaxed vectors shown, oldest first.
    case relaxed(Int)
  }

  /// The rows that fit `height`: the logits, p and E[y] first, then one relaxed vector, the
  /// sampled frequencies, and more relaxed vectors (the newest ones) as room allows.
  func rows(height: Int, relaxed: Int) -> [Row] {
    guard height > 0 else { return [] }
    let fixed: [Row] =
      height >= 5 ? [.logits, .probabilities, .sampled] : [.logits, .probabilities]
    let room = height - fixed.count - 1
    guard room >= 0 else { return Array(fixed.prefix(height)) }
    let vectors = min(room, max(min(relaxed, EngineState.relaxedRowLimit), 1))
    let first = max(relaxed - vectors, 0)
    return fixed + (0..<vectors).map { .relaxed(first + $0) } + [.mean]
  }

  /// The variable's logits, the selected one in reverse video; where numbers do not fit, the
  /// selected logit's name and value.
  private func drawLogits(
    into buffer: inout Buffer, in strip: Rect, cellWidth: Int, _ selection: VariableSelection,
    _ context: PanelContext
  ) {
    let parameters = frame.snapshot.distribution.parameters
    let start = selection.index(variable: selection.variable(of: frame.selected), logit: 0)
    let count = selection.logitsPerVariable
    guard cellWidth >= 8, start + count <= parameters.count else {
      let text =
        "\(context.selectedName) = "
        + (parameters.indices.contains(frame.selected)
          ? ScreenFormat.parameter(parameters[frame.selected]) : ScreenFormat.missing)
      buffer.write(text, in: strip, style: context.style(.selected))
      return
    }
    // A bit's one log-odds sits under p(b = 1).
    let offset = selection.isBits ? 1 : 0
    for i in 0..<count {
      let cell = strip.splitLeft((i + offset) * cellWidth).rest.splitLeft(cellWidth - 1).left
      let selected = start + i == frame.selected
      buffer.write(
        ScreenFormat.parameter(parameters[start + i]), in: cell, align: .right,
        style: context.style(selected ? .selected : .plain))
    }
  }

  /// Numbers when each category has 8 cells or more, else shades.
  private func drawVector(
    _ values: [Double], into buffer: inout Buffer, in rect: Rect, cellWidth: Int,
    _ context: PanelContext
  ) {
    if values.isEmpty {
      buffer.write(ScreenFormat.missing, in: rect, style: context.style(.hint))
    } else if cellWidth >= 8 {
      for (i, value) in values.enumerated() {
        let cell = rect.splitLeft(i * cellWidth).rest.splitLeft(cellWidth - 1).left
        buffer.write(ScreenFormat.probability(value), in: cell, align: .right)
      }
    } else {
      ShadeStrip(values: values, cellWidth: cellWidth, style: context.style(.marker))
        .draw(into: &buffer, in: rect, theme: context.theme)
    }
  }
}

/// One variable's slice of the snapshot's D x K vectors.
struct VariableValues {
  /// p of each outcome (a bit's `[1 - p, p]`).
  let p: [Double]
  /// The frequencies sampled since the reset (empty before any sample).
  let sampled: [Double]
  /// The running mean of the relaxed vectors (empty before any).
  let mean: [Double]
  /// The latest relaxed vectors, oldest first.
  let relaxed: [[Double]]

  init(_ snapshot: Snapshot, variable d: Int) {
    let k = max(snapshot.distribution.outcomes, 1)
    let range = (d * k)..<(d * k + k)
    func slice(_ values: [Double]) -> [Double] {
      values.count >= range.upperBound ? Array(values[range]) : []
    }
    p = slice(snapshot.probabilities)
    mean = slice(snapshot.relaxedMean)
    relaxed = snapshot.relaxedRows.map(slice).filter { !$0.isEmpty }
    let histogram = snapshot.histogram
    sampled =
      histogram.total > 0 && histogram.counts.count >= range.upperBound
      ? range.map { Double(histogram.counts[$0]) / Double(histogram.total) } : []
  }

  /// `max |E[y] - p|` over the outcomes, once there is a mean.
  var gap: Double? {
    guard !mean.isEmpty, mean.count == p.count else { return nil }
    return zip(mean, p).map { abs($0 - $1) }.max()
  }
}
