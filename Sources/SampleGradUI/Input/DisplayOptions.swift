/// The colour schemes the explorer draws in (`--theme`).
package enum ThemeName: String, Sendable, Equatable, CaseIterable {
  /// Light text on the terminal's own (usually dark) background.
  case dark
  /// Dark text on a light background, high contrast: for projectors.
  case light
  /// No colour at all: meaning is kept by glyphs, bold, dim and reverse video.
  case mono
}

/// How the screen is drawn, chosen once from the command line and the environment
/// (`--ascii`, `--theme`, `--no-color`, `NO_COLOR`): the same layout either way, only glyphs
/// and colours change.
package struct DisplayOptions: Sendable, Equatable {
  /// Plain ASCII instead of Unicode block elements and box lines.
  package var ascii: Bool
  package var theme: ThemeName

  /// `color: false` means the mono theme, whatever `theme` says.
  package init(ascii: Bool = false, color: Bool = true, theme: ThemeName = .dark) {
    self.ascii = ascii
    self.theme = color ? theme : .mono
  }
}
