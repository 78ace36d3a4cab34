import SampleGradCore
import SampleGradEngine

/// What RELAX or LAX has learned: its control variate `c` and the `f` it stands in for, on the
/// same linear axis along one line of its domain (`SurrogateCurve`). Where `c` follows `f`, the
/// score function's noise cancels; a teacher sees the network bend towards the step while the
/// variance chart falls.
struct SurrogatePanel: Widget, Sendable {
  var curve: SurrogateCurve
  /// Marks of `f` and of `c`; where both fall in one cell, `c`'s.
  static let objectiveMark: Character = "*"
  static let surrogateMark: Character = "o"

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    guard rect.height >= 5, rect.width >= 24 else { return }
    let name = curve.kind.descriptor.shortName
    let relax = curve.variable != "x"
    SectionTitle(
      title: "What \(name) learned", info: relax ? "along z1, the other logits fixed" : "along x",
      shortTitle: name
    ).draw(into: &buffer, in: rect, theme: theme)
    let body = rect.splitTop(1).rest
    let (chartAndAxis, legendRow) = body.splitBottom(1)
    let (chart, axisRow) = chartAndAxis.splitBottom(1)
    let values = (curve.objective + curve.surrogate).filter(\.isFinite)
    guard var low = values.min(), var high = values.max(), chart.height >= 1 else { return }
    if high - low < 1e-12 {
      low -= 0.5
      high += 0.5
    }
    let labels = [ScreenFormat.short(high), ScreenFormat.short(low)]
    let labelWidth = (labels.map(\.count).max() ?? 0) + 1
    let (axis, plot) = chart.splitLeft(labelWidth)
    guard plot.width >= 2 else { return }
    buffer.write(labels[0], in: axis.row(0), style: theme.style(.label))
    buffer.write(labels[1], in: axis.row(axis.height - 1), style: theme.style(.label))
    func row(_ value: Double) -> Int? {
      guard value.isFinite else { return nil }
      let t = (high - value) / (high - low)
      return plot.y + Int((t * Double(plot.height - 1)).rounded())
    }
    let n = curve.xs.count
    for column in 0..<plot.width {
      let i = Int((Double(column) * Double(n - 1) / Double(plot.width - 1)).rounded())
      let x = plot.x + column
      if let y = row(curve.objective[i]) {
        buffer[x, y] = Cell(Self.objectiveMark, style: theme.style(.marker))
      }
      if let y = row(curve.surrogate[i]) {
        buffer[x, y] = Cell(Self.surrogateMark, style: theme.style(.bar))
      }
    }
    let xAxis = axisRow.splitLeft(labelWidth).rest
    let style = theme.style(.label)
    buffer.write(ScreenFormat.short(curve.xs[0]), in: xAxis, align: .left, style: style)
    buffer.write(curve.variable, in: xAxis, align: .center, style: style)
    buffer.write(ScreenFormat.short(curve.xs[n - 1]), in: xAxis, align: .right, style: style)
    let legend =
      relax
      ? "\(Self.objectiveMark) f at the hard sample   \(Self.surrogateMark) c = η f(s_λ(z)) + r(z)"
      : "\(Self.objectiveMark) f(x)   \(Self.surrogateMark) c(x), the learned network"
    buffer.write(
      theme.glyphs.text(legend), in: legendRow, align: .center, style: theme.style(.hint))
  }
}
