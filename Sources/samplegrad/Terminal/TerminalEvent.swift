import SampleGradUI

/// What one read of the keyboard can bring.
enum TerminalEvent: Equatable {
  case key(Key)
  /// The terminal changed size; curses has already resized its windows.
  case resize
}
