import SampleGradCore
import SampleGradEngine

/// The row above the footer: the screen's own message, else the engine's, else a hint for
/// the current state, else (on a screen too small for the lesson pane) the lesson's hint.
struct StatusLine: Widget, Sendable {
  var frame: PanelFrame
  var message: String?
  /// The lesson (or tour caption) whose one-line hint shows when there is nothing else to say.
  var lessonHint: LessonContent? = nil
  /// What pauses (`space`, or `P` in a tour).
  var pauseKey = "space"

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let context = PanelContext(frame: frame, theme: theme)
    guard !rect.isEmpty else { return }
    let area = rect.inset(dx: 1)
    let g = context.glyphs
    if let text = message ?? context.snapshot.message, !text.isEmpty {
      buffer.write(text, in: area, style: context.style(.error), ellipsis: g.ellipsis)
    } else if context.snapshot.isPaused {
      buffer.write(
        "paused: \(pauseKey) resumes, s draws one batch", in: area, style: context.style(.hint))
    } else if let lessonHint {
      LessonHint(content: lessonHint).draw(into: &buffer, in: area, theme: context.theme)
    }
  }
}
