@preconcurrency import CNcursesw

/// The Swift side of the C signal guard (see `CNcursesw.h`): while curses owns the terminal,
/// every signal that would end the process restores it first, and SIGINT, SIGTERM and
/// SIGQUIT only set a flag the main loop reads between frames.
enum SignalGuard {
  static func install() { sg_guard_install() }
  static func remove() { sg_guard_remove() }
  static func cursesActive(_ active: Bool) { sg_guard_set_curses_active(active ? 1 : 0) }

  /// SIGINT, SIGTERM or SIGQUIT if one arrived, else nil. Read from the main loop.
  static var stopSignal: Int32? {
    let signal = sg_stop_signal()
    return signal == 0 ? nil : signal
  }

  /// Every signal the guard handles.
  static var guardedSignals: [Int32] {
    (0..<sg_guarded_signal_count()).map { sg_guarded_signal($0) }
  }

  /// Outside the explorer: SIGQUIT prints one line and exits 131 (no crash report).
  static func installQuitHandler() { sg_quit_install() }
}

/// The explorer stopped on a signal: the exit status is 128 + its number (130 for SIGINT,
/// 131 for SIGQUIT, 143 for SIGTERM), as a shell reports a program that a signal ended.
struct SignalExit: Error {
  let signal: Int32
}
