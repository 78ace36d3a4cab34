import ArgumentParser
import Foundation
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

  @Argument(help: "Scenario or tour files (.toml), or preset names.")
  var files: [String]

  func run() throws {
    var problems: [String] = []
    let library = PresetLibrary.standard()
    for file in files {
      if TourFileSniffer.isTour(file) {
        problems += checkTour(file, presets: library)
        continue
      }
      do {
        let scenario = try library.load(file)
        print("\(file): ok (\(scenario.name): \(scenario.displayTitle))")
      } catch {
        problems += error.lines
      }
    }
    if !problems.isEmpty { throw Failure.report(problems) }
  }

  /// A tour's problems: its syntax and keys, its steps' settings and its checks' references.
  private func checkTour(_ file: String, presets: PresetLibrary) -> [String] {
    do throws(ScenarioError) {
      let tour = try TourDecoder.load(path: file)
      do throws(InvalidScenario) {
        _ = try tour.scenarios(presets: presets)
        print("\(file): ok (tour \(tour.name): \(tour.title), \(tour.steps.count) steps)")
        return []
      } catch {
        return ScenarioError(source: file, error).lines
      }
    } catch {
      return error.lines
    }
  }
}

/// Tells a tour file from a scenario file: it lives in a `tours/` folder or has `[[step]]`.
enum TourFileSniffer {
  static func isTour(_ file: String) -> Bool {
    guard PresetLibrary.isPath(file) else { return false }
    if file.split(separator: "/").dropLast().last == "tours" { return true }
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return false }
    return text.split(separator: "\n").contains {
      $0.trimmingCharacters(in: .whitespaces) == "[[step]]"
    }
  }
}
