/// How one estimator's curve looks: a glyph and, with colour on, a colour, so lanes stay
/// apart without colour (`NO_COLOR`, `--no-color`) and on a monochrome projector.
struct LaneStyle: Sendable {
  let glyph: Character
  let style: Style

  static let unicodeGlyphs: [Character] = [
    "●", "▲", "■", "◆", "▼", "★", "✚", "○", "△", "□", "◇", "▽", "☆", "×",
  ]
  static let asciiGlyphs: [Character] = [
    "o", "+", "#", "@", "x", "*", "%", "&", "=", "$", "~", "^", "v", "s",
  ]
  static let colors: [TerminalColor] = [.white, .cyan, .yellow, .green, .magenta, .red, .blue]

  /// The style of lane `index` (lanes keep their index for the whole race).
  init(index: Int, theme: Theme) {
    let glyphs = theme.glyphs.isASCII ? Self.asciiGlyphs : Self.unicodeGlyphs
    glyph = glyphs[index % glyphs.count]
    style =
      theme.color
      ? Style(foreground: Self.colors[index % Self.colors.count], bold: true) : Style(bold: true)
  }
}
