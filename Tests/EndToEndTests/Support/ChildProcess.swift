import Foundation

/// What a finished child process left behind.
struct ProcessResult {
  /// The exit status, or 128 + the signal that ended it (as a shell reports it).
  var status: Int32
  var standardOutput: String
  var standardError: String
  /// True if it was still running at the deadline (and was killed).
  var timedOut: Bool
}

/// Runs programs with `posix_spawn` and `waitpid` on their own pid. (Foundation's `Process`
/// can miss a child's exit on Linux and then hang in `waitUntilExit`.) Output goes to
/// temporary files, so a chatty child never blocks on a full pipe; stdin is /dev/null.
enum ChildProcess {
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    deadline seconds: Double = 20
  ) throws -> ProcessResult {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("samplegrad-child-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outputPath = folder.appendingPathComponent("stdout").path
    let errorPath = folder.appendingPathComponent("stderr").path

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    let environment = environment ?? ProcessInfo.processInfo.environment
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else {
      throw ChildProcessError(description: "cannot run \(executable): error \(spawned)")
    }

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
}

struct ChildProcessError: Error, CustomStringConvertible {
  let description: String
}
