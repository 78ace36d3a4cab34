import Foundation

/// Keeps the Swift runtime's crash report from waiting for a key press.
///
/// On a crash in a terminal the backtracer offers an interactive prompt (and waits 25 s for
/// a key). The runtime reads `SWIFT_BACKTRACE` once, when the process starts, so `setenv`
/// alone is too late: the explorer sets it and runs itself again (same pid, same arguments)
/// unless the user has chosen an `interactive` setting already.
enum CrashReportSetting {
  static func ensureNonInteractive(environment: [String: String]) {
    let current = environment["SWIFT_BACKTRACE"] ?? ""
    if current.contains("interactive=") { return }
    let value = current.isEmpty ? "interactive=no" : current + ",interactive=no"
    setenv("SWIFT_BACKTRACE", value, 1)
    guard let executable = executablePath else { return }
    // On success execv does not return; if it fails, go on without the setting.
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
