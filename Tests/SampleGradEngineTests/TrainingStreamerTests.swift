import Foundation
import SampleGradCore
import Testing

@testable import SampleGradEngine

/// Issue 21, fault 3: `train --every 1` held the whole trace and the whole output (5.1 GB
/// for a million steps as JSON). `TrainingStreamer` writes the output as the race runs; it
/// must be the very bytes the finished race prints, in every format, whatever the thread
/// count, the trace's density (across the streamer's blocks of steps) or a lane that stops.
@Suite("Training written as it runs")
struct TrainingStreamerTests {
  enum Format: String, CaseIterable { case json, csv, table }

  /// Races that cross the streamer's blocks (every step traced past `blockSteps`), stop a
  /// lane early (a learning rate far too large), anneal, or have no finite optimum.
  static let races: [(preset: String, settings: TrainingSettings, every: Int)] = [
    ("relax-toy-race", TrainingSettings(steps: 2500), 1),
    ("categorical-race", TrainingSettings(steps: 600), 7),
    ("gaussian-race", TrainingSettings(steps: 300, learningRate: 3e4, optimizer: .sgd), 3),
    ("relax-toy-race", TrainingSettings(steps: 50, learningRate: 1e6), 7),
    ("bias-and-variance", TrainingSettings(steps: 1), 1),
    (
      "categorical-race",
      TrainingSettings(steps: 400, anneal: .exponential(minimum: 0.5, rate: 0.01)), 50
    ),
  ]

  /// Everything the streamer wrote, joined.
  static func streamed(_ format: Format, _ setup: RaceSetup, threads: Int) throws -> String {
    var pieces: [String] = []
    let write: (String) throws -> Void = { pieces.append($0) }
    switch format {
    case .json: try TrainingStreamer.json(setup, threads: threads, write: write)
    case .csv: try TrainingStreamer.csv(setup, threads: threads, write: write)
    case .table: try TrainingStreamer.table(setup, threads: threads, write: write)
    }
    return pieces.joined()
  }

  /// What the finished race prints, and the newline `Output.line` adds.
  static func whole(_ format: Format, _ result: TrainingResult) -> String {
    switch format {
    case .json: TrainingReport.json(result).render() + "\n"
    case .csv: TrainingReport.csv(result) + "\n"
    case .table: TrainingTable.render(result) + "\n"
    }
  }

  @Test(
    "the streamed output is the finished race's output, byte for byte", arguments: Format.allCases)
  func sameBytes(format: Format) throws {
    for race in Self.races {
      let scenario = try PresetLab.load(race.preset)
      let setup = try RaceSetup(
        scenario: scenario, settings: race.settings, seed: 5, every: race.every)
      let expected = Self.whole(format, TrainingRunner.run(setup, threads: 1))
      for threads in [1, 3] {
        let got = try Self.streamed(format, setup, threads: threads)
        #expect(got == expected, "\(race.preset) \(format) at \(threads) threads")
      }
    }
  }

  @Test("a stopped lane's last point joins the table where the finished race puts it")
  func stoppedLaneRows() throws {
    let setup = try RaceSetup(
      scenario: try PresetLab.load("relax-toy-race"),
      settings: TrainingSettings(steps: 50, learningRate: 1e6), seed: 5, every: 7)
    let table = try Self.streamed(.table, setup, threads: 2)
    #expect(table.contains("diverged at step"))
  }

  struct WriteFailed: Error {}

  @Test("a failed write stops the race's workers and is rethrown")
  func failedWrite() throws {
    let setup = try RaceSetup(
      scenario: try PresetLab.load("relax-toy-race"), settings: TrainingSettings(steps: 20_000),
      seed: 5, every: 1)
    var writes = 0
    #expect(throws: WriteFailed.self) {
      try TrainingStreamer.json(setup, threads: 4) { _ in
        writes += 1
        if writes == 3 { throw WriteFailed() }
      }
    }
  }
}
