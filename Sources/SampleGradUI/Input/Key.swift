/// A key press as the UI understands it; the terminal layer translates curses codes to these.
package enum Key: Sendable, Equatable, Hashable {
  case character(Character)
  case left, right, up, down
  case pageUp, pageDown, home, end
  case enter, escape, backspace, tab
  /// Ctrl-C arrives as a signal, but some terminals deliver it as a key in raw mode.
  case interrupt
}
