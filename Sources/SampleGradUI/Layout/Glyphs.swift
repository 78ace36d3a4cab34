/// The characters the screen is drawn with: Unicode block elements and box lines, or plain
/// ASCII for terminals and fonts that cannot show them. Every widget asks here, never
/// hard-codes a glyph, so `--ascii` changes the whole screen.
struct Glyphs: Sendable {
  let isASCII: Bool
  /// The state word of the header.
  let running: String
  let paused: String
  /// Partial cells of a horizontal bar, in eighths: index 1 is 1/8, index 8 a full cell.
  let eighths: [Character]
  /// Partial cells of a column, bottom up, in eighths (index 8 is full).
  let columnEighths: [Character]
  /// Shades for a value in 0...1: blank, light, medium, dark, full.
  let shades: [Character]
  let horizontal: Character
  let vertical: Character
  /// The exact-probability marker beside a histogram bar.
  let exactMarker: Character
  /// The exact-density marker above a column.
  let densityMarker: Character
  let corners:
    (topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character)
  let selection: Character
  let plusMinus: String
  let tau: String
  let theta: String
  /// REBAR's control-variate scale.
  let eta: String
  let chiSquare: String
  let leftRight: String
  let upDown: String
  let ellipsis: String
  let dot: String
  let rightArrow: String
  /// One per estimator (`SeriesPalette`'s slots), so lines are told apart without colour:
  /// shapes that differ filled or hollow, and in ASCII none of the characters the bars,
  /// shades, axes and marks use (`#`, `=`, `*`, `+`, `:`, ...).
  let series: [Character]
  /// The vertical line of a parameter change in the chart.
  let changeMark: Character
  /// A tick on the chart's y axis.
  let axisTick: Character
  /// "More above" and "more below" in a scrolled list.
  let moreAbove: String
  let moreBelow: String

  /// The set `--ascii` chooses, for code that holds the option rather than a theme.
  static func of(ascii: Bool) -> Glyphs { ascii ? .ascii : .unicode }

  static let unicode = Glyphs(
    isASCII: false, running: "▶ running", paused: "‖ paused",
    eighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
    columnEighths: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
    shades: [" ", "░", "▒", "▓", "█"],
    horizontal: "─", vertical: "│", exactMarker: "│", densityMarker: "•",
    corners: ("┌", "┐", "└", "┘"), selection: "▶",
    plusMinus: "±", tau: "τ", theta: "θ", eta: "η", chiSquare: "χ²", leftRight: "←→", upDown: "↑↓",
    ellipsis: "…", dot: "·", rightArrow: "→",
    series: [
      "●", "■", "▲", "◆", "✚", "○", "★", "□", "△", "◇", "✕", "▼", "✱", "♣", "⊕", "◐", "▣", "◈", "✦",
      "❖", "☗", "✿",
    ],
    changeMark: "┊", axisTick: "┤", moreAbove: "▲", moreBelow: "▼")

  static let ascii = Glyphs(
    isASCII: true, running: "running", paused: "PAUSED",
    eighths: [" ", " ", " ", " ", "=", "=", "=", "=", "#"],
    columnEighths: [" ", " ", " ", ".", ".", ":", ":", ":", "#"],
    shades: [" ", ".", ":", "*", "#"],
    horizontal: "-", vertical: "|", exactMarker: "|", densityMarker: "*",
    corners: ("+", "+", "+", "+"), selection: ">",
    plusMinus: "+-", tau: "tau", theta: "theta", eta: "eta", chiSquare: "chi2", leftRight: "h/l",
    upDown: "j/k", ellipsis: "...", dot: "-", rightArrow: "->",
    series: [
      "o", "x", "@", "%", "&", "$", "s", "?", "w", "!", "z", "<", "n", "u", "k", "a", "e", "h", "r",
      "y", "m", "g",
    ],
    changeMark: ":", axisTick: "+", moreAbove: "^", moreBelow: "v")
}
