import Foundation

/// Finds the `samplegrad` binary that `swift build`/`swift test` built alongside the tests:
/// next to the test bundle in the products folder (whatever the scratch path), else under
/// the package's own `.build`. `SAMPLEGRAD_BINARY` names another one (say, a build of an
/// older commit, to see which tests it fails).
enum BuiltExecutable {
  static let samplegrad: String? =
    ProcessInfo.processInfo.environment["SAMPLEGRAD_BINARY"] ?? locate("samplegrad")

  static func locate(_ name: String) -> String? {
    var folders: [URL] = []
    #if os(Linux)
      let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      folders.append(runner.deletingLastPathComponent())
    #endif
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      folders.append(URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent())
    }
    if let first = CommandLine.arguments.first {
      folders.append(URL(fileURLWithPath: first).deletingLastPathComponent())
    }
    folders.append(packageRoot.appendingPathComponent(".build/debug"))
    return folders.lazy.map { $0.appendingPathComponent(name).path }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Whether the tests, and so the binary built alongside them, run under the thread
  /// sanitizer (CI's second run).
  static let underThreadSanitizer = dlsym(nil, "__tsan_init") != nil

  /// The source tree the tests were built from.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
}
