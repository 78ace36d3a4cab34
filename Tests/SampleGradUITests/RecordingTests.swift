import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

/// Recordings (`--record`, `tour --cast`): each frame is written as the text a terminal draws
/// it from, and replaying that text on a screen of the test's own (`VirtualTerminal`) gives
/// back the very cells that were recorded, colours and attributes included.
@Suite("Recordings")
struct RecordingTests {
  /// Every cell the same, character and style; the first difference otherwise.
  static func difference(_ a: Buffer, _ b: Buffer) -> String? {
    guard a.width == b.width, a.height == b.height else {
      return "size \(a.width)x\(a.height) against \(b.width)x\(b.height)"
    }
    for y in 0..<a.height {
      for x in 0..<a.width where a[x, y] != b[x, y] {
        return "(\(x),\(y)): \(a[x, y]) against \(b[x, y]); row: \(b.line(y))"
      }
    }
    return nil
  }

  static func screens(_ options: DisplayOptions) -> [Buffer] {
    let snapshot = HandBuilt.categorical(after: true)
    var explorer = Explorer(presets: Fixtures.presets, options: options)
    var screens = [Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer)]
    for key: Key in [.character("c"), .character("m"), .character("?"), .escape] {
      _ = explorer.handle(key, snapshot: snapshot)
      screens.append(Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer))
    }
    explorer.screenWidth = 160
    explorer.screenHeight = 48
    screens.append(Fixtures.screen(snapshot, width: 160, height: 48, explorer: explorer))
    return screens
  }

  @Test(
    "a session's frames replay to the same cells, in every theme, in ASCII and without colour",
    arguments: [
      DisplayOptions(), DisplayOptions(theme: .light), DisplayOptions(color: false),
      DisplayOptions(ascii: true), DisplayOptions(charts: .glyphs),
    ])
  func replaysFrames(options: DisplayOptions) {
    var recorder = CastRecorder(color: options.theme != .mono)
    var lines = [Asciicast.header(width: 80, height: 24, timestamp: 1, title: "a \"test\"")]
    let screens = Self.screens(options)
    for (i, screen) in screens.enumerated() {
      lines += recorder.record(screen, at: Double(i) * 0.5)
    }
    lines.append(recorder.finish(at: 10))
    let cast = CastFileReading(lines)
    #expect(cast.problems.isEmpty, "\(cast.problems)")
    #expect(cast.width == 80 && cast.height == 24)
    // One resize event, to 160x48, before the last frame.
    #expect(cast.events.filter { $0.code == "r" }.map(\.data) == ["160x48"])
    for (i, screen) in screens.enumerated() {
      let replayed = cast.replay(until: Double(i) * 0.5)
      #expect(replayed.unknown.isEmpty, "\(replayed.unknown.prefix(3))")
      #expect(Self.difference(replayed.buffer, screen) == nil, "frame \(i)")
    }
    #expect(cast.replay().cursorVisible)
  }

  @Test("a frame that changes nothing writes no event; a change writes only its cells")
  func onlyChanges() {
    let screen = Self.screens(DisplayOptions())[0]
    var recorder = CastRecorder(color: true)
    let first = recorder.record(screen, at: 0)
    #expect(first.count == 1)
    #expect(recorder.record(screen, at: 1).isEmpty)
    var changed = screen
    changed.write("xyz", x: 10, y: 5)
    let second = recorder.record(changed, at: 2)
    #expect(second.count == 1)
    #expect(second[0].count < 80, "\(second[0])")
    #expect(second[0].contains("\\u001b[6;11H"))
  }

  @Test("the header and every event are one JSON value per line, times never going back")
  func validLines() throws {
    let header = Asciicast.header(width: 100, height: 30, timestamp: 1_700_000_000, title: "τ\n")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(header.utf8)) as? [String: Any])
    #expect(object["version"] as? Int == 2 && object["width"] as? Int == 100)
    #expect(object["title"] as? String == "τ\n")
    #expect(!header.contains("\n"))
    let event = Asciicast.event(1.5, "o", "\u{1B}[0m\"é")
    let array = try #require(try JSONSerialization.jsonObject(with: Data(event.utf8)) as? [Any])
    #expect(array.count == 3 && array[2] as? String == "\u{1B}[0m\"é")
    var recorder = CastRecorder(color: true)
    let screen = Self.screens(DisplayOptions())[0]
    _ = recorder.record(screen, at: 5)
    var other = screen
    other.write("!", x: 0, y: 0)
    let late = recorder.record(other, at: 2)
    #expect(late.first?.hasPrefix("[5.000000,") == true)
  }

  /// A tour of three steps (the live view, a knob turned, a race), with few samples each.
  static let tour = Tour(
    name: "cast", title: "A recorded lecture",
    steps: [
      TourStep(
        title: "Bias and variance",
        caption: Array(repeating: TourPlaybackTests.caption, count: 4).joined(separator: " "),
        preset: "bias-and-variance", samples: 3000),
      TourStep(
        title: "Cooler", caption: "Lower the temperature: the bias shrinks.", temperature: 0.1,
        samples: 3000),
      TourStep(title: "A race", caption: "Each estimator trains its own copy.", view: .race),
    ])

  @Test("a tour renders headless: each step after its samples, its caption first, a valid cast")
  func tourCast() throws {
    let race = try Scenario(
      name: "race", title: "A short race", estimators: [.exact, .scoreFunction, .gumbelSoftmax],
      distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: 0.5),
      objective: .quadratic(target: [0, 0, 1, 0]), training: TrainingSettings(steps: 60))
    let scenarios = [
      HandBuilt.categoricalScenario, try HandBuilt.categoricalScenario.with(temperature: 0.1), race,
    ]
    let playback = try #require(TourPlayback(tour: Self.tour, scenarios: scenarios))
    var steps: [Int] = []
    let renderer = TourCast(
      width: 80, height: 24, stepSeconds: 4, options: DisplayOptions())
    let frames = renderer.frames(playback, seed: 7, presets: Fixtures.presets) {
      steps.append($0)
    }
    #expect(steps == [1, 2, 3])
    // Step 1's long caption takes a box at 80x24 (two pages here), then the screen alone;
    // the short captions one page each.
    let texts = frames.map { $0.buffer.lines.joined(separator: "\n") }
    #expect(texts[0].contains("Step 1/3 · Bias and variance (1/2)") && texts[0].contains("c: more"))
    #expect(
      texts[1].contains("Step 1/3 · Bias and variance (2/2)")
        && texts[1].contains("watch both move."))
    #expect(frames.map(\.time).first == 0)
    #expect(zip(frames, frames.dropFirst()).allSatisfy { $0.time <= $1.time })
    let stepOne = texts.filter { $0.contains("step 1/3") }
    #expect(stepOne.last?.contains("samples") == true)
    #expect(texts.contains { $0.contains("step 2/3") && $0.contains("Lower the temperature") })
    let last = try #require(texts.last)
    #expect(
      last.contains("step 3/3") && last.contains("Training race") && last.contains("finished"))

    let cast = CastFileReading(renderer.cast(frames, title: Self.tour.title))
    #expect(cast.problems.isEmpty, "\(cast.problems)")
    for frame in frames {
      let replayed = cast.replay(until: frame.time)
      #expect(replayed.unknown.isEmpty)
      #expect(Self.difference(replayed.buffer, frame.buffer) == nil, "at \(frame.time) s")
    }
    // Three steps of four seconds: the last frame stays until the third step's end.
    #expect((cast.events.last?.time ?? 0) == 12)
  }
}
