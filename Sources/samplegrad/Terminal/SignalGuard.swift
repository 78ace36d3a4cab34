@preconcurrency import CNcursesw

/// The Swift side of the C signal guard (see `CNcursesw.h`): while curses owns the terminal,
/// crash signals, SIGHUP and SIGQUIT restore it before the process goes on to die, and
/// SIGINT/SIGTERM only set a flag the main loop reads between frames.
enum SignalGuard {
  static func install() { sg_guard_install() }
  static func remove() { sg_guard_remove() }
  static func cursesActive(_ active: Bool) { sg_guard_set_curses_active(active ? 1 : 0) }

  /// SIGINT or SIGTERM if one arrived, else nil. Read from the main loop.
  static var stopSignal: Int32? {
    let signal = sg_stop_signal()
    return signal == 0 ? nil : signal
  }
}

/// The explorer stopped on a signal: the exit status is 128 + its number (130 for SIGINT,
/// 143 for SIGTERM), as a shell reports a program that a signal ended.
struct SignalExit: Error {
  let signal: Int32
}
