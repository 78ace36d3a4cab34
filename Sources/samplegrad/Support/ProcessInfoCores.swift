import Foundation

/// How many cores the headless commands use by default.
enum ProcessInfoCores {
  static var count: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
