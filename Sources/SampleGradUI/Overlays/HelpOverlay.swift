import SampleGradEngine

/// The help, in a box over the screen: the pages of the view on screen (`HelpPage`), its keys
/// first; the live view's second page is the legend of every symbol (`Legend`). Tab or →
/// turns the page; ↑ ↓ scroll a page taller than the screen.
struct HelpOverlay: Widget, Sendable {
  var pages: [HelpPage]
  var page: Int
  var scroll: Int

  static let keyWidth = 16

  /// One line of a page: the key or symbol column, the text, and whether it is a heading.
  struct Line: Sendable {
    var left: String
    var text: String
    var isHeading = false
  }

  static func boxWidth(screen: Int) -> Int { min(screen - 4, 92) }

  /// Lines of page text that fit a screen `height` rows high.
  static func visibleLines(height: Int) -> Int { max(height - 2 - 2 - 2, 1) }

  static func lineCount(_ page: HelpPage, theme: Theme, screenWidth: Int) -> Int {
    lines(page, theme: theme, width: boxWidth(screen: screenWidth) - 4).count
  }

  /// The page's lines, the texts wrapped to `width` beside the key column.
  static func lines(_ page: HelpPage, theme: Theme, width: Int) -> [Line] {
    let textWidth = max(width - keyWidth - 1, 10)
    var result: [Line] = []
    for (s, section) in page.sections.enumerated() {
      if s > 0 { result.append(Line(left: "", text: "")) }
      if let title = section.title {
        result.append(Line(left: title, text: "", isHeading: true))
      }
      for entry in section.entries {
        var keys = theme.glyphs.isASCII ? entry.asciiKeys : entry.keys
        // A key wider than its column ("differentiable in θ") gets a line of its own.
        if keys.count > keyWidth - 2 {
          result.append(Line(left: keys, text: ""))
          keys = ""
        }
        for (i, part) in WordWrap.lines(entry.text, width: textWidth).enumerated() {
          result.append(Line(left: i == 0 ? keys : "", text: part))
        }
      }
    }
    return result
  }

  func draw(into buffer: inout Buffer, in screen: Rect, theme: Theme) {
    guard pages.indices.contains(page) else { return }
    let width = Self.boxWidth(screen: screen.width)
    let all = Self.lines(pages[page], theme: theme, width: width - 4)
    let visible = Self.visibleLines(height: screen.height)
    let height = min(all.count, visible) + 4
    let box = screen.centered(width: width, height: height)
    let title = "Help \(page + 1)/\(pages.count): \(pages[page].title)"
    let inside = Box(title: title).draw(into: &buffer, in: box, theme: theme)
    let first = min(max(scroll, 0), max(all.count - visible, 0))
    let shown = all[first..<min(first + visible, all.count)]
    for (row, line) in shown.enumerated() {
      let rect = inside.row(row)
      if line.isHeading {
        buffer.write(line.left, in: rect, style: theme.style(.title))
        continue
      }
      buffer.write(line.left, in: rect.inset(dx: 1), style: theme.style(.key))
      buffer.write(
        line.text, in: rect.splitLeft(Self.keyWidth + 1).rest, style: theme.style(.plain))
    }
    let g = theme.glyphs
    let next = pages[(page + 1) % pages.count].tabName
    var hint = "Tab or \(g.rightArrow): \(next)   ? or Esc closes"
    if all.count > visible {
      let more =
        first + visible < all.count ? "\(g.moreBelow) \(all.count - first - visible) more" : ""
      hint = "\(more)   \(g.upDown) scroll   " + hint
    }
    buffer.write(hint, in: inside.row(inside.height - 1), align: .right, style: theme.style(.hint))
  }
}
