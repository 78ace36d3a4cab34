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
    try LibraryListing.print(library.summaries(), from: library)
  }
}
