import SampleGradCore
import SampleGradEngine

/// The loaded preset's lesson, in view while the class watches the numbers it talks about:
/// wrapped to the pane, cut with an ellipsis if the pane is short (the picker, `p`, and the
/// middle view, `c`, show it whole).
struct LessonPanel: Sendable {
  func draw(into buffer: inout Buffer, in rect: Rect, context: PanelContext) {
    guard rect.height >= 2 else { return }
    SectionTitle(title: "Lesson", info: "L hides").draw(
      into: &buffer, in: rect, theme: context.theme)
    let body = rect.splitTop(1).rest.inset(dx: 1)
    buffer.writeWrapped(
      context.snapshot.scenario.lesson ?? "", in: body, style: context.style(.plain),
      ellipsis: context.glyphs.ellipsis)
  }
}
