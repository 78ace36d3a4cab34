/// One character cell of the screen: what is drawn there and how.
package struct Cell: Sendable, Equatable {
  package var character: Character
  package var style: Style

  package init(_ character: Character = " ", style: Style = .plain) {
    self.character = character
    self.style = style
  }

  package static let blank = Cell()
}

/// The terminal colours samplegrad uses; `.default` is the terminal's own. `gray` and
/// `brightWhite` need a 16-colour terminal (the terminal layer falls back to dim white and
/// white). `palette(n)` is colour n (16 to 255) of the 256-colour palette, which terminals
/// define alike (unlike the first 16, which a terminal's theme sets): the chart series use
/// them, with the nearest of the first 8 (`basic`) where a terminal has fewer colours.
package enum TerminalColor: Sendable, Equatable, Hashable {
  case `default`, black, red, green, yellow, blue, magenta, cyan, white, gray, brightWhite
  case palette(UInt8)
}

/// How a cell is drawn. Colour is a hint: the terminal layer drops it under `NO_COLOR`.
package struct Style: Sendable, Equatable, Hashable {
  package var foreground: TerminalColor
  package var background: TerminalColor
  package var bold: Bool
  package var dim: Bool
  package var reverse: Bool

  package init(
    foreground: TerminalColor = .default, background: TerminalColor = .default,
    bold: Bool = false, dim: Bool = false, reverse: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
  }

  package static let plain = Style()
}
