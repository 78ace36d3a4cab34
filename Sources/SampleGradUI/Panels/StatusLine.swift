import SampleGradCore
import SampleGradEngine

/// The row above the footer: the screen's own message, else the engine's, else a hint for
/// the current state, else (on a screen too small for the lesson pane) the lesson's hint.
struct StatusLine: Sendable {
  var message: String?
  /// Show the lesson's one-line hint when there is nothing else to say.
  var lessonHint = false

  func draw(into buffer: inout Buffer, in rect: Rect, context: PanelContext) {
    guard !rect.isEmpty else { return }
    let area = rect.inset(dx: 1)
    let g = context.glyphs
    if let text = message ?? context.snapshot.message, !text.isEmpty {
      buffer.write(text, in: area, style: context.style(.error), ellipsis: g.ellipsis)
    } else if context.snapshot.isPaused {
      buffer.write(
        "paused: space resumes, s draws one batch", in: area, style: context.style(.hint))
    } else if lessonHint, let lesson = context.snapshot.scenario.lesson {
      let end = buffer.write("Lesson: ", in: area, style: context.style(.label))
      let suffix = "  (c: all)"
      let room = area.splitLeft(end - area.x).rest
      let text = ScreenFormat.clip(
        LessonText.hint(lesson), room.width - suffix.count, ellipsis: g.ellipsis)
      let after = buffer.write(text, in: room, style: context.style(.plain))
      buffer.write(suffix, in: room.splitLeft(after - room.x).rest, style: context.style(.hint))
    }
  }
}
