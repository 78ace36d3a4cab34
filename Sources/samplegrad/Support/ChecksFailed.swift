/// `samplegrad tour --check` ran and some of the tour's claims did not hold. The results are
/// already on stdout; `CommandRunner` ends with status 1 and prints nothing more.
struct ChecksFailed: Error {
  /// How many checks failed.
  let count: Int
}
