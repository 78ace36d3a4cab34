import ArgumentParser
import Foundation
import SampleGradCore
import SampleGradEngine
import SampleGradUI

/// `samplegrad tour NAME [--check]`: plays a tour in the explorer, or checks every claim it
/// makes.
struct TourCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tour",
    abstract: "Play a guided tour in the explorer, or check its claims headless (--check).",
    discussion: """
      A tour is a list of steps, each a setting of the explorer with a caption and checks on the \
      numbers. Played, each step loads its own scenario, selects its parameter, opens its view \
      (live, sweep, race or overview) and shows its caption; space or the right arrow goes to \
      the next step, the left arrow back, P pauses, c shows the whole caption, and every other \
      key of the explorer works inside a step (h and l select a parameter). \
      'samplegrad tours' lists the tours.

      With --check, every step runs headless and each check prints PASS or FAIL with the \
      measured values; the exit code is 1 if any check fails.

      With --cast FILE.cast, the tour is played headless, without a terminal, into an \
      asciicast v2 recording (asciinema play FILE.cast): each step drawn once its samples are \
      in, its caption first where the screen has no room for all of it, --step-seconds per \
      step, at --size. --record FILE.cast records a tour played on the terminal instead.
      """
  )

  @Argument(help: "A tour name (see 'samplegrad tours') or a path to a .toml file.")
  var tour: String

  @Flag(name: .long, help: "Run every step headless and evaluate its checks.")
  var check = false

  @OptionGroup var workers: WorkerOptions

  @Option(
    name: .long, parsing: .unconditional,
    help: "Random seed of the explorer (default: the first step's, else 7).",
    transform: FlagValue.wholeNumber(UInt64.min...UInt64.max))
  var seed: UInt64?

  @Option(
    name: .long, help: "Render the tour headless into an asciicast v2 file.",
    completion: .file(extensions: ["cast"]))
  var cast: String?

  @Option(
    name: .customLong("step-seconds"), parsing: .unconditional,
    help: "With --cast: how long each step stays on screen, 0.5 to 600 (default 8).",
    transform: FlagValue.number(0.5...600))
  var stepSeconds: Double?

  @Option(
    name: .long, parsing: .unconditional,
    help: "With --cast: the screen's size in columns and rows, 80x24 to 400x200 (default 80x24).",
    transform: CastSize.parse)
  var size: CastSize?

  @OptionGroup var display: DisplayFlags

  func validate() throws {
    if cast == nil, stepSeconds != nil || size != nil {
      throw ValidationError("--step-seconds and --size need --cast")
    }
    if cast != nil, check { throw ValidationError("--cast and --check: choose one") }
    if cast != nil, display.record != nil {
      throw ValidationError("--cast renders headless and --record records the terminal: choose one")
    }
  }

  func run() throws {
    let loaded: Tour
    do {
      loaded = try TourLibrary.load(tour, from: TourLibrary.standard())
    } catch {
      throw Failure.scenario(error)
    }
    if check {
      try checkClaims(loaded)
    } else if let cast {
      try render(loaded, to: cast)
    } else {
      try play(loaded)
    }
  }

  /// `--cast`: every step resolved first, the file created before any sampling, then the tour
  /// rendered headless and written; a line per step on stderr says how far it is.
  private func render(_ loaded: Tour, to path: String) throws {
    let playback = try playback(loaded)
    let file = try CastFile(path: path, flag: "--cast")
    let size = size ?? CastSize(width: 80, height: 24)
    let color =
      display.theme != .mono && !display.noColor
      && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    let options = display.options(color: color, unicode: true)
    let renderer = TourCast(
      width: size.width, height: size.height, stepSeconds: stepSeconds ?? 8, options: options)
    let count = loaded.steps.count
    let frames = renderer.frames(
      playback, seed: playback.scenarios[0].resolvedSeed(seed),
      presets: PresetLibrary.standard().summaries()
    ) { step in
      Output.error("samplegrad: rendering step \(step)/\(count)")
    }
    for line in renderer.cast(frames, title: "samplegrad tour: \(loaded.title)") {
      guard file.write(line) else {
        throw Failure.lines(["--cast: cannot write \(path): \(file.failure ?? "")"])
      }
    }
    try Output.line(
      "wrote \(path): \(count) steps, \(frames.count) frames, \(size.width)x\(size.height)")
  }

  /// Resolves every step first (a broken step is one line and exit 2 before the screen
  /// changes), then plays the tour from its first step.
  private func play(_ loaded: Tour) throws {
    let playback = try playback(loaded)
    let scenarios = playback.scenarios
    let name = TerminalRequirements.safe(tour) ?? TourLibrary.defaultTour
    try ExplorerSession.run(
      scenario: scenarios[0], seed: scenarios[0].resolvedSeed(seed),
      display: display, suggestion: "samplegrad tour \(name) --check",
      title: "samplegrad tour: \(loaded.title)"
    ) { explorer, snapshot in
      explorer.play(playback, snapshot: snapshot)
    }
  }

  /// Every step's scenario, resolved before anything is drawn.
  private func playback(_ loaded: Tour) throws -> TourPlayback {
    let scenarios: [Scenario]
    do {
      scenarios = try loaded.scenarios(presets: PresetLibrary.standard(), source: tour)
    } catch {
      throw stepFailure(error.problems)
    }
    let models = loaded.models(presets: PresetLibrary.standard())
    guard let playback = TourPlayback(tour: loaded, scenarios: scenarios, models: models) else {
      throw Failure.lines(["\(tour): the tour has no steps"])
    }
    return playback
  }

  /// Steps that cannot be built, as one line like any input error: the first problem and how
  /// many more, with the tour's file named so `samplegrad check FILE` can list them all.
  private func stepFailure(_ problems: [ScenarioProblem]) -> Failure {
    let file = (try? TourLibrary.standard().locate(tour)) ?? tour
    return Failure.scenario(ScenarioError(source: file, problems: problems))
  }

  private func checkClaims(_ loaded: Tour) throws {
    let results: [TourChecker.Result]
    do {
      results = try TourChecker.check(
        loaded, presets: PresetLibrary.standard(), threads: workers.count)
    } catch {
      throw stepFailure(error.problems)
    }
    try Output.line(
      "\(loaded.title)  (\(loaded.name), \(NumberFormat.count(loaded.steps.count, "step")))")
    for result in results { try Output.line(result.line) }
    let failed = results.filter { !$0.outcome.passed }.count
    try Output.line("\(results.count - failed) of \(results.count) checks pass")
    if failed > 0 { throw ChecksFailed(count: failed) }
  }
}

/// `samplegrad tours`: the tours a teacher can play, one line each.
struct ToursCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tours",
    abstract: "List the built-in and user tours, one line each (name, steps and title)."
  )

  func run() throws {
    let library = TourLibrary.standard()
    try LibraryListing.print(TourLibrary.summaries(in: library), from: library)
  }
}

/// `--size WxH` of a headless recording.
struct CastSize: Sendable, Equatable {
  let width: Int
  let height: Int

  static let widths = 80...400
  static let heights = 24...200

  @Sendable static func parse(_ text: String) throws -> CastSize {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
      widths.contains(width), heights.contains(height)
    else {
      throw FlagValueError(
        description: "expected WIDTHxHEIGHT, \(widths.lowerBound) to \(widths.upperBound) "
          + "columns and \(heights.lowerBound) to \(heights.upperBound) rows, such as 80x24")
    }
    return CastSize(width: width, height: height)
  }
}
