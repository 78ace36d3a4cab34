import Foundation
import Testing

@testable import samplegrad

/// Issue 12, item 11: the explorer's restart for the crash report setting, made explicit.
@Suite("Crash report setting")
struct CrashReportSettingTests {
  @Test(
    "the explorer adds interactive=no unless the user chose an interactive setting",
    arguments: [
      (nil, "interactive=no"), ("", "interactive=no"),
      ("color=no", "color=no,interactive=no"), ("interactive=yes", nil),
      ("enable=yes,interactive=no", nil),
    ] as [(String?, String?)])
  func required(current: String?, expected: String?) {
    #expect(CrashReportSetting.required(current: current) == expected)
  }

  @Test("the guard handles every signal whose default action ends the process")
  func guardedSignals() {
    // signal(7): the default action of these is Term or Core. SIGKILL and SIGSTOP cannot
    // be caught; the real-time signals (SIGRTMIN to SIGRTMAX, 34 to 64 on Linux) end the
    // process too.
    var expected: Set<Int32> = [
      SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGUSR1, SIGSEGV,
      SIGUSR2, SIGPIPE, SIGALRM, SIGTERM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGSYS,
    ]
    #if os(Linux)
      expected.formUnion([SIGSTKFLT, SIGIO, SIGPWR])
      expected.formUnion(34...64)
    #endif
    #expect(Set(SignalGuard.guardedSignals) == expected)
  }
}
