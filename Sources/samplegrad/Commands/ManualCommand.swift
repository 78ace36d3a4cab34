import ArgumentParser

/// `samplegrad generate-manual`: prints the manual page, written from the commands' own
/// help. `docs/samplegrad.1` is its output; a test fails when the two differ.
struct ManualCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate-manual",
    abstract: "Print the manual page (roff) generated from the commands' help.",
    shouldDisplay: false
  )

  func run() throws {
    try Output.line(try ManualPage.render(SampleGrad.self))
  }
}
