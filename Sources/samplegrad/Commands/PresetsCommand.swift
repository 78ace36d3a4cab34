import ArgumentParser
import SampleGradCore

/// `samplegrad presets`: the scenarios a teacher can open, one line each.
struct PresetsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "presets",
    abstract: "List the built-in and user presets, one line each (name and title)."
  )

  func run() throws {
    let library = PresetLibrary.standard()
    let presets = library.summaries()
    guard !presets.isEmpty else {
      throw Failure.lines([
        "no presets found (looked in \(library.folders.joined(separator: ", ")))"
      ])
    }
    let width = presets.map(\.name.count).max() ?? 0
    for preset in presets {
      let pad = String(repeating: " ", count: width - preset.name.count)
      if let problem = preset.problem {
        try Output.line("\(preset.name)\(pad)  BROKEN: \(problem)")
      } else {
        try Output.line("\(preset.name)\(pad)  \(preset.title)")
      }
    }
  }
}
