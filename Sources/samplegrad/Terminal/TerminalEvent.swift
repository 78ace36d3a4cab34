import SampleGradUI

/// What one read of the keyboard can bring.
enum TerminalEvent: Equatable {
  case key(Key)
  /// A click or a turn of the wheel (only with the mouse on).
  case mouse(MouseEvent)
  /// The terminal changed size; curses has already resized its windows.
  case resize
}
