import SampleGradEngine

/// The row above the footer: the screen's own message, else the engine's, else a hint for
/// the current state.
struct StatusLine: Sendable {
  var message: String?

  func draw(into buffer: inout Buffer, in rect: Rect, context: PanelContext) {
    guard !rect.isEmpty else { return }
    let area = rect.inset(dx: 1)
    if let text = message ?? context.snapshot.message, !text.isEmpty {
      buffer.write(text, in: area, style: context.style(.error))
    } else if context.snapshot.isPaused {
      buffer.write(
        "paused: space resumes, s draws one batch", in: area, style: context.style(.hint))
    }
  }
}
