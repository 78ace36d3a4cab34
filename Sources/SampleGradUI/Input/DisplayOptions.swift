/// The colour schemes the explorer draws in (`--theme`).
package enum ThemeName: String, Sendable, Equatable, CaseIterable {
  /// Light text on the terminal's own (usually dark) background.
  case dark
  /// Dark text on a light background, high contrast: for projectors.
  case light
  /// No colour at all: meaning is kept by glyphs, bold, dim and reverse video.
  case mono
}

/// How the lines of the charts (the variance chart, the sweep's curves, the race's losses)
/// are drawn (`--charts`).
package enum ChartStyle: String, Sendable, Equatable, CaseIterable {
  /// Unicode braille, 2x4 dots per cell (as btop, gping and ratatui draw): twice the columns
  /// and four times the rows, told apart by colour, each line ending in its row's glyph.
  case braille
  /// One glyph per cell, the row's own (● ■ ▲, or o x @ in ASCII): told apart without colour.
  case glyphs
}

/// How the screen is drawn, chosen once from the command line and the environment
/// (`--ascii`, `--theme`, `--no-color`, `NO_COLOR`, `--charts`): the same layout either way,
/// only glyphs and colours change.
package struct DisplayOptions: Sendable, Equatable {
  /// Plain ASCII instead of Unicode block elements and box lines.
  package var ascii: Bool
  package var theme: ThemeName
  /// How chart lines are drawn: braille where it can be (Unicode and colour), else glyphs.
  package var charts: ChartStyle

  /// `color: false` means the mono theme, whatever `theme` says. `charts` defaults to
  /// `defaultCharts`.
  package init(
    ascii: Bool = false, color: Bool = true, theme: ThemeName = .dark, charts: ChartStyle? = nil
  ) {
    self.ascii = ascii
    self.theme = color ? theme : .mono
    self.charts = charts ?? Self.defaultCharts(ascii: ascii, theme: self.theme)
    if ascii { self.charts = .glyphs }
  }

  /// Braille in the colour themes with Unicode: the dots resolve lines a quarter of a row
  /// apart and colour tells them apart. Glyphs in mono (dots carry no identity without colour,
  /// so every line would look the same) and in ASCII (which has no braille).
  package static func defaultCharts(ascii: Bool, theme: ThemeName) -> ChartStyle {
    ascii || theme == .mono ? .glyphs : .braille
  }
}
