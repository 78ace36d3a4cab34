import Dispatch
import SampleGradCore

/// Runs a training race headless and writes `samplegrad train`'s output as the race runs,
/// never holding the trace: `--every 1` over ten million steps stays in a few megabytes
/// (issue 21: a million steps took 5.1 GB as JSON). The bytes are those of `TrainingReport`
/// and `TrainingTable` on the finished race, followed by a newline, at any thread count.
///
/// JSON and CSV list lane after lane: workers race the lanes in parallel, each lane's text
/// goes through a bounded `LaneChannel`, and the calling thread writes the lanes in order.
/// The table lists step after step, every lane in a column sized to its widest loss, so it
/// races twice: once in parallel to learn the column widths and the final states, once in
/// lockstep to write the rows.
public enum TrainingStreamer {
  /// Steps a lane advances between two looks at its trace.
  static let blockSteps = 1024
  /// Text a lane gathers before handing it to the writer.
  static let pieceBytes = 1 << 16

  /// `TrainingReport.json(...).render()` and a newline, through `write`.
  public static func json(
    _ setup: RaceSetup, threads: Int, write: (String) throws -> Void
  ) throws {
    var document = TrainingJSONStream(setup: setup)
    try write(document.head())
    try streamLanes(
      setup, threads: threads, render: { TrainingLaneJSON() },
      beforeLane: { try write(document.nextLane()) }, write: write)
    try write(document.tail())
  }

  /// `TrainingReport.csv(...)` and a newline, through `write`.
  public static func csv(
    _ setup: RaceSetup, threads: Int, write: (String) throws -> Void
  ) throws {
    try write(TrainingReport.csvHeader(setup.scenario))
    try streamLanes(
      setup, threads: threads, render: { LaneCSV() }, beforeLane: {}, write: write)
    try write("\n")
  }

  /// `TrainingTable.render(...)` and a newline, through `write`.
  public static func table(
    _ setup: RaceSetup, threads: Int, write: (String) throws -> Void
  ) throws {
    let (columns, lanes) = learnColumns(setup, threads: threads)
    var lines = TrainingTable.headLines(setup) + [columns.header()]
    try write(lines.map { TrainingTable.trimmed($0) + "\n" }.joined())
    try writeRows(setup, columns: columns, write: write)
    lines = TrainingTable.tailLines(setup, lanes)
    try write(lines.map { TrainingTable.trimmed($0) }.joined(separator: "\n") + "\n")
  }

  // MARK: lane by lane (JSON, CSV)

  /// Races every lane on the workers and writes their text in the scenario's order.
  private static func streamLanes<Render: LaneText>(
    _ setup: RaceSetup, threads: Int, render: @escaping @Sendable () -> Render,
    beforeLane: () throws -> Void, write: (String) throws -> Void
  ) throws {
    let kinds = setup.scenario.estimators
    let channels = kinds.map { _ in LaneChannel() }
    let workers = max(1, min(threads, kinds.count))
    let group = DispatchGroup()
    for worker in 0..<workers {
      DispatchQueue.global().async(group: group) {
        for index in stride(from: worker, to: kinds.count, by: workers) {
          guard race(kinds[index], setup, render(), into: channels[index]) else { return }
        }
      }
    }
    do {
      for channel in channels {
        try beforeLane()
        reading: while true {
          switch channel.take() {
          case .text(let text): try write(text)
          case .done: break reading
          }
        }
      }
    } catch {
      for channel in channels { channel.cancel() }
      group.wait()
      throw error
    }
    group.wait()
  }

  /// Races one lane, putting its text into `channel` a piece at a time, then its result.
  /// False if the writer gave up.
  private static func race<Render: LaneText>(
    _ kind: EstimatorKind, _ setup: RaceSetup, _ render: Render, into channel: LaneChannel
  ) -> Bool {
    var render = render
    // The scenario checked that its estimators apply.
    var race = try! TrainingRace(setup: setup, estimators: [kind])
    var text = render.open(kind)
    repeat {
      race.advance(steps: blockSteps)
      text += render.points(race.takeTrace()[0])
      if text.utf8.count >= pieceBytes {
        guard channel.put(.text(text)) else { return false }
        text = ""
      }
    } while !race.isFinished
    let lane = race.result().lanes[0]
    text += render.close(lane)
    return channel.put(.text(text)) && channel.put(.done(lane))
  }

  // MARK: step by step (the table)

  /// The loss table's column widths and every lane's final state, from a race whose trace
  /// is read and dropped a block at a time.
  private static func learnColumns(_ setup: RaceSetup, threads: Int)
    -> (TrainingLossColumns, [LaneResult])
  {
    let kinds = setup.scenario.estimators
    let workers = max(1, min(threads, kinds.count))
    let learnt = OrderedResults<(TrainingLossColumns, LaneResult)>.collect(
      count: kinds.count, workers: workers
    ) { worker, results in
      for index in stride(from: worker, to: kinds.count, by: workers) {
        var race = try! TrainingRace(setup: setup, estimators: [kinds[index]])
        var columns = TrainingLossColumns(setup: setup)
        repeat {
          race.advance(steps: blockSteps)
          for point in race.takeTrace()[0] { columns.include(lane: index, point) }
        } while !race.isFinished
        results.put((columns, race.result().lanes[0]), at: index)
      }
    }
    var columns = TrainingLossColumns(setup: setup)
    for (lane, _) in learnt { columns.merge(lane) }
    return (columns, learnt.map(\.1))
  }

  /// The loss table's rows, every lane advancing a block at a time. A row is written once no
  /// lane can add a point to it: a lane at step s may still end its trace at s (when its
  /// next update diverges), so rows wait until every running lane has passed them.
  private static func writeRows(
    _ setup: RaceSetup, columns: TrainingLossColumns, write: (String) throws -> Void
  ) throws {
    let kinds = setup.scenario.estimators
    var races = kinds.map { try! TrainingRace(setup: setup, estimators: [$0]) }
    var pending: [Int: [Double?]] = [:]
    var running = true
    while running {
      for k in races.indices where !races[k].isFinished { races[k].advance(steps: blockSteps) }
      for k in races.indices {
        for point in races[k].takeTrace()[0] {
          var losses = pending[point.step] ?? [Double?](repeating: nil, count: kinds.count)
          if losses[k] == nil { losses[k] = point.loss }  // the first point at a step
          pending[point.step] = losses
        }
      }
      let frontier = races.filter { !$0.isFinished }.map(\.step).min()
      running = frontier != nil
      let ready = pending.keys.filter { frontier == nil || $0 < frontier! }.sorted()
      var text = ""
      for step in ready {
        text += TrainingTable.trimmed(columns.row(step: step, losses: pending[step]!)) + "\n"
        pending[step] = nil
      }
      if !text.isEmpty { try write(text) }
    }
  }
}

/// How a lane's part of the output is written as its trace comes.
protocol LaneText: Sendable {
  mutating func open(_ kind: EstimatorKind) -> String
  mutating func points(_ points: [TracePoint]) -> String
  mutating func close(_ lane: LaneResult) -> String
}

extension TrainingLaneJSON: LaneText {}

/// A lane's CSV rows, each after a newline (the header opens the output).
struct LaneCSV: LaneText {
  private var kind: EstimatorKind?

  mutating func open(_ kind: EstimatorKind) -> String {
    self.kind = kind
    return ""
  }

  mutating func points(_ points: [TracePoint]) -> String {
    guard let kind else { return "" }
    return points.map { "\n" + TrainingReport.csvRow(kind, $0) }.joined()
  }

  mutating func close(_ lane: LaneResult) -> String { "" }
}
