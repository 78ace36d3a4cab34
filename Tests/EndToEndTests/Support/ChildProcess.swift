import Foundation

/// What a finished child process left behind.
struct ProcessResult {
  /// The exit status, or 128 + the signal that ended it (as a shell reports it).
  var status: Int32
  var standardOutput: String
  var standardError: String
  /// True if it was still running at the deadline (and was killed).
  var timedOut: Bool

  /// The lines written to stderr.
  var errorLines: [Substring] { standardError.split(separator: "\n") }
}

/// Where a child's stdout or stderr goes.
enum ChildStream {
  /// A temporary file, read back into the result.
  case capture
  /// A file (e.g. `/dev/full`), opened for writing.
  case file(String)
  /// Not open at all (`>&-`).
  case closed
}

/// Runs programs with `posix_spawn` and `waitpid` on their own pid. (Foundation's `Process`
/// can miss a child's exit on Linux and then hang in `waitUntilExit`.) Output goes to
/// temporary files, so a chatty child never blocks on a full pipe; stdin is /dev/null;
/// signals start unblocked and at their defaults, as from a shell.
enum ChildProcess {
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    standardOutput: ChildStream = .capture, standardError: ChildStream = .capture,
    deadline seconds: Double = 20
  ) throws -> ProcessResult {
    try start(
      executable, arguments, environment: environment, standardOutput: standardOutput,
      standardError: standardError
    ).wait(deadline: seconds)
  }

  /// Starts a child and returns at once; `wait` collects it.
  static func start(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    standardOutput: ChildStream = .capture, standardError: ChildStream = .capture
  ) throws -> RunningChild {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("samplegrad-child-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let outputPath = folder.appendingPathComponent("stdout").path
    let errorPath = folder.appendingPathComponent("stderr").path

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    for (descriptor, stream, path) in [
      (Int32(1), standardOutput, outputPath), (Int32(2), standardError, errorPath),
    ] {
      switch stream {
      case .capture:
        posix_spawn_file_actions_addopen(
          &actions, descriptor, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      case .file(let file):
        posix_spawn_file_actions_addopen(&actions, descriptor, file, O_WRONLY, 0)
      case .closed:
        posix_spawn_file_actions_addclose(&actions, descriptor)
      }
    }

    let environment = environment ?? ProcessInfo.processInfo.environment
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    // As a shell starts a program: no signal blocked, every signal at its default action
    // (the test runner may block or ignore some, and a child would inherit that).
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var all = sigset_t()
    sigfillset(&all)
    sigdelset(&all, SIGKILL)
    sigdelset(&all, SIGSTOP)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard spawned == 0 else {
      try? FileManager.default.removeItem(at: folder)
      throw ChildProcessError(description: "cannot run \(executable): error \(spawned)")
    }
    return RunningChild(pid: pid, folder: folder, outputPath: outputPath, errorPath: errorPath)
  }
}

/// A started child: its pid (to signal it) and where its output goes.
struct RunningChild {
  let pid: pid_t
  let folder: URL
  let outputPath: String
  let errorPath: String

  /// Waits for the child (killing it at the deadline) and reads what it wrote.
  func wait(deadline seconds: Double = 20) -> ProcessResult {
    defer { try? FileManager.default.removeItem(at: folder) }
    var status: Int32 = 0
    var timedOut = false
    let end = Date().addingTimeInterval(seconds)
    while waitpid(pid, &status, WNOHANG) == 0 {
      if Date() >= end {
        timedOut = true
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        break
      }
      usleep(20_000)
    }
    let signal = status & 0x7F
    return ProcessResult(
      status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal,
      standardOutput: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
      standardError: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "",
      timedOut: timedOut)
  }

  /// Waits for the child (killing it at the deadline) and returns its exit status and the
  /// highest peak resident memory read while it ran (`VmHWM`, every 5 ms; the mark never
  /// falls, so a late reading holds every earlier peak). Not `wait4`'s `ru_maxrss`: a
  /// spawned child's starts at its parent's size (the test runner's 100 MB), whatever its own.
  func waitForPeakMemory(deadline seconds: Double = 60) -> (status: Int32, peakBytes: Int) {
    defer { try? FileManager.default.removeItem(at: folder) }
    var status: Int32 = 0
    var peak = 0
    let end = Date().addingTimeInterval(seconds)
    while waitpid(pid, &status, WNOHANG) == 0 {
      peak = max(peak, peakMemory ?? 0)
      if Date() >= end {
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        break
      }
      usleep(5_000)
    }
    let signal = status & 0x7F
    return (signal == 0 ? (status >> 8) & 0xFF : 128 + signal, peak)
  }

  /// The peak resident memory so far, in bytes (`VmHWM` in /proc), if it can be read.
  var peakMemory: Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return nil }
    let kilobytes = line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap {
      Int($0)
    }
    return kilobytes.map { $0 * 1024 }
  }
}

struct ChildProcessError: Error, CustomStringConvertible {
  let description: String
}
