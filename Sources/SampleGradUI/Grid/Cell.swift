/// One character cell of the screen: what is drawn there and how.
public struct Cell: Sendable, Equatable {
  public var character: Character
  public var style: Style

  public init(_ character: Character = " ", style: Style = .plain) {
    self.character = character
    self.style = style
  }

  public static let blank = Cell()
}

/// The terminal colours samplegrad uses; `.default` is the terminal's own. `gray` and
/// `brightWhite` need a 16-colour terminal (the terminal layer falls back to dim white and
/// white).
public enum TerminalColor: Int, Sendable, Equatable, CaseIterable {
  case `default`, black, red, green, yellow, blue, magenta, cyan, white, gray, brightWhite
}

/// How a cell is drawn. Colour is a hint: the terminal layer drops it under `NO_COLOR`.
public struct Style: Sendable, Equatable, Hashable {
  public var foreground: TerminalColor
  public var background: TerminalColor
  public var bold: Bool
  public var dim: Bool
  public var reverse: Bool

  public init(
    foreground: TerminalColor = .default, background: TerminalColor = .default,
    bold: Bool = false, dim: Bool = false, reverse: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
  }

  public static let plain = Style()
}

extension TerminalColor: Hashable {}
