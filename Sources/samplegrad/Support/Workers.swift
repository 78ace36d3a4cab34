import Foundation

/// How many worker threads the headless commands use.
enum Workers {
  /// The default: every core.
  static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
  /// What `--threads` accepts. More threads than cores only adds waiting; the cap keeps a
  /// typo from starting a million of them.
  static let range = 1...1024
}
