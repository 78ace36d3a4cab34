import ArgumentParser
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

  @OptionGroup var display: DisplayFlags

  func run() throws {
    let loaded: Tour
    do {
      loaded = try TourLibrary.load(tour, from: TourLibrary.standard())
    } catch {
      throw Failure.scenario(error)
    }
    if check { try checkClaims(loaded) } else { try play(loaded) }
  }

  /// Resolves every step first (a broken step is one line and exit 2 before the screen
  /// changes), then plays the tour from its first step.
  private func play(_ loaded: Tour) throws {
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
    let name = TerminalRequirements.safe(tour) ?? TourLibrary.defaultTour
    try ExplorerSession.run(
      scenario: scenarios[0], seed: scenarios[0].resolvedSeed(seed),
      display: display, suggestion: "samplegrad tour \(name) --check"
    ) { explorer, snapshot in
      explorer.play(playback, snapshot: snapshot)
    }
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
