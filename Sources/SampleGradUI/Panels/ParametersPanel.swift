import SampleGradCore
import SampleGradEngine

/// The parameters the gradient is taken against, one per row, the selected one marked:
/// logits with their probability as a bar, the log-odds with p, or the mean and std.
struct ParametersPanel: Widget, Sendable {
  var frame: PanelFrame
  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let context = PanelContext(frame: frame, theme: theme)
    guard !rect.isEmpty else { return }
    let snapshot = context.snapshot
    let names = context.names
    let values = snapshot.distribution.parameters
    let visible = rect.height - 1
    let start = context.windowStart(visible: visible)
    SectionTitle(
      title: "Parameters", info: info(context, start: start, visible: visible),
      shortInfo: context.snapshot.distribution.parameters != context.snapshot.loaded.parameters
        ? "0 restores" : nil
    ).draw(into: &buffer, in: rect, theme: context.theme)
    let nameWidth = names.map(\.count).max() ?? 0
    for row in 0..<min(visible, names.count - start) {
      let index = start + row
      let line = rect.row(row + 1)
      let isSelected = index == context.selected
      let marker = isSelected ? String(context.glyphs.selection) : " "
      buffer.write(marker, in: line, style: context.style(.marker))
      let label =
        ScreenFormat.pad(names[index], nameWidth) + " "
        + ScreenFormat.pad(ScreenFormat.parameter(values[index]), 8, align: .right)
      let labelEnd = buffer.write(
        label, in: line.splitLeft(2).rest,
        style: isSelected ? context.style(.selected) : context.style(.plain))
      guard let p = probability(of: index, snapshot) else { continue }
      let rest = line.splitLeft(labelEnd - line.x + 2).rest
      let numberEnd = buffer.write("p ", in: rest, style: context.style(.label))
      let afterLabel = rest.splitLeft(numberEnd - rest.x).rest
      buffer.write(
        ScreenFormat.pad(ScreenFormat.probability(p), 7, align: .right), in: afterLabel)
      let bar = afterLabel.splitLeft(8).rest
      HorizontalBar(fraction: p, style: context.style(.bar)).draw(
        into: &buffer, in: bar.splitLeft(bar.width - 1).left, theme: context.theme)
    }
  }

  /// The probability a parameter's row shows: softmax of the logit, or P(b = 1).
  private func probability(of index: Int, _ snapshot: Snapshot) -> Double? {
    snapshot.distribution.probability(ofParameter: index, in: snapshot.probabilities)
  }

  private func info(_ context: PanelContext, start: Int, visible: Int) -> String {
    let count = context.names.count
    let snapshot = context.snapshot
    if visible < count {
      return "\(start + 1)-\(start + visible) of \(count)"
    }
    if snapshot.distribution.parameters != snapshot.loaded.parameters {
      let changed = zip(snapshot.distribution.parameters, snapshot.loaded.parameters)
        .filter { $0 != $1 }.count
      return "\(changed) changed: 0 restores"
    }
    return context.snapshot.distribution.parameterFormula(theta: context.glyphs.theta)
  }
}
