import SampleGradCore

/// What a tour adds to every screen while it plays: the step in the header
/// (`step 3/14 · A baseline`), the caption where the lesson would be or its first sentence in
/// the status line, and the tour's keys in the footer (space and ← move between steps, so P
/// pauses and h/l select where space and the arrows did).
struct TourChrome: Sendable {
  /// 1-based.
  let number: Int
  let count: Int
  let title: String
  let caption: String

  var isLast: Bool { number == count }

  /// The key that pauses, as screens name it: P in a tour, where space is the next step.
  static func pauseKey(inTour: Bool) -> String { inTour ? "P" : "space" }

  /// `step 3/14 · A baseline`, for headers.
  func label(_ g: Glyphs) -> String { "step \(number)/\(count) \(g.dot) \(g.text(title))" }

  /// What the lesson pane and its hint show in a tour.
  func lesson(_ g: Glyphs) -> LessonContent {
    LessonContent(
      title: "Step \(number)/\(count) \(g.dot) \(g.text(title))",
      info: isLast ? "the last step \(g.dot) q quits" : "space: next step",
      text: g.text(caption), hintLabel: "Step \(number)/\(count): ",
      hint: g.text(LessonText.sentences(caption).first ?? caption))
  }

  /// A view's footer with the tour's keys first: its pause key becomes P and its ←→ become
  /// h/l (space and the arrows move between steps); `c` shows the caption. Pausing, the
  /// caption and the help stay when the footer is short of room.
  func footer(_ items: [KeyMap.FooterItem], ascii: Bool) -> [KeyMap.FooterItem] {
    var tour = [KeyMap.FooterItem(keys: ascii ? "Left" : "←", text: "back", priority: 0)]
    if !isLast { tour.insert(KeyMap.FooterItem(keys: "space", text: "next", priority: 0), at: 0) }
    var view = items.map { item -> KeyMap.FooterItem in
      let urgent = min(item.priority, 1)
      switch item.keys {
      case "space": return KeyMap.FooterItem(keys: "P", text: item.text, priority: urgent)
      case "←→": return KeyMap.FooterItem(keys: "h/l", text: item.text, priority: item.priority)
      case "c": return KeyMap.FooterItem(keys: "c", text: "caption", priority: urgent)
      case "?": return KeyMap.FooterItem(keys: "?", text: item.text, priority: urgent)
      // Escape leaves a step's view for its live statistics; ← is the step back.
      case "Esc": return KeyMap.FooterItem(keys: "Esc", text: "live view", priority: item.priority)
      default: return item
      }
    }
    if !view.contains(where: { $0.keys == "c" }) {
      view.insert(KeyMap.FooterItem(keys: "c", text: "caption", priority: 1), at: 0)
    }
    return tour + view
  }

  /// The status line's hint: `Step 3/14: <the caption's first sentence>  (c: all)`.
  func drawHint(into buffer: inout Buffer, in area: Rect, theme: Theme) {
    LessonHint(content: lesson(theme.glyphs)).draw(into: &buffer, in: area, theme: theme)
  }
}

/// The lesson's one-line hint in a status line: a label, the hint clipped, and `(c: all)`.
struct LessonHint: Widget, Sendable {
  var content: LessonContent

  func draw(into buffer: inout Buffer, in area: Rect, theme: Theme) {
    let end = buffer.write(content.hintLabel, in: area, style: theme.style(.label))
    let suffix = "  (c: all)"
    let room = area.splitLeft(end - area.x).rest
    let text = ScreenFormat.clip(
      content.hint, room.width - suffix.count, ellipsis: theme.glyphs.ellipsis)
    let after = buffer.write(text, in: room, style: theme.style(.plain))
    buffer.write(suffix, in: room.splitLeft(after - room.x).rest, style: theme.style(.hint))
  }
}

/// The whole caption of a tour step in a box over the screen (`c` in a tour), for screens
/// that have no room for it.
struct CaptionBox: Widget, Sendable {
  var chrome: TourChrome

  /// Draws the box centred in `screen`.
  func draw(into buffer: inout Buffer, in screen: Rect, theme: Theme) {
    let g = theme.glyphs
    let width = min(screen.width - 4, 76)
    let lines = WordWrap.lines(g.text(chrome.caption), width: width - 4)
    let visible = min(lines.count, max(screen.height - 6, 1))
    let box = screen.centered(width: width, height: visible + 4)
    let inside = Box(title: chrome.lesson(g).title).draw(into: &buffer, in: box, theme: theme)
    for (i, line) in lines.prefix(visible).enumerated() {
      buffer.write(line, in: inside.row(i), style: theme.style(.plain))
    }
    let next = chrome.isLast ? "the last step" : "space: next step"
    buffer.write(
      "c or Esc closes   \(next)", in: inside.row(inside.height - 1), align: .right,
      style: theme.style(.hint))
  }
}
