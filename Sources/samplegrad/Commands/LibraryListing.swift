import SampleGradCore

/// `samplegrad presets` and `samplegrad tours`: one line per file found, the name padded to
/// a column, then its title or why it is broken.
enum LibraryListing {
  static func print(_ summaries: [PresetSummary], from library: PresetLibrary) throws {
    guard !summaries.isEmpty else {
      throw Failure.lines([
        "no \(library.noun)s found (looked in \(library.folders.joined(separator: ", ")))"
      ])
    }
    let width = summaries.map(\.name.count).max() ?? 0
    for summary in summaries {
      let pad = String(repeating: " ", count: width - summary.name.count)
      let text = summary.problem.map { "BROKEN: \($0)" } ?? summary.title
      try Output.line("\(summary.name)\(pad)  \(text)")
    }
  }
}
