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

/// The whole caption of a tour step in a box (`c` in a tour), for screens that have no room
/// for it: placed in `area`, the part of the screen the view can spare (on the live screen,
/// above the estimator rows the caption talks about), and a page at a time if it is longer
/// than that (`c` turns the page).
struct CaptionBox: Widget, Sendable {
  var chrome: TourChrome
  /// Where the box goes; a screen too small for a box there puts it in the middle of the
  /// screen instead.
  var area: Rect
  /// The page shown, from 0; clamped to the pages there are.
  var page = 0

  /// Where the box goes on `screen` (`area`, if a box of a few lines fits in it), its wrapped
  /// lines and how many of them a page holds.
  static func geometry(_ text: String, area: Rect, screen: Rect) -> (
    box: Rect, lines: [String], perPage: Int
  ) {
    let usable = area.intersection(screen)
    let place = usable.height >= 6 && usable.width >= 40 ? usable : screen.inset(dx: 0, dy: 1)
    let width = min(place.width - 4, 76)
    let lines = WordWrap.lines(text, width: max(width - 4, 1))
    // The frame takes two rows and the keys' hint one; a blank row above the hint if there
    // is room for it.
    let perPage = max(min(lines.count, place.height - 3), 1)
    let height = min(perPage + (place.height - 3 > perPage ? 4 : 3), place.height)
    return (place.centered(width: width, height: height), lines, perPage)
  }

  /// The pages the caption takes in `area`.
  static func pageCount(_ chrome: TourChrome, glyphs: Glyphs, area: Rect, screen: Rect) -> Int {
    let (_, lines, perPage) = geometry(glyphs.text(chrome.caption), area: area, screen: screen)
    return max((lines.count + perPage - 1) / perPage, 1)
  }

  func draw(into buffer: inout Buffer, in screen: Rect, theme: Theme) {
    let g = theme.glyphs
    let (box, lines, perPage) = Self.geometry(g.text(chrome.caption), area: area, screen: screen)
    let pages = max((lines.count + perPage - 1) / perPage, 1)
    let shown = min(max(page, 0), pages - 1)
    var title = chrome.lesson(g).title
    if pages > 1 { title += " (\(shown + 1)/\(pages))" }
    let inside = Box(title: title).draw(into: &buffer, in: box, theme: theme)
    for (i, line) in lines.dropFirst(shown * perPage).prefix(perPage).enumerated() {
      buffer.write(line, in: inside.row(i), style: theme.style(.plain))
    }
    let next = chrome.isLast ? "the last step" : "space: next step"
    let keys = shown + 1 < pages ? "c: more   Esc closes" : "c or Esc closes"
    buffer.write(
      "\(keys)   \(next)", in: inside.row(inside.height - 1), align: .right,
      style: theme.style(.hint))
  }
}
