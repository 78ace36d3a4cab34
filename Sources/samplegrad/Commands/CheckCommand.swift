import ArgumentParser
import SampleGradCore

/// `samplegrad check FILE...`: validates scenario files, one line per problem.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate scenario files; prints each problem with its file and key, exit 2 on any."
  )

  @Argument(
    help: "Scenario files (.toml) or preset names.", completion: .file(extensions: ["toml"]))
  var files: [String]

  func run() throws {
    var problems: [String] = []
    let library = PresetLibrary.standard()
    for file in files {
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
}
