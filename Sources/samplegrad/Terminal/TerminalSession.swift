@preconcurrency import CNcursesw
import SampleGradUI

/// Why the screen could not be opened.
struct TerminalError: Error, CustomStringConvertible {
  let description: String
}

/// The terminal while the explorer runs: curses is set up by `open` and given back by
/// `close` (and by the signal guard if the process dies first). Main thread only.
final class TerminalSession {
  private var painter: ScreenPainter
  private var isOpen = true

  /// True if the screen uses colour.
  let usesColor: Bool

  private init(painter: ScreenPainter, usesColor: Bool) {
    self.painter = painter
    self.usesColor = usesColor
  }

  /// Takes over the terminal: the signal guard, the curses screen, raw-ish input, colour and
  /// (if `mouse`) clicks and the wheel. `unicode` is false when the locale cannot show wide
  /// characters.
  static func open(color: Bool, unicode: Bool, mouse: Bool) throws(TerminalError)
    -> TerminalSession
  {
    // The guard goes first: curses only installs its own SIGINT/SIGTERM handlers when
    // none is there, and ours must win.
    SignalGuard.install()
    guard sg_open_screen(nil) != 0 else {
      SignalGuard.remove()
      throw TerminalError(description: "cannot open the terminal (is TERM set to a known type?)")
    }
    SignalGuard.cursesActive(true)
    _ = sg_stderr_capture_begin()
    cbreak()
    noecho()
    nonl()
    intrflush(sg_stdscr(), false)
    keypad(sg_stdscr(), true)
    sg_define_extra_keys()
    leaveok(sg_stdscr(), true)
    curs_set(0)
    set_escdelay(25)
    if mouse { _ = sg_enable_mouse() }
    let palette = ColorPalette(wanted: color)
    return TerminalSession(
      painter: ScreenPainter(palette: palette, unicode: unicode), usesColor: palette.usesColor)
  }

  /// The screen size in columns and rows.
  var size: (width: Int, height: Int) {
    var rows: Int32 = 0
    var columns: Int32 = 0
    sg_screen_size(&rows, &columns)
    return (Int(columns), Int(rows))
  }

  /// Waits up to `milliseconds` for a key or a resize; nil if none came (or one that means
  /// nothing to the explorer).
  func nextEvent(waitingUpTo milliseconds: Int) -> TerminalEvent? {
    var code: UInt32 = 0
    switch sg_read_key(Int32(clamping: milliseconds), &code) {
    case Int32(SG_INPUT_CHARACTER): return KeyDecoder.decode(character: code)
    case Int32(SG_INPUT_FUNCTION):
      if code == UInt32(SG_KEY_MOUSE) { return Self.readMouse() }
      return KeyDecoder.decode(functionKey: code)
    default: return nil
    }
  }

  /// The pending mouse report as an event, if it is one the explorer uses.
  private static func readMouse() -> TerminalEvent? {
    var x: Int32 = 0
    var y: Int32 = 0
    let action: MouseEvent.Action
    switch sg_read_mouse(&x, &y) {
    case Int32(SG_MOUSE_CLICK): action = .click
    case Int32(SG_MOUSE_WHEEL_UP): action = .wheelUp
    case Int32(SG_MOUSE_WHEEL_DOWN): action = .wheelDown
    default: return nil
    }
    return .mouse(MouseEvent(x: Int(x), y: Int(y), action: action))
  }

  /// Draws the buffer (only what changed since the last frame).
  @discardableResult
  func draw(_ buffer: Buffer) -> Int { painter.paint(buffer) }

  /// Makes the next `draw` repaint everything (after a resize).
  func invalidate() { painter.invalidate() }

  /// Gives the terminal back: leaves curses, replays captured stderr, puts the previous
  /// signal handlers back. Safe to call twice.
  func close() {
    guard isOpen else { return }
    isOpen = false
    SignalGuard.cursesActive(false)
    endwin()
    sg_stderr_capture_end()
    SignalGuard.remove()
  }

  deinit { close() }
}
