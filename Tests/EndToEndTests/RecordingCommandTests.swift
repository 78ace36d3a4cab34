import Foundation
import Testing

/// The recordings as a teacher makes them: `samplegrad tour NAME --cast FILE.cast` renders a
/// tour headless into an asciicast v2 file, and `--record FILE.cast` records a live session.
/// The cast's format is checked line by line: a header object with version 2, width and
/// height, then `[time, "o", text]` events whose times never go back.
@Suite("Recordings from the command line")
struct RecordingCommandTests {
  /// A two-step tour that samples little, so the render takes a second or two.
  static let tour = """
    title = "A recorded lecture"

    [[step]]
    title = "Bias and variance"
    preset = "bias-and-variance"
    samples = 3000
    caption = "Four estimators of one gradient: the score function is unbiased but noisy."

    [[step]]
    title = "Cooler"
    temperature = 0.1
    samples = 3000
    caption = "Lower the temperature: the bias shrinks."
    """

  /// The screen after each frame: cursor moves (`ESC[row;colH`) and text on a grid, every
  /// other control sequence skipped (colours, cursor visibility; a clear empties the grid).
  static func replay(_ frames: [String], width: Int, height: Int) -> [String] {
    var grid = Array(repeating: Array(repeating: Character(" "), count: width), count: height)
    var row = 0
    var column = 0
    var screens: [String] = []
    for frame in frames {
      var characters = Array(frame)[...]
      while let c = characters.popFirst() {
        if c == "\u{1B}", characters.first == "[" {
          characters.removeFirst()
          var parameters = ""
          while let p = characters.first, !p.isLetter {
            parameters.append(p)
            characters.removeFirst()
          }
          let command = characters.popFirst()
          let numbers = parameters.split(separator: ";").compactMap { Int($0) }
          if command == "H" {
            row = max((numbers.first ?? 1) - 1, 0)
            column = max((numbers.dropFirst().first ?? 1) - 1, 0)
          } else if command == "J", parameters == "2" {
            grid = Array(repeating: Array(repeating: " ", count: width), count: height)
          }
        } else if c == "\r" {
          column = 0
        } else if c == "\n" {
          row += 1
        } else if row < height, column < width {
          grid[row][column] = c
          column += 1
        }
      }
      screens.append(grid.map { String($0) }.joined(separator: "\n"))
    }
    return screens
  }

  /// The header and the events of a cast, or a description of the first problem.
  static func read(_ path: String) throws -> (header: [String: Any], events: [[Any]]) {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    let first = try #require(lines.first, "the cast is empty")
    let header = try #require(
      try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any],
      "the header is not an object: \(first)")
    var events: [[Any]] = []
    for line in lines.dropFirst() {
      let event = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any],
        "an event is not an array: \(line.prefix(80))")
      events.append(event)
    }
    return (header, events)
  }

  static func checkEvents(_ events: [[Any]]) {
    #expect(!events.isEmpty)
    var last = 0.0
    for event in events {
      #expect(event.count == 3)
      let time = event.first as? Double ?? -1
      #expect(time >= last, "time goes back: \(time) after \(last)")
      last = max(last, time)
      #expect(["o", "r"].contains(event[1] as? String ?? ""))
      #expect(event[2] is String)
    }
  }

  @Test("tour --cast renders headless into a valid asciicast v2 file, each step on screen")
  func tourCast() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let tour = try folder.write("lecture.toml", Self.tour)
    let cast = folder.path("lecture.cast")
    let result = try Samplegrad.run(
      ["tour", tour, "--cast", cast, "--step-seconds", "2", "--size", "100x30"], deadline: 120)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("wrote \(cast): 2 steps"))
    let (header, events) = try Self.read(cast)
    #expect(header["version"] as? Int == 2)
    #expect(header["width"] as? Int == 100 && header["height"] as? Int == 30)
    #expect(header["title"] as? String == "samplegrad tour: A recorded lecture")
    Self.checkEvents(events)
    let frames = events.compactMap { $0.last as? String }
    // Frames after the first write only the cells that changed, so the screens are read by
    // replaying them onto a grid, as a player does.
    let screens = Self.replay(frames, width: 100, height: 30)
    #expect(screens.first?.contains("step 1/2") == true)
    #expect(screens.contains { $0.contains("Cooler") && $0.contains("Lower the temperature") })
    // Two steps of two seconds each: the last frame stays to the end of the second.
    #expect(events.last?.first as? Double == 4)
  }

  @Test("--cast flags: a size out of range, --step-seconds without --cast, --cast with --check")
  func castUsage() throws {
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("samplegrad-\(UUID().uuidString).cast").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let tour = "backprop-through-samples"
    for arguments in [
      ["tour", tour, "--cast", out, "--size", "40x10"],
      ["tour", tour, "--step-seconds", "3"],
      ["tour", tour, "--cast", out, "--check"],
      ["tour", tour, "--cast", "/nonexistent-folder/x.cast"],
    ] {
      let result = try Samplegrad.run(arguments)
      #expect(result.status == 2, "\(arguments): \(result.standardError)")
      #expect(result.standardError.split(separator: "\n").count <= 2, "\(result.standardError)")
    }
  }

  @Test(
    "--record captures a live session: the pane's size in the header, the screen in the events",
    .enabled(if: TmuxSession.executable != nil, "tmux is not installed"))
  func recordLiveSession() throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let cast = folder.path("session.cast")
    let tmux = try TmuxSession(
      [binary, "explore", "--preset", "bias-and-variance", "--record", cast], width: 80,
      height: 24, environment: ExplorerInTmuxTests.environment)
    defer { tmux.close() }
    #expect(
      tmux.waitForScreen { $0.contains("Bias against variance") } != nil, "\(tmux.screen())")
    try tmux.send("m")
    _ = tmux.waitForScreen { $0.contains("pinned") }
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0, "\(tmux.screen())")
    let (header, events) = try Self.read(cast)
    #expect(header["version"] as? Int == 2)
    #expect(header["width"] as? Int == 80 && header["height"] as? Int == 24)
    Self.checkEvents(events)
    let text = events.compactMap { $0.last as? String }.joined()
    #expect(text.contains("Bias against variance"))
    // The last event gives the cursor back.
    #expect((events.last?.last as? String)?.hasSuffix("\u{1B}[?25h") == true)
  }
}
