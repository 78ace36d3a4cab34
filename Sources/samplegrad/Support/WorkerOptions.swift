import ArgumentParser

/// `--threads`, shared by every command that spreads work over the cores. Results never
/// depend on it (fixed chunk plans and per-chunk streams).
struct WorkerOptions: ParsableArguments {
  @Option(
    name: .long, parsing: .unconditional,
    help: "Worker threads, 1 to 1024 (default: all cores). Results do not depend on it.",
    transform: FlagValue.wholeNumber(Workers.range))
  var threads: Int?

  /// The threads to use: the flag's, else every core.
  var count: Int { threads ?? Workers.cores }
}
