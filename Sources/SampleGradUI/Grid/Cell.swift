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
/// white).
package enum TerminalColor: Int, Sendable, Equatable, CaseIterable {
  case `default`, black, red, green, yellow, blue, magenta, cyan, white, gray, brightWhite
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

extension TerminalColor: Hashable {}
