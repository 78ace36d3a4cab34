import SampleGradCore
import SampleGradEngine

/// The mean squared error (bias^2 + variance of one estimate) of every enabled estimator for
/// every parameter at once (wide screens): errors are per component, and a baseline that helps the
/// common logits can hurt a rare one. The lowest of each column is bold and starred; ranking
/// by MSE, not variance, keeps a biased estimator with a small variance from winning unfairly.
struct MeanSquaredErrorTablePanel: Widget, Sendable {
  var frame: PanelFrame
  static let columnWidth = 10
  static let nameWidth = 26

  /// Draws the table; a column that does not fit whole is cut at the area's edge.
  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    buffer.clipped(to: rect) { drawTable(into: &$0, in: rect, theme: theme) }
  }

  private func drawTable(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let context = PanelContext(frame: frame, theme: theme)
    guard rect.height >= 3 else { return }
    let snapshot = context.snapshot
    let names = context.names
    let fitting = max((rect.width - 1 - Self.nameWidth) / Self.columnWidth, 1)
    let start = ScrollWindow.start(keeping: context.selected, visible: fitting, count: names.count)
    let shown = start..<min(start + fitting, names.count)
    // The star ranks the estimates that vary (`MeanSquaredErrorRanking`): say so.
    let info =
      shown.count < names.count
      ? "\(shown.lowerBound + 1)-\(shown.upperBound) of \(names.count)"
      : "* lowest, exact and constants not ranked"
    SectionTitle(
      title: context.glyphs.text("MSE = bias² + variance, per component"),
      info: info, shortTitle: "MSE per component",
      shortInfo: shown.count < names.count ? nil : "* lowest that varies"
    ).draw(into: &buffer, in: rect, theme: context.theme)
    let body = rect.splitTop(1).rest.inset(dx: 1)
    for (j, index) in shown.enumerated() {
      let cell = column(j, row: body.row(0))
      let style = index == context.selected ? context.style(.selected) : context.style(.hint)
      buffer.write(names[index], in: cell, align: .right, style: style)
    }
    buffer.write("estimator", in: body.row(0), style: context.style(.hint))
    let lowest = shown.map { context.lowestMeanSquaredError(component: $0) }
    // Switched-off rows have nothing to compare: only the rows that sample are listed.
    let listed = snapshot.estimators.enumerated().filter { $0.element.isEnabled }
    for (row, (i, estimator)) in listed.enumerated() {
      let line = body.row(row + 1)
      guard !line.isEmpty else { break }
      buffer.write(
        EstimatorLabel.name(estimator.kind, wide: true), in: line, style: context.style(.plain))
      for (j, index) in shown.enumerated() {
        let mse = estimator.summary(index).flatMap { $0.samples > 1 ? $0.meanSquaredError : nil }
        let best = lowest[j] == i
        let style = context.style(best ? .lowest : .plain)
        let text =
          ScreenFormat.number(mse ?? .nan, width: Self.columnWidth - 3) + (best ? " *" : "  ")
        buffer.write(text, in: column(j, row: line), align: .right, style: style)
      }
    }
  }

  private func column(_ j: Int, row: Rect) -> Rect {
    Rect(
      x: row.x + Self.nameWidth + j * Self.columnWidth, y: row.y, width: Self.columnWidth - 1,
      height: 1)
  }
}
