import SampleGradCore

/// A mistake in what the user typed or in a file they named. `CommandRunner` reports it as
/// `samplegrad: error: ...` lines on stderr and exits with status 2, the code scripts can
/// rely on for "your input was wrong".
enum Failure: Error {
  /// A command-line mistake, one line; the runner adds a pointer to the command's --help.
  case usage(String)
  /// A scenario that cannot run, from its file or from the flags that changed it: one line
  /// (the first problem, and how many more there are).
  case scenario(ScenarioError)
  /// Lines printed as they are: `check` reports every problem, one line each.
  case lines([String])
}
