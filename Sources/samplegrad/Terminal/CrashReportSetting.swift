import Foundation

/// Keeps the Swift runtime's crash report from waiting for a key press in the explorer.
///
/// On a crash in a terminal the runtime's backtracer offers an interactive prompt and waits
/// up to 25 s for a key, on a screen the user cannot read. It reads `SWIFT_BACKTRACE` once,
/// when the process starts, so setting the variable later is too late. The explorer
/// therefore sets it and runs itself again, once, before it touches the terminal:
/// `execv` of the same binary with the same arguments, so the pid, the open descriptors and
/// the terminal are unchanged and nothing is printed. The second run finds the setting and
/// goes on. A user who chose an `interactive` setting keeps it (and no restart happens).
enum CrashReportSetting {
  /// The `SWIFT_BACKTRACE` value the explorer needs, or nil if `current` will do.
  static func required(current: String?) -> String? {
    let current = current ?? ""
    if current.contains("interactive=") { return nil }
    return current.isEmpty ? "interactive=no" : current + ",interactive=no"
  }

  /// Restarts the process with the required setting if it lacks it. Returns when no restart
  /// is needed, or when `execv` failed (the explorer then runs without the setting).
  static func restartIfInteractive(environment: [String: String]) {
    guard let value = required(current: environment["SWIFT_BACKTRACE"]),
      let executable = executablePath
    else { return }
    setenv("SWIFT_BACKTRACE", value, 1)
    _ = execv(executable, CommandLine.unsafeArgv)
  }

  /// The running binary's real path (not `/proc/self/exe`, which would rename the process
  /// to "exe" in `ps` and in crash reports).
  private static var executablePath: String? {
    #if os(Linux)
      let path = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
      return path == "/proc/self/exe" ? nil : path
    #else
      return Bundle.main.executablePath
    #endif
  }
}
