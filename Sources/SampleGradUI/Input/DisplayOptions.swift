/// How the screen is drawn, chosen once from the command line and the environment
/// (`--ascii`, `NO_COLOR`): the same layout either way, only glyphs and colour change.
public struct DisplayOptions: Sendable, Equatable {
  /// Plain ASCII instead of Unicode block elements and box lines.
  public var ascii: Bool
  /// Colour hints in cell styles; without them meaning is kept by bold, dim and reverse.
  public var color: Bool

  public init(ascii: Bool = false, color: Bool = true) {
    self.ascii = ascii
    self.color = color
  }
}
