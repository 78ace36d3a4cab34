/// A panel's title row: `─ Title ──────── info ─`. The line separates panels without boxes,
/// which would cost two columns on an 80-column screen.
struct SectionTitle: Widget, Sendable {
  var title: String
  /// Extra facts drawn at the right end of the line (e.g. the sample count), if they fit.
  var info: String = ""
  /// Used when `title` does not fit; otherwise the title is cut at a word boundary.
  var shortTitle: String? = nil
  /// Used when `info` does not fit beside the title.
  var shortInfo: String? = nil

  /// The longest of `title`, `shortTitle` and word-prefixes of them that fits `width`.
  func fittedTitle(width: Int) -> String {
    if title.count <= width { return title }
    if let shortTitle, shortTitle.count <= width { return shortTitle }
    var fitted = ""
    for word in (shortTitle ?? title).split(separator: " ") {
      let next = fitted.isEmpty ? String(word) : fitted + " " + word
      guard next.count <= width else { break }
      fitted = next
    }
    return fitted
  }

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    guard !rect.isEmpty else { return }
    let line = rect.row(0)
    buffer.repeatCharacter(theme.glyphs.horizontal, in: line, style: theme.style(.hint))
    let titleEnd = buffer.write(
      " \(fittedTitle(width: line.width - 4)) ", in: line.splitLeft(1).rest,
      style: theme.style(.title))
    guard !info.isEmpty else { return }
    var shown = " \(info) "
    if line.maxX - titleEnd - 2 < shown.count, let shortInfo { shown = " \(shortInfo) " }
    guard line.maxX - titleEnd - 2 >= shown.count else { return }
    let area = Rect(x: line.maxX - 1 - shown.count, y: line.y, width: shown.count, height: 1)
    buffer.write(shown, in: area, style: theme.style(.plain))
  }
}
