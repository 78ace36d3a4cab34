import SampleGradCore
import SampleGradEngine

/// The value prompt: what is being set and its current value, the typed text with a
/// cursor, and either how to finish or why the last Enter was refused.
struct PromptOverlay: Widget, Sendable {
  var frame: PanelFrame
  var prompt: ValuePrompt

  /// Draws the box centred in `screen`.
  func draw(into buffer: inout Buffer, in screen: Rect, theme: Theme) {
    let context = PanelContext(frame: frame, theme: theme)
    let box = screen.centered(width: min(screen.width - 4, 60), height: 5)
    let inside = Box(title: "Set \(prompt.label)").draw(
      into: &buffer, in: box, theme: context.theme)
    guard inside.height >= 2 else { return }
    let end = buffer.write(
      "now \(current(context)), new: ", in: inside.row(0), style: context.style(.label))
    let field = inside.row(0).splitLeft(end - inside.x).rest
    let typedEnd = buffer.write(prompt.text, in: field, style: context.style(.title))
    buffer[typedEnd, field.y] = Cell(" ", style: context.style(.selected))
    if let error = prompt.error {
      buffer.write(error, in: inside.row(1), style: context.style(.error))
    } else {
      buffer.write("Enter sets, Esc cancels", in: inside.row(1), style: context.style(.hint))
    }
  }

  private func current(_ context: PanelContext) -> String {
    let d = context.snapshot.distribution
    switch prompt.target {
    case .temperature: return d.temperature.map(ScreenFormat.short) ?? ScreenFormat.missing
    case .parameter(let index, _):
      return d.parameters.indices.contains(index)
        ? ScreenFormat.parameter(d.parameters[index]) : ScreenFormat.missing
    case .everyLogit:
      guard let first = d.parameters.first else { return ScreenFormat.missing }
      return d.parameters.allSatisfy({ $0 == first })
        ? "all " + ScreenFormat.parameter(first) : "mixed"
    }
  }
}
