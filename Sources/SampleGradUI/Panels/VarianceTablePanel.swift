import SampleGradCore
import SampleGradEngine

/// The variance of every estimator for every parameter at once (wide screens): variance is
/// per component, and a baseline that helps the common logits can hurt a rare one. The
/// lowest variance of each column (among estimators that sample) is bold.
struct VarianceTablePanel: Sendable {
  static let columnWidth = 10

  func draw(into buffer: inout Buffer, in rect: Rect, context: PanelContext) {
    guard rect.height >= 3 else { return }
    let snapshot = context.snapshot
    let names = context.names
    let nameWidth = 26
    let fitting = max((rect.width - 1 - nameWidth) / Self.columnWidth, 1)
    let start = min(max(context.selected - fitting / 2, 0), max(names.count - fitting, 0))
    let shown = start..<min(start + fitting, names.count)
    let info =
      shown.count < names.count
      ? "\(shown.lowerBound + 1)-\(shown.upperBound) of \(names.count)" : "lowest in bold"
    SectionTitle(title: "Variance of each component", info: info)
      .draw(into: &buffer, in: rect, theme: context.theme)
    let body = rect.splitTop(1).rest.inset(dx: 1)
    for (j, index) in shown.enumerated() {
      let cell = column(j, row: body.row(0), nameWidth: nameWidth)
      let style = index == context.selected ? context.style(.selected) : context.style(.hint)
      buffer.write(names[index], in: cell, align: .right, style: style)
    }
    buffer.write("estimator", in: body.row(0), style: context.style(.hint))
    let lowest = shown.map { lowestRow(component: $0, snapshot) }
    for (i, estimator) in snapshot.estimators.enumerated() {
      let line = body.row(i + 1)
      guard !line.isEmpty else { break }
      let on = estimator.isEnabled
      buffer.write(
        EstimatorColumns.displayName(estimator.kind, wide: true), in: line,
        style: on ? context.style(.plain) : context.style(.off))
      for (j, index) in shown.enumerated() {
        let variance =
          estimator.variance.indices.contains(index) && estimator.samples > 1
          ? estimator.variance[index] : .nan
        let style: Style =
          !on ? context.style(.off) : lowest[j] == i ? context.style(.title) : context.style(.plain)
        buffer.write(
          ScreenFormat.fit(variance, width: Self.columnWidth - 1),
          in: column(j, row: line, nameWidth: nameWidth), align: .right, style: style)
      }
    }
  }

  private func column(_ j: Int, row: Rect, nameWidth: Int) -> Rect {
    Rect(
      x: row.x + nameWidth + j * Self.columnWidth, y: row.y, width: Self.columnWidth - 1, height: 1)
  }

  /// The row with the smallest positive variance of `component` among sampling estimators.
  private func lowestRow(component: Int, _ snapshot: Snapshot) -> Int? {
    var best: (row: Int, value: Double)?
    for (i, e) in snapshot.estimators.enumerated() where e.isEnabled && e.samples > 1 {
      guard e.variance.indices.contains(component) else { continue }
      let v = e.variance[component]
      if v > 0, v.isFinite, v < (best?.value ?? .infinity) { best = (i, v) }
    }
    return best?.row
  }
}
