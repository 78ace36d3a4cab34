import Foundation
import Testing

/// Every command's output into a full disk, a closed stdout and a pipe whose reader left
/// (issue 21 ran 126 such cases): exit 1 with one line saying why, or 141 and nothing for
/// the pipe, never a crash, a hang or a partial success. `train` writes as its race runs
/// now, so its output fails in the middle: its workers must stop with it.
@Suite("Fuzz: output errors", .timeLimit(.minutes(5)))
struct OutputErrorFuzzTests {
  static let seed: UInt64 = 126

  /// Commands that print, in each format, kept small; `train` with a dense trace, so its
  /// output is far larger than a pipe holds.
  static func commands(tour: String, _ random: inout FuzzRandom) -> [[String]] {
    let preset = random.pick(["bias-and-variance", "relax-toy", "gaussian-cosine"])
    var commands: [[String]] = [
      ["presets"], ["tours"], ["check", preset], ["--help"], ["--version"], ["sweep", "--help"],
      ["--generate-completion-script", random.pick(["bash", "zsh", "fish"])],
      ["tour", tour, "--check"],
      ["bench", "--seconds", "0.01", "--format", random.pick(["json", "table"])],
    ]
    for format in ["json", "table"] {
      commands.append(["run", "--preset", preset, "--samples", "200", "--format", format])
      commands.append(["overview", "--preset", preset, "--samples", "200", "--format", format])
    }
    for format in ["json", "csv", "table"] {
      commands.append([
        "sweep", "--preset", preset, "--samples", "100", "--points", "3", "--format", format,
      ])
      commands.append([
        "train", "--preset", preset, "--steps", "\(random.int(in: 2000...4000))", "--every", "1",
        "--format", format,
      ])
    }
    return commands
  }

  @Test("a full disk, a closed stdout or a vanished reader, for every command")
  func everyCommandEveryFailure() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let tour = try folder.write(
      "quick-tour.toml",
      try String(
        contentsOf: BuiltExecutable.packageRoot.appendingPathComponent(
          "tours/backprop-through-samples.toml"), encoding: .utf8
      ).replacingOccurrences(of: "samples = 100000", with: "samples = 300"))
    var random = FuzzRandom(seed: Fuzz.seedOverride ?? Self.seed)
    // Every command, or every third under the thread sanitizer.
    let commands = Self.commands(tour: tour, &random).enumerated()
      .filter { $0.offset % Fuzz.share == 0 }.map(\.element)
    let found = Fuzz.run(commands.count, seed: Self.seed) { index, _ in
      try Self.problems(commands[index])
    }
    Fuzz.expectNone(found)
  }

  static func problems(_ arguments: [String]) throws -> [String] {
    var found: [String] = []
    for (stream, reason) in [
      (ChildStream.file("/dev/full"), "No space left on device"),
      (.closed, "Bad file descriptor"),
    ] {
      let result = try Samplegrad.run(arguments, standardOutput: stream, deadline: 30)
      let expected: [Substring] = ["samplegrad: error: cannot write to standard output (\(reason))"]
      if result.timedOut || result.status != 1 || result.errorLines != expected {
        found.append(
          "\(arguments) into \(reason): exit \(result.status): \(result.standardError.prefix(500))")
      }
    }
    let binary = try #require(BuiltExecutable.samplegrad)
    let command = ([binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let piped = try ChildProcess.run(
      "/bin/bash", ["-c", "\(command) | true; echo \"status ${PIPESTATUS[0]}\""],
      environment: Samplegrad.environment, deadline: 30)
    // The reader may leave after a short output was all written (0), else 141, silently.
    if !["status 141\n", "status 0\n"].contains(piped.standardOutput)
      || !piped.standardError.isEmpty
    {
      found.append(
        "\(arguments) into a closed pipe: \(piped.standardOutput) \(piped.standardError.prefix(500))"
      )
    }
    return found
  }
}
