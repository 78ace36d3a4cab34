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
/// talks about, wrapped to the pane. A lesson longer than its pane is shown a page at a time
/// (`page`, which `c` turns: the title says `Lesson 1/2` and `c: more`), so every word of it
/// can be read beside the numbers; a caption is cut with an ellipsis instead (`c` shows it
/// whole in a box).
struct LessonPanel: Widget, Sendable {
  var content: LessonContent
  /// The page shown, from 0; clamped to the pages there are.
  var page = 0
  /// Whether a text longer than the pane is paged (a lesson) or cut with an ellipsis.
  var pages = true
  /// What the last page's title says `c` does next (the next pane, or back to page 1).
  var afterLast = "c: next pane"

  /// The pages `text` takes in a pane `rect` (its title row included): 1 when it fits.
  static func pageCount(_ text: String, in rect: Rect) -> Int {
    let body = rect.splitTop(1).rest.inset(dx: 1)
    guard body.height > 0, body.width > 0 else { return 1 }
    let lines = WordWrap.lines(text, width: body.width).count
    return max((lines + body.height - 1) / body.height, 1)
  }

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    guard rect.height >= 2 else { return }
    let body = rect.splitTop(1).rest.inset(dx: 1)
    let count = pages ? Self.pageCount(content.text, in: rect) : 1
    guard count > 1 else {
      SectionTitle(title: content.title, info: content.info).draw(
        into: &buffer, in: rect, theme: theme)
      buffer.writeWrapped(
        content.text, in: body, style: theme.style(.plain), ellipsis: theme.glyphs.ellipsis)
      return
    }
    let shown = min(max(page, 0), count - 1)
    let last = shown == count - 1
    SectionTitle(
      title: "\(content.title) \(shown + 1)/\(count)",
      info: last ? afterLast : "c: more", shortInfo: last ? nil : "c"
    ).draw(into: &buffer, in: rect, theme: theme)
    let lines = WordWrap.lines(content.text, width: body.width)
    let first = shown * body.height
    for (row, line) in lines.dropFirst(first).prefix(body.height).enumerated() {
      buffer.write(line, in: body.row(row), style: theme.style(.plain))
    }
  }
}
