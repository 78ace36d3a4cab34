import ArgumentParser
import SampleGradCore

/// `samplegrad check FILE...`: validates scenario and tour files, one line per problem. A file
/// with `[[step]]` tables (or in a `tours/` folder) is a tour: its steps are resolved against
/// the presets and its checks against each step's estimators.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract:
      "Validate scenario and tour files; prints each problem with its file and key, exit 2 on any."
  )

  @Argument(
    help: "Scenario or tour files (.toml), or preset names.",
    completion: .file(extensions: ["toml"]))
  var files: [String]

  func run() throws {
    var problems: [String] = []
    let library = PresetLibrary.standard()
    for file in files {
      if TourDecoder.isTourFile(file) {
        switch checkTour(file, presets: library) {
        case .success(let tour):
          try Output.line(
            "\(file): ok (tour \(tour.name): \(tour.title), \(NumberFormat.count(tour.steps.count, "step")))"
          )
        case .failure(let error):
          problems += error.lines
        }
        continue
      }
      if let path = try? library.locate(file), VAEPreset.isModel(path: path) {
        switch Result(catching: { () throws(ScenarioError) in try VAEPreset.load(path: path) }) {
        case .success(let model): try Output.line("\(file): ok (\(model.name): \(model.title))")
        case .failure(let error): problems += error.lines
        }
        continue
      }
      let scenario: Scenario
      do {
        scenario = try library.load(file)
      } catch {
        problems += error.lines
        continue
      }
      try Output.line("\(file): ok (\(scenario.name): \(scenario.displayTitle))")
    }
    if !problems.isEmpty { throw Failure.lines(problems) }
  }

  /// A tour with its syntax, keys, steps' settings and checks' references all valid.
  private func checkTour(_ file: String, presets: PresetLibrary) -> Result<Tour, ScenarioError> {
    do throws(ScenarioError) {
      let tour = try TourDecoder.load(path: file)
      _ = try tour.scenarios(presets: presets, source: file)
      return .success(tour)
    } catch {
      return .failure(error)
    }
  }
}
