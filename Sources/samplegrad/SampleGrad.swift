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
      With no subcommand, opens the live explorer on the default preset (bias-and-variance); \
      'samplegrad run' prints the same statistics as JSON or a table. In the explorer, ? lists \
      the keys and Tab in the help explains every symbol. 'samplegrad tour NAME' plays a \
      guided tour in the explorer, step by step ('samplegrad tours' lists them).

      Explorer options (samplegrad [explore] ...; more in 'samplegrad help explore'):
        --preset <name|path>      a preset (see 'samplegrad presets') or a .toml file
        --seed, --temperature, --logits
                                  change the scenario, as for 'run'
        --theme dark|light|mono   light: dark text on light, for projectors
        --ascii                   ASCII only, no Unicode blocks or lines
        --no-color                no colour (also when NO_COLOR is set)
        --no-mouse                leave the mouse to the terminal
      """,
    version: version,
    subcommands: [
      ExploreCommand.self, RunCommand.self, SweepCommand.self, TrainCommand.self,
      PresetsCommand.self, CheckCommand.self, BenchCommand.self, TourCommand.self,
      ToursCommand.self, OverviewCommand.self, ManualCommand.self,
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
