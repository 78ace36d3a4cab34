import Foundation
import Testing

/// The built binary, run the way the end-to-end tests need it: presets from the package
/// only (whatever the user keeps in ~/.config), output captured.
enum Samplegrad {
  static let environment: [String: String] = {
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CONFIG_HOME"] =
      FileManager.default.temporaryDirectory.appendingPathComponent("samplegrad-e2e-no-config")
      .path
    environment["SAMPLEGRAD_PRESETS"] = ""
    return environment
  }()

  static func run(
    _ arguments: [String], environment extra: [String: String] = [:],
    standardOutput: ChildStream = .capture, standardError: ChildStream = .capture,
    deadline: Double = 60
  ) throws -> ProcessResult {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    return try ChildProcess.run(
      binary, arguments, environment: environment.merging(extra) { _, new in new },
      standardOutput: standardOutput, standardError: standardError, deadline: deadline)
  }

  static func start(_ arguments: [String]) throws -> RunningChild {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    return try ChildProcess.start(binary, arguments, environment: environment)
  }

  /// The text of a built-in preset.
  static func preset(_ name: String) throws -> String {
    try String(
      contentsOf: BuiltExecutable.packageRoot.appendingPathComponent("presets/\(name).toml"),
      encoding: .utf8)
  }
}

/// A temporary folder for scenario files, removed by `remove()`.
final class ScratchFolder: Sendable {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "samplegrad-scratch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Writes `bytes` to `name` and returns its path.
  @discardableResult
  func write(_ name: String, bytes: [UInt8]) throws -> String {
    let path = url.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, bytes: Array(text.utf8))
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  func remove() { try? FileManager.default.removeItem(at: url) }
}

extension ProcessResult {
  /// Exit 2 and exactly one line on stderr, `samplegrad: error: ...`, nothing on stdout.
  var isOneLineUsageError: Bool {
    status == 2 && errorLines.count == 1 && errorLines[0].hasPrefix("samplegrad: error: ")
      && standardOutput.isEmpty && standardError.hasSuffix("\n")
  }
}
