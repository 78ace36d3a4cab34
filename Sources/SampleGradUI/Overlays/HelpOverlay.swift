import SampleGradEngine

/// The help, in a box over the screen: page 1 lists every key (from `KeyMap.help`), page 2 is
/// the legend of every symbol (`Legend`). Tab or → turns the page; ↑ ↓ scroll a page taller
/// than the screen.
struct HelpOverlay: Widget, Sendable {
  var page: Int
  var scroll: Int
  /// The scenario's estimator rows, for the legend's theory line.
  var rows: [EstimatorSnapshot] = []

  static let pageCount = 2
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

  static func lineCount(
    page: Int, theme: Theme, screenWidth: Int, rows: [EstimatorSnapshot] = []
  ) -> Int {
    lines(page: page, theme: theme, width: boxWidth(screen: screenWidth) - 4, rows: rows).count
  }

  /// The page's lines, the texts wrapped to `width` beside the key column.
  static func lines(
    page: Int, theme: Theme, width: Int, rows: [EstimatorSnapshot] = []
  ) -> [Line] {
    let textWidth = max(width - keyWidth - 1, 10)
    var result: [Line] = []
    if page == 0 {
      for (s, section) in KeyMap.help.enumerated() {
        if s > 0 { result.append(Line(left: "", text: "")) }
        result.append(Line(left: section.title, text: "", isHeading: true))
        for entry in section.entries {
          let keys = theme.glyphs.isASCII ? entry.asciiKeys : entry.keys
          for (i, part) in WordWrap.lines(entry.text, width: textWidth).enumerated() {
            result.append(Line(left: i == 0 ? keys : "", text: part))
          }
        }
      }
    } else {
      for entry in Legend.entries(theme: theme, rows: rows) {
        for (i, part) in WordWrap.lines(entry.text, width: textWidth).enumerated() {
          result.append(Line(left: i == 0 ? entry.symbol : "", text: part))
        }
      }
    }
    return result
  }

  /// Draws the box centred in `screen`.
  func draw(into buffer: inout Buffer, in screen: Rect, theme: Theme) {
    let width = Self.boxWidth(screen: screen.width)
    let all = Self.lines(page: page, theme: theme, width: width - 4, rows: rows)
    let visible = Self.visibleLines(height: screen.height)
    let height = min(all.count, visible) + 4
    let box = screen.centered(width: width, height: height)
    let title = page == 0 ? "Help 1/2: keys" : "Help 2/2: what the screen shows"
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
    var hint = "Tab or \(g.rightArrow): \(page == 0 ? "legend" : "keys")   ? or Esc closes"
    if all.count > visible {
      let more =
        first + visible < all.count ? "\(g.moreBelow) \(all.count - first - visible) more" : ""
      hint = "\(more)   \(g.upDown) scroll   " + hint
    }
    buffer.write(hint, in: inside.row(inside.height - 1), align: .right, style: theme.style(.hint))
  }
}
