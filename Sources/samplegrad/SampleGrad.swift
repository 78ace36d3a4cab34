import ArgumentParser

/// The `samplegrad` command: the live explorer by default, and headless tools beside it.
@main
struct SampleGrad: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "samplegrad",
    abstract: "A terminal lab that shows how gradients get through random samples.",
    discussion: """
      With no subcommand, opens the live explorer on the default preset (bias-and-variance).
      Use 'samplegrad run' for the same statistics as JSON or a table.
      """,
    version: "0.1.0",
    subcommands: [
      ExploreCommand.self, RunCommand.self, TrainCommand.self, SweepCommand.self,
      PresetsCommand.self, CheckCommand.self, BenchCommand.self,
    ],
    defaultSubcommand: ExploreCommand.self
  )
}
