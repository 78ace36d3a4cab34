import ArgumentParser
import SampleGradCore

/// `samplegrad check FILE...`: validates scenario files, one line per problem.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate scenario files; prints each problem with its file and key, exit 2 on any."
  )

  @Argument(help: "Scenario files (.toml) or preset names.")
  var files: [String]

  func run() throws {
    var problems: [String] = []
    let library = PresetLibrary.standard()
    for file in files {
      do {
        let scenario = try library.load(file)
        print("\(file): ok (\(scenario.name): \(scenario.displayTitle))")
      } catch {
        problems += error.lines
      }
    }
    if !problems.isEmpty { throw Failure.report(problems) }
  }
}
