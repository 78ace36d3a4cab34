import ArgumentParser
import Foundation

/// The `samplegrad` command: the live explorer by default, and headless tools beside it.
@main
struct SampleGrad: ParsableCommand {
  /// The version `--version` prints and the manual page carries; change it only here.
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "samplegrad",
    abstract: "A terminal lab that shows how gradients get through random samples.",
    discussion: """
      With no subcommand, opens the live explorer on the default preset (bias-and-variance). \
      Use 'samplegrad run' for the same statistics as JSON or a table.
      """,
    version: version,
    subcommands: [
      ExploreCommand.self, RunCommand.self, PresetsCommand.self, CheckCommand.self,
      BenchCommand.self, ManualCommand.self,
    ],
    defaultSubcommand: ExploreCommand.self
  )

  /// Replaces ArgumentParser's `main`, which prints with `print` (a failed write is lost)
  /// and exits 64 with several lines on a usage error: `CommandRunner` holds samplegrad's
  /// rules instead.
  static func main() {
    StandardStreams.reserve()
    SignalGuard.installQuitHandler()
    Foundation.exit(CommandRunner.run(Array(CommandLine.arguments.dropFirst())))
  }
}
