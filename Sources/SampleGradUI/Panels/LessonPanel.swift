import SampleGradCore
import SampleGradEngine

/// What the lesson pane and its one-line hint show: the loaded preset's lesson, or in a tour
/// the step's caption.
struct LessonContent: Sendable, Equatable {
  var title: String
  /// Drawn at the right end of the title line ("L hides").
  var info: String
  var text: String
  /// The status line's label for the hint ("Lesson: ").
  var hintLabel: String
  /// One sentence of `text` for the status line.
  var hint: String

  /// The scenario's own lesson, if it has one, in `glyphs` (`±` is `+-` in ASCII).
  static func lesson(of scenario: Scenario, glyphs: Glyphs) -> LessonContent? {
    guard let lesson = scenario.lesson, !lesson.isEmpty else { return nil }
    return LessonContent(
      title: "Lesson", info: "L hides", text: glyphs.text(lesson), hintLabel: "Lesson: ",
      hint: glyphs.text(LessonText.hint(lesson)))
  }
}

/// The lesson (or a tour step's caption), in view while the class watches the numbers it
/// talks about: wrapped to the pane, cut with an ellipsis if the pane is short (the picker,
/// `p`, and the middle view, `c`, show it whole).
struct LessonPanel: Widget, Sendable {
  var content: LessonContent

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    guard rect.height >= 2 else { return }
    SectionTitle(title: content.title, info: content.info).draw(
      into: &buffer, in: rect, theme: theme)
    let body = rect.splitTop(1).rest.inset(dx: 1)
    buffer.writeWrapped(
      content.text, in: body, style: theme.style(.plain), ellipsis: theme.glyphs.ellipsis)
  }
}
