import Foundation

/// A program running in a detached tmux pane of a fixed size, on a tmux server of its own
/// (so tests never touch the user's sessions). Like `/work/shared/bin/screen`: the pane
/// records `stty -g` before and after the program and its exit status, then idles so the
/// last screen can still be read. Call `close()` (in a `defer`) to kill the server.
final class TmuxSession {
  static let executable: String? = [
    "/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux",
  ]
  .first { FileManager.default.isExecutableFile(atPath: $0) }

  let socket: String
  let folder: URL
  private let tmux: String
  private var serverPID: pid_t?

  /// Starts `command` in a `width` x `height` pane with TERM=xterm-256color and a UTF-8 locale.
  init(
    _ command: [String], width: Int = 100, height: Int = 32,
    environment: [String: String] = [:], term: String = "xterm-256color"
  ) throws {
    guard let tmux = Self.executable else { throw TmuxError("tmux is not installed") }
    self.tmux = tmux
    let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    socket = "samplegrad-test-\(unique)"
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "samplegrad-e2e-\(unique)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // tmux sets TERM from its default-terminal option, so the script sets it again.
    let exports = (environment.merging(["TERM": term, "LANG": "C.UTF-8"]) { _, new in new })
      .sorted { $0.key < $1.key }
      .map { "export \($0.key)=\(Self.quote($0.value))" }.joined(separator: "\n")
    // `trap : INT QUIT`: Ctrl-C and Ctrl-\ must end the program, not the script that records
    // how it ended (a handler, unlike an ignored signal, is not inherited by the program).
    // `ulimit -c 0`: a program a test ends with SIGQUIT, SIGXCPU or a crash leaves no core.
    let script = """
      trap : INT QUIT
      ulimit -c 0
      \(exports)
      stty -g > \(Self.quote(path("before")))
      \(command.map(Self.quote).joined(separator: " "))
      echo $? > \(Self.quote(path("exit.tmp")))
      stty -g > \(Self.quote(path("after")))
      mv \(Self.quote(path("exit.tmp"))) \(Self.quote(path("exit")))
      sleep 60
      """
    try script.write(to: folder.appendingPathComponent("run.sh"), atomically: true, encoding: .utf8)
    try run([
      "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)",
      "-e", "TERM=\(term)", "-e", "LANG=C.UTF-8", "sh \(Self.quote(path("run.sh")))",
    ])
    serverPID = (try? run(["display-message", "-p", "#{pid}"]))
      .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
  }

  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  /// The pane's text now.
  func screen() -> String { (try? run(["capture-pane", "-p", "-t", "main"])) ?? "" }

  /// Types keys as `tmux send-keys` names them (`]`, `Escape`, `C-c`, `Down`).
  func send(_ keys: String...) throws { try run(["send-keys", "-t", "main"] + keys) }

  /// Polls the screen every 100 ms until `condition` holds on two captures 200 ms apart;
  /// returns the second, or nil if that never happened before the deadline.
  ///
  /// Why twice: ncurses writes a large frame in several chunks, and a capture can land between
  /// them, half the new frame over half the old. A condition that only the new frame's top
  /// rows satisfy would then hand the caller a screen whose lower rows are still the old one
  /// (CI saw a tour step's header over the previous step's panels). The second capture comes
  /// long after the frame's last chunk.
  func waitForScreen(seconds: Double = 15, _ condition: (String) -> Bool) -> String? {
    let end = Date().addingTimeInterval(seconds)
    repeat {
      if condition(screen()) {
        Thread.sleep(forTimeInterval: 0.2)
        let settled = screen()
        if condition(settled) { return settled }
      }
      Thread.sleep(forTimeInterval: 0.1)
    } while Date() < end
    return nil
  }

  /// The program's exit status once it has ended (waits up to `seconds`).
  func waitForExit(seconds: Double = 15) -> Int32? {
    let end = Date().addingTimeInterval(seconds)
    repeat {
      if let text = try? String(contentsOfFile: path("exit"), encoding: .utf8) {
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
      }
      Thread.sleep(forTimeInterval: 0.1)
    } while Date() < end
    return nil
  }

  /// Whether `stty -g` printed the same settings before and after the program.
  var terminalRestored: Bool {
    let before = try? String(contentsOfFile: path("before"), encoding: .utf8)
    let after = try? String(contentsOfFile: path("after"), encoding: .utf8)
    return before != nil && before == after
  }

  /// Whether the pane is on the alternate screen, and whether its cursor is visible.
  func modes() -> (alternateScreen: Bool, cursorVisible: Bool)? {
    guard
      let text = try? run(["display-message", "-p", "-t", "main", "#{alternate_on} #{cursor_flag}"])
    else { return nil }
    let flags = text.split(whereSeparator: \.isWhitespace)
    guard flags.count == 2 else { return nil }
    return (flags[0] == "1", flags[1] == "1")
  }

  /// The pane's mouse reporting modes that are on: `standard` (1000), `button` (1002),
  /// `any` (1003), `sgr` (1006), `utf8` (1005); empty when none is (or tmux cannot say).
  func mouseModes() -> [String] {
    let names = ["standard", "button", "any", "sgr", "utf8"]
    let format = names.map { "#{mouse_\($0)_flag}" }.joined(separator: " ")
    guard let text = try? run(["display-message", "-p", "-t", "main", format]) else { return [] }
    let flags = text.split(whereSeparator: \.isWhitespace)
    return zip(names, flags).filter { $0.1 == "1" }.map(\.0)
  }

  /// The pid of the program the pane's shell started (its only child while it runs).
  func programPID() -> Int32? {
    guard let shell = try? run(["display-message", "-p", "-t", "main", "#{pane_pid}"]),
      let pid = Int32(shell.trimmingCharacters(in: .whitespacesAndNewlines))
    else { return nil }
    let children =
      (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8))
      ?? (try? ChildProcess.run("/usr/bin/pgrep", ["-P", "\(pid)"]))?.standardOutput ?? ""
    return children.split(whereSeparator: \.isWhitespace).first.flatMap { Int32($0) }
  }

  /// Kills the tmux server (and with it the program, by SIGHUP) and removes the temporary
  /// files. A server that does not go within two seconds is killed outright.
  func close() {
    _ = try? run(["kill-server"])
    if let pid = serverPID {
      let end = Date().addingTimeInterval(2)
      while Self.isAlive(pid), Date() < end { usleep(50_000) }
      if Self.isAlive(pid) { kill(pid, SIGKILL) }
    }
    try? FileManager.default.removeItem(at: folder)
  }

  /// Whether `pid` still runs (a zombie waiting to be reaped by init does not).
  private static func isAlive(_ pid: pid_t) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return true }
    return !stat[close...].hasPrefix(") Z")
  }

  @discardableResult
  private func run(_ arguments: [String]) throws -> String {
    let result = try ChildProcess.run(
      tmux, ["-L", socket] + arguments, deadline: 10)
    guard result.status == 0 else {
      throw TmuxError("tmux \(arguments.first ?? ""): \(result.standardError)")
    }
    return result.standardOutput
  }

  private static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

struct TmuxError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
