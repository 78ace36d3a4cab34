import ArgumentParser
import SampleGradCore
import SampleGradEngine

/// `samplegrad tour NAME [--check]`: plays a tour, or checks every claim it makes.
struct TourCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tour",
    abstract: "Check a guided tour's claims headless (--check).",
    discussion: """
      A tour is a list of steps, each a setting of the explorer with a caption and checks on the
      numbers. With --check, every step runs headless and each check prints PASS or FAIL with
      the measured values; the exit code is 1 if any check fails. 'samplegrad tours' lists them.
      """
  )

  @Argument(help: "A tour name (see 'samplegrad tours') or a path to a .toml file.")
  var tour: String

  @Flag(name: .long, help: "Run every step headless and evaluate its checks.")
  var check = false

  @Option(
    name: .long, parsing: .unconditional,
    help: "Worker threads, 1 to 1024 (default: all cores). Results do not depend on it.",
    transform: FlagValue.wholeNumber(Workers.range))
  var threads: Int?

  func run() throws {
    let loaded: Tour
    do {
      loaded = try TourLibrary.load(tour, from: TourLibrary.standard())
    } catch {
      throw Failure.scenario(error)
    }
    guard check else {
      throw Failure.usage(
        "\(tour): playing a tour in the explorer is not available yet; use --check")
    }
    let results: [TourChecker.Result]
    do {
      results = try TourChecker.check(
        loaded, presets: PresetLibrary.standard(), threads: threads ?? Workers.cores)
    } catch {
      throw Failure.lines(ScenarioError(source: tour, error).lines)
    }
    try Output.line("\(loaded.title)  (\(loaded.name), \(loaded.steps.count) steps)")
    for result in results { try Output.line(result.line) }
    let failed = results.filter { !$0.outcome.passed }.count
    try Output.line("\(results.count - failed) of \(results.count) checks pass")
    if failed > 0 { throw ExitCode(1) }
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
    let entries = library.entries()
    guard !entries.isEmpty else {
      throw Failure.lines(["no tours found (looked in \(library.folders.joined(separator: ", ")))"])
    }
    let width = entries.map(\.name.count).max() ?? 0
    for entry in entries {
      let pad = String(repeating: " ", count: width - entry.name.count)
      let line: String
      do throws(ScenarioError) {
        let tour = try TourDecoder.load(path: entry.path)
        line = "\(tour.steps.count) steps  \(tour.title)"
      } catch {
        line = "BROKEN: \(error.lines.first ?? error.description)"
      }
      try Output.line("\(entry.name)\(pad)  \(line)")
    }
  }
}
