import Foundation
import SampleGradCore

/// The race's legend and scoreboard: per lane its glyph, name, exact loss now, the share of
/// the gap to the optimum it has closed, the step it came within 1% of the optimum, and where
/// its parameters are (a categorical's p as a small bar row, a Bernoulli's p as a bar, a
/// gaussian's mean and std).
struct RaceTable: Widget, Sendable {
  var snapshot: RaceSnapshot
  /// Each lane's glyph and colour, in lane order.
  var lanes: [LaneStyle]

  /// Rows it needs: a header and one per lane.
  var height: Int { 1 + snapshot.lanes.count }

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    guard rect.height >= 2, rect.width >= 40 else { return }
    let wide = rect.width >= 120
    let decimals = LossFormat.decimals(
      scale: LossFormat.scale(startLoss: snapshot.startLoss, optimum: snapshot.optimum))
    let lossWidth = max(
      LossFormat.fixed(snapshot.startLoss, decimals: decimals).count + 1, 8)
    var x = rect.x + 1
    func column(_ width: Int, gap: Int = 2) -> Rect {
      defer { x += width + gap }
      return Rect(x: x, y: rect.y, width: width, height: 1)
    }
    let glyph = column(1, gap: 1)
    let name = column(wide ? 25 : 14, gap: 1)
    let loss = column(lossWidth)
    let gap = column(Self.gapWidth)
    let reached = column(wide ? 12 : 7)
    let parameters = Rect(x: x, y: rect.y, width: max(rect.maxX - 1 - x, 0), height: 1)

    let label = theme.style(.label)
    buffer.write("estimator", in: name, style: label)
    buffer.write("loss", in: loss, align: .right, style: label)
    buffer.write("gap", in: gap, align: .right, style: label)
    buffer.write(wide ? "within 1% at" : "1% at", in: reached, align: .right, style: label)
    buffer.write(parameterHeader(wide: wide), in: parameters, style: label)

    let rows = rect.height - 1
    let shown = snapshot.lanes.count <= rows ? snapshot.lanes.count : rows - 1
    for (index, lane) in snapshot.lanes.prefix(shown).enumerated()
    where lanes.indices.contains(index) {
      let y = rect.y + 1 + index
      func at(_ r: Rect) -> Rect { Rect(x: r.x, y: y, width: r.width, height: 1) }
      let look = lanes[index]
      buffer[glyph.x, y] = Cell(look.glyph, style: look.style)
      buffer.write(
        EstimatorLabel.name(lane.kind, wide: wide), in: at(name), style: look.style)
      buffer.write(
        LossFormat.fixed(lane.loss, decimals: decimals), in: at(loss), align: .right,
        style: theme.style(.value))
      buffer.write(
        Self.gapText(lane.loss, start: snapshot.startLoss, optimum: snapshot.optimum),
        in: at(gap), align: .right, style: theme.style(.value))
      buffer.write(
        lane.reachedStep.map(ScreenFormat.count) ?? (lane.stopped == nil ? "-" : "stop"),
        in: at(reached), align: .right,
        style: theme.style(lane.reachedStep == nil ? .hint : .reached))
      if let stopped = lane.stopped {
        buffer.write(
          stopped, in: at(parameters), style: theme.style(.error), ellipsis: theme.glyphs.ellipsis)
      } else {
        drawParameters(lane, into: &buffer, in: at(parameters), wide: wide, theme: theme)
      }
    }
    if shown < snapshot.lanes.count {
      buffer.write(
        "+\(snapshot.lanes.count - shown) more (a taller window shows them)",
        in: Rect(x: name.x, y: rect.y + rows, width: rect.maxX - name.x, height: 1),
        style: theme.style(.hint))
    }
  }

  /// Characters of the gap column.
  static let gapWidth = 6

  /// The share of the gap to the optimum a lane has closed (`LossFormat.gapClosed`), in at
  /// most `gapWidth` characters and always with its `%`: fewer digits where it has too many
  /// (`0.0123%` is `0.012%`), `~0%` for a share that rounds to nothing at that width.
  static func gapText(_ loss: Double, start: Double, optimum: Double?) -> String {
    let text = LossFormat.gapClosed(loss, start: start, optimum: optimum)
    guard text.count > gapWidth, let optimum, start > optimum else { return text }
    let share = 100 * (start - loss) / (start - optimum)
    let sign = share < 0 ? "-" : ""
    let integer = String(Int(abs(share))).count
    let decimals = gapWidth - 1 - sign.count - integer - 1
    guard decimals >= 1 else { return sign + String(Int(abs(share).rounded())) + "%" }
    let fixed = String(format: "%.\(decimals)f", abs(share))
    if fixed.allSatisfy({ $0 == "0" || $0 == "." }) { return "~0%" }
    return sign + fixed + "%"
  }

  private func parameterHeader(wide: Bool) -> String {
    if let header = snapshot.summaryHeader { return header }
    return switch snapshot.distribution {
    case .categorical: wide ? "p of each category, and p of the best" : "p by category"
    // The number (7 characters at most), a space and a 24-cell bar come before the log-odds.
    case .bernoulli: wide ? ScreenFormat.pad("p(b = 1)", 33) + "log-odds" : "p(b = 1)"
    default: "mean and std"
    }
  }

  private func drawParameters(
    _ lane: RaceLaneSnapshot, into buffer: inout Buffer, in rect: Rect, wide: Bool, theme: Theme
  ) {
    let value = theme.style(.value)
    if snapshot.summaryHeader != nil {
      // Many variables: the family's one number (mean p of the best outcome), with its bar.
      let p = lane.summary ?? .nan
      let end = buffer.write(
        ScreenFormat.pad(ScreenFormat.probability(p), 7), in: rect, style: value)
      let barWidth = min(wide ? 24 : 12, rect.maxX - end - 1)
      if barWidth > 0 {
        HorizontalBar(fraction: p, style: theme.style(.bar)).draw(
          into: &buffer, in: Rect(x: end + 1, y: rect.y, width: barWidth, height: 1),
          theme: theme)
      }
      return
    }
    switch snapshot.distribution {
    case .categorical:
      // One cell per category (two when wide), its height p.
      let cellsPer = wide ? 2 : 1
      let levels = theme.glyphs.columnEighths
      var x = rect.x
      for p in lane.probabilities where x + cellsPer <= rect.maxX {
        let eighths = min(max(Int((p * 8).rounded()), p > 0.01 ? 1 : 0), 8)
        for _ in 0..<cellsPer {
          buffer[x, rect.y] = Cell(levels[eighths], style: theme.style(.bar))
          x += 1
        }
      }
      if let best = snapshot.bestOutcome, lane.probabilities.indices.contains(best) {
        buffer.write(
          " best \(ScreenFormat.short(lane.probabilities[best]))",
          in: Rect(x: x, y: rect.y, width: rect.maxX - x, height: 1), style: value)
      }
    case .bernoulli:
      let p = lane.probabilities.count == 2 ? lane.probabilities[1] : .nan
      // A fixed width, so the bars and the log-odds line up (`0.4013`, `6.8e-05`).
      let text = ScreenFormat.pad(ScreenFormat.probability(p), 7)
      let end = buffer.write(text, in: rect, style: value)
      let barWidth = min(wide ? 24 : 12, rect.maxX - end - 1)
      if barWidth > 0 {
        HorizontalBar(fraction: p, style: theme.style(.bar)).draw(
          into: &buffer, in: Rect(x: end + 1, y: rect.y, width: barWidth, height: 1),
          theme: theme)
      }
      if wide, let l = lane.parameters.first {
        let after = end + 1 + barWidth + 1
        buffer.write(
          ScreenFormat.short(l), in: Rect(x: after, y: rect.y, width: rect.maxX - after, height: 1),
          style: value)
      }
    default:
      let p = lane.parameters
      guard p.count == 2 else { return }
      buffer.write(
        "mean \(ScreenFormat.short(p[0]))  std \(ScreenFormat.short(p[1]))", in: rect, style: value)
    }
  }
}
